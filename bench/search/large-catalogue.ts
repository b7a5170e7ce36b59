/**
 * A synthetic catalogue of N datasets in a temporary SQLite file, built in this process
 * the way `odp demo --datasets N` builds it (packages/portal/src/cli/commands/
 * demo.command.ts): the agency registry, then DemoCatalogue.synthetic in batches of
 * 5,000, each batch one transaction through createDatasets — which writes the search
 * index in the same transaction — with a full garbage collection between batches.
 * Also: `odp reindex` over the result (clearIndex, then indexDatasets in batches of
 * 2,000), and the searchable text of each dataset for the FTS5 baseline.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openDatabase, type DatabaseHandle } from '../../packages/portal/src/db/database.ts';
import { migrateToLatest } from '../../packages/portal/src/db/migrate.ts';
import { inTransaction } from '../../packages/portal/src/db/transaction.ts';
import { createDatasets } from '../../packages/portal/src/features/datasets/dataset.service.ts';
import { DEMO_ACTOR, prepareDemoCatalogue } from '../../packages/portal/src/features/demo/demo-seed.ts';
import { rebuildSearchIndex } from '../../packages/portal/src/search/index.ts';

/** The resources point here; nothing is fetched. */
const PUBLIC_URL = 'http://127.0.0.1:3999';
/** `odp demo`'s and `odp reindex`'s default batch sizes. */
const DEMO_BATCH = 5000;
const REINDEX_BATCH = 2000;

/** As demo.command.ts does between batches (native statement memory is freed on GC). */
async function collectGarbage(): Promise<void> {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  await new Promise((resolve) => setImmediate(resolve));
}

export interface LargeCatalogue {
  handle: DatabaseHandle;
  /** The SQLite file. */
  file: string;
  datasets: number;
  /** Wall time of the build (datasets, resources and search index together). */
  buildSeconds: number;
  destroy(): Promise<void>;
}

/** Builds N demo datasets into a fresh temporary SQLite file, as `odp demo --datasets N`. */
/** buildLargeCatalogue with its progress on stderr every 10 s (the benches' long builds). */
export function buildLargeCatalogueShowingProgress(datasets: number): Promise<LargeCatalogue> {
  let lastShown = 0;
  return buildLargeCatalogue(datasets, (done, total) => {
    if (performance.now() - lastShown > 10_000 || done === total) {
      lastShown = performance.now();
      console.error(`  built ${done.toLocaleString('en')}/${total.toLocaleString('en')} datasets`);
    }
  });
}

export async function buildLargeCatalogue(
  datasets: number,
  progress: (done: number, total: number) => void = () => {},
): Promise<LargeCatalogue> {
  const dir = mkdtempSync(path.join(tmpdir(), 'odp-bench-latency-'));
  const file = path.join(dir, 'odp.db');
  const handle = openDatabase({ sqlitePath: file });
  const destroy = async (): Promise<void> => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(handle.db);
    const ctx = { db: handle.db, dialect: handle.dialect };
    const started = performance.now();
    const { catalogue } = await prepareDemoCatalogue(ctx, { publicUrl: PUBLIC_URL });
    for (let done = 0; done < datasets;) {
      const items = catalogue.synthetic(done, Math.min(DEMO_BATCH, datasets - done));
      await inTransaction(handle.db, async (db) => {
        await catalogue.saveAgencyCodes({ ...ctx, db }, new Date());
        await createDatasets({ ...ctx, db }, items, { actor: DEMO_ACTOR, action: 'import' });
      });
      done += items.length;
      progress(done, datasets);
      await collectGarbage();
    }
    const buildSeconds = (performance.now() - started) / 1000;
    return { handle, file, datasets, buildSeconds, destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
}

/** `odp reindex`: empties the index and indexes every listed dataset again. Returns the count and seconds. */
export async function reindex(handle: DatabaseHandle): Promise<{ datasets: number; seconds: number }> {
  const started = performance.now();
  const datasets = await rebuildSearchIndex(handle, { batchSize: REINDEX_BATCH });
  return { datasets, seconds: (performance.now() - started) / 1000 };
}

export function sqliteFileBytes(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      total += statSync(f).size;
    } catch {
      // not there
    }
  }
  return total;
}
