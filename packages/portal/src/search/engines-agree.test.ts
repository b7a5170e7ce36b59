import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresUrl, openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { getDataset } from '../features/datasets/dataset.service.ts';
import { seedDemoIfEmpty } from '../features/demo/demo-seed.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { relatedDatasets, searchDatasets, suggestSearches } from './index.ts';

/**
 * The acceptance line of search: the same results on SQLite and PostgreSQL for the whole
 * judged query set (bench/search/judged-queries.json). The demo catalogue that
 * bench/search-relevance.bench.ts uses is seeded into a SQLite database and into a fresh
 * PostgreSQL schema; every judged query is run on both and the top 10 compared, and so
 * are autocomplete for the same text and related datasets for a sample of datasets.
 *
 * Runs when DATABASE_URL is a PostgreSQL URL (the PostgreSQL run of the suite).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const JUDGED = path.join(here, '..', '..', '..', '..', 'bench', 'search', 'judged-queries.json');
/** As bench/search/catalogue.ts seeds it: the same catalogue on every run. */
const SEED = { publicUrl: 'http://127.0.0.1:3999', log: () => {}, now: new Date('2025-07-01T02:00:00Z') };

interface JudgedQuery {
  id: string;
  query: string;
}

/** One engine's answer, in identifiers (datasetIds are the same on both, but need not be). */
interface Answer {
  total: number;
  top10: string[];
  didYouMean: string | null;
}

async function identifiers(handle: DatabaseHandle): Promise<Map<number, string>> {
  const rows = await handle.db.selectFrom('datasets').select(['id', 'identifier']).execute();
  return new Map(rows.map((r) => [Number(r.id), r.identifier]));
}

async function answer(handle: DatabaseHandle, q: string): Promise<Answer> {
  const r = await searchDatasets(handle, { q, limit: 10, withoutFacets: true });
  return { total: r.total, top10: r.hits.map((h) => h.identifier), didYouMean: r.didYouMean ?? null };
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

const url = process.env.DATABASE_URL;

describe.runIf(isPostgresUrl(url))('search gives the same results on SQLite and PostgreSQL', () => {
  let sqlite: DatabaseHandle;
  let postgres: TestDatabase;
  let ids: { sqlite: Map<number, string>; postgres: Map<number, string> };
  const queries = JSON.parse(readFileSync(JUDGED, 'utf8')) as JudgedQuery[];

  beforeAll(async () => {
    sqlite = openDatabase({ sqlitePath: ':memory:' });
    await migrateToLatest(sqlite.db);
    postgres = await openTestDatabase();
    for (const handle of [sqlite, postgres]) {
      const seeded = await seedDemoIfEmpty(handle, SEED);
      expect(seeded.datasets).toBeGreaterThan(3000);
    }
    ids = { sqlite: await identifiers(sqlite), postgres: await identifiers(postgres) };
  }, 120_000);

  afterAll(async () => {
    await sqlite?.close();
    await postgres?.destroy();
  });

  it('has the whole judged query set to compare', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
  });

  it('returns the same total and the same top-10 set for every judged query', async () => {
    const differences: string[] = [];
    let orderDiffers = 0;
    for (const { id, query } of queries) {
      const [a, b] = [await answer(sqlite, query), await answer(postgres, query)];
      if (a.total !== b.total || !sameSet(a.top10, b.top10) || a.didYouMean !== b.didYouMean) {
        differences.push(
          `${id} ${JSON.stringify(query)}\n  SQLite     total ${a.total} didYouMean ${a.didYouMean} top10 ${a.top10.join(' ')}` +
            `\n  PostgreSQL total ${b.total} didYouMean ${b.didYouMean} top10 ${b.top10.join(' ')}`,
        );
      } else if (a.top10.join() !== b.top10.join()) orderDiffers++;
    }
    if (differences.length > 0) console.log(differences.join('\n'));
    expect(differences).toEqual([]);
    // docs/search.md: with at most 1,000 matches the order is the same by construction.
    expect(orderDiffers).toBe(0);
  });

  it('suggests the same for every judged query typed as a prefix', async () => {
    const differences: string[] = [];
    const show = (s: { text: string; kind: string; datasetId?: number }[], map: Map<number, string>) =>
      s.map((x) => `${x.kind}:${x.text}${x.datasetId ? `(${map.get(x.datasetId)})` : ''}`).join(' | ');
    let suggested = 0;
    for (const { id, query } of queries) {
      const a = show((await suggestSearches(sqlite, { q: query, limit: 10 })).suggestions, ids.sqlite);
      const b = show((await suggestSearches(postgres, { q: query, limit: 10 })).suggestions, ids.postgres);
      if (a) suggested++;
      if (a !== b) differences.push(`${id} ${JSON.stringify(query)}\n  SQLite     ${a}\n  PostgreSQL ${b}`);
    }
    if (differences.length > 0) console.log(differences.join('\n'));
    expect(differences).toEqual([]);
    expect(suggested).toBeGreaterThan(queries.length / 2);
  });

  it('finds the same related datasets for a sample of datasets', async () => {
    const differences: string[] = [];
    let found = 0;
    const sample = [...ids.sqlite.keys()].sort((x, y) => x - y).filter((_, i) => i % 75 === 0);
    for (const datasetId of sample) {
      const identifier = ids.sqlite.get(datasetId)!;
      const [a, b] = await Promise.all(
        [sqlite, postgres].map(async (handle) => {
          const map = handle === sqlite ? ids.sqlite : ids.postgres;
          const id = [...map].find(([, ident]) => ident === identifier)![0];
          const related = await relatedDatasets(handle, await getDataset(handle, id), 10);
          return related.map((r) => `${r.identifier}:${r.score}`).join(' ');
        }),
      );
      if (a) found++;
      if (a !== b) differences.push(`${identifier}\n  SQLite     ${a}\n  PostgreSQL ${b}`);
    }
    if (differences.length > 0) console.log(differences.join('\n'));
    expect(differences).toEqual([]);
    expect(found).toBeGreaterThan(sample.length / 2);
  });
});
