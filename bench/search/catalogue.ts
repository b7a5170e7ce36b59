/**
 * The demo catalogue (`odp serve --demo`), seeded into a temporary SQLite database in
 * this process, and the searchable text of each dataset. Shared by make-judgements.ts
 * and search-relevance.bench.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../packages/portal/src/db/database.ts';
import { migrateToLatest } from '../../packages/portal/src/db/migrate.ts';
import { seedDemoIfEmpty } from '../../packages/portal/src/features/demo/demo-seed.ts';

/** The seed's resources point here; nothing is fetched. */
const PUBLIC_URL = 'http://127.0.0.1:3999';
/** A fixed clock, so dates in the catalogue are the same on every run. */
const NOW = new Date('2025-07-01T02:00:00Z');

/** The text of one dataset that a search may look at. */
export interface CatalogueDoc {
  identifier: string;
  status: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  /** 主要欄位說明 */
  fieldDescription: string;
  keywords: string[];
  /** 提供機關 (Chinese name) */
  agencyZh: string;
  /** The agency's English name from the OID registry, when it has one. */
  agencyEn: string;
}

export interface SeededCatalogue {
  handle: DatabaseHandle;
  /** The SQLite file. */
  file: string;
  docs: CatalogueDoc[];
  destroy(): Promise<void>;
}

/** Seeds the demo catalogue into a fresh temporary SQLite file and reads its text back. */
export async function seedCatalogue(log: (message: string) => void = () => {}): Promise<SeededCatalogue> {
  const dir = mkdtempSync(path.join(tmpdir(), 'odp-bench-search-'));
  const file = path.join(dir, 'odp.db');
  const handle = openDatabase({ sqlitePath: file });
  try {
    await migrateToLatest(handle.db);
    await seedDemoIfEmpty(handle, { publicUrl: PUBLIC_URL, log, now: NOW });
    const docs = await readDocs(handle);
    return {
      handle,
      file,
      docs,
      async destroy() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The searchable text of every dataset . */
export async function readDocs(handle: DatabaseHandle): Promise<CatalogueDoc[]> {
  const rows = await handle.db
    .selectFrom('datasets')
    .leftJoin('organizations', 'organizations.id', 'datasets.organizationId')
    .select([
      'datasets.identifier',
      'datasets.status',
      'datasets.titleZh',
      'datasets.titleEn',
      'datasets.descriptionZh',
      'datasets.descriptionEn',
      'datasets.fieldDescription',
      'datasets.keywords',
      'datasets.publisherName',
      'organizations.nameEn',
    ])
    .orderBy('datasets.identifier')
    .execute();
  return rows.map((r): CatalogueDoc => ({
    identifier: r.identifier,
    status: r.status,
    titleZh: r.titleZh,
    titleEn: r.titleEn ?? '',
    descriptionZh: r.descriptionZh,
    descriptionEn: r.descriptionEn ?? '',
    fieldDescription: r.fieldDescription,
    keywords: JSON.parse(r.keywords) as string[],
    agencyZh: r.publisherName,
    agencyEn: r.nameEn ?? '',
  }));
}

/** Size in bytes of a SQLite file with its -wal and -shm. */
