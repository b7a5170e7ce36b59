import { sql } from 'kysely';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { parseAgencyRegistry } from '../organizations/agency-registry.ts';
import { importAgencyRegistry } from '../organizations/agency-registry.import.ts';
import { DemoCatalogue, type DemoItem } from './demo-catalogue.ts';
import { knownAgencyCodes, realDemoDatasets } from './demo-real-datasets.ts';
import { readRealText } from './demo-real-files.ts';
import { FEATURED_NATIONAL_TITLES, loadTitleEntries } from './demo-sources.ts';
import { seedDemoAccounts } from './demo-accounts.ts';
import { hasDatasets } from './demo.repo.ts';

/** How many data.gov.tw titles join the city catalogues in the seeded demo: the featured ones and 1,200 more. */
export const DEMO_NATIONAL_TITLES = FEATURED_NATIONAL_TITLES.length + 1_200;
/** Who the demo's versions name as author. */
export const DEMO_ACTOR = 'demo';
/** PostgreSQL advisory lock: two servers starting at once seed once. */
const SEED_LOCK = 0x6f6470;

export interface SeedOptions {
  /** The portal's public base URL: resources point at `${publicUrl}/demo-files/…`. */
  publicUrl: string;
  log: (message: string) => void;
  now?: Date;
}

/** The agencies, and a catalogue to draw datasets from, for `odp demo` and the seed. */
export async function prepareDemoCatalogue(
  ctx: CatalogueContext,
  options: { publicUrl: string; now?: Date },
) {
  const registryText = readRealText('agency-oid-registry-2016.csv');
  const agencies = await importAgencyRegistry(ctx, registryText, options.now ? { now: options.now } : {});
  const catalogue = await DemoCatalogue.open(ctx, {
    publicUrl: options.publicUrl,
    registry: parseAgencyRegistry(registryText),
    knownCodes: knownAgencyCodes(),
  });
  return { agencies, catalogue };
}

/** What the seed creates: the real-file datasets, then the city catalogues and DEMO_NATIONAL_TITLES more. */
function demoSeedItems(catalogue: DemoCatalogue): DemoItem[] {
  const { cityCount } = loadTitleEntries();
  return [...realDemoDatasets(catalogue), ...catalogue.synthetic(0, cityCount + DEMO_NATIONAL_TITLES)];
}

/**
 * `odp serve --demo`: on an empty catalogue (no datasets), seeds in one transaction
 * every agency of the OID registry, one dataset per real file in demo/real and a
 * synthetic dataset per title of the city catalogues plus DEMO_NATIONAL_TITLES
 * data.gov.tw titles — the same catalogue on every run. Returns how many datasets it
 * created (0 when the catalogue was not empty).
 */
export async function seedDemoIfEmpty(
  ctx: CatalogueContext,
  options: SeedOptions,
): Promise<{ seeded: boolean; datasets: number }> {
  const started = performance.now();
  const now = options.now ?? new Date();
  return inTransaction(ctx.db, async (db) => {
    const tx: CatalogueContext = { ...ctx, db };
    if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(db);
    if (await hasDatasets(db)) return { seeded: false, datasets: 0 };
    options.log('The catalogue is empty: seeding the demo catalogue…');
    const { agencies, catalogue } = await prepareDemoCatalogue(tx, { publicUrl: options.publicUrl, now });
    const items = demoSeedItems(catalogue);
    const codes = await catalogue.saveAgencyCodes(tx, now);
    await createDatasets(tx, items, { actor: DEMO_ACTOR, action: 'import', now });
    // Demo only: a platform administrator and an agency editor with published passwords (README).
    await seedDemoAccounts(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    options.log(
      `Demo catalogue: ${items.length} datasets, ${agencies.created + agencies.updated + agencies.unchanged} agencies ` +
        `(${codes} with demo agency codes) in ${seconds} s`,
    );
    return { seeded: true, datasets: items.length };
  });
}
