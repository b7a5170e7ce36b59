/**
 * Latency of autocomplete (`GET /api/v1/search/suggest`) and related datasets
 * (`GET /api/v1/datasets/{id}/related`), beside odp's own search as the peer, on the
 * demo catalogue (`odp serve --demo`, seeded as search-relevance.bench.ts does) or on a
 * synthetic catalogue of N datasets (as search-latency.bench.ts builds it), on SQLite or,
 * with --postgres, on a fresh schema of that PostgreSQL database.
 *
 * Autocomplete: every judged query (judged-queries.json) typed one character at a time,
 * each prefix one request. Search: every judged query once (limit 10, no facets). Related:
 * every 10th listed dataset, at most MAX_RELATED_SOURCES of them. One warm-up pass, then --rounds timed rounds, one call at a
 * time. Prints p50/p95/p99/max in ms and saves the report under bench/results/.
 *
 *   node scripts/run-node24.cjs --import tsx bench/search/suggest-latency.ts \
 *     [--datasets N] [--postgres postgres://…] [--rounds 3]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../packages/portal/src/db/database.ts';
import { migrateToLatest } from '../../packages/portal/src/db/migrate.ts';
import { LISTED_STATUSES } from '../../packages/portal/src/domain/dataset-status.ts';
import { getDataset } from '../../packages/portal/src/features/datasets/dataset.service.ts';
import { seedDemoIfEmpty } from '../../packages/portal/src/features/demo/demo-seed.ts';
import { relatedDatasets, searchDatasets, suggestSearches } from '../../packages/portal/src/search/index.ts';
import { fmt, Report } from '../lib/report.ts';
import { seedCatalogue } from './catalogue.ts';
import { buildLargeCatalogue } from './large-catalogue.ts';
import { loadJudgedQueries } from './relevance.ts';

/** Related datasets are timed for at most this many datasets, spread over the catalogue. */
const MAX_RELATED_SOURCES = 400;
const SEED = { publicUrl: 'http://127.0.0.1:3999', log: () => {}, now: new Date('2025-07-01T02:00:00Z') };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timed(calls: (() => Promise<unknown>)[], rounds: number): Promise<number[]> {
  for (const call of calls) await call();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const call of calls) {
      const t0 = performance.now();
      await call();
      times.push(performance.now() - t0);
    }
  }
  return times.sort((a, b) => a - b);
}

const summary = (name: string, calls: number, sorted: number[]): string =>
  `${name.padEnd(34)} ${String(calls).padStart(6)} calls  p50 ${fmt(percentile(sorted, 50), 2)}  ` +
  `p95 ${fmt(percentile(sorted, 95), 2)}  p99 ${fmt(percentile(sorted, 99), 2)}  max ${fmt(sorted.at(-1) ?? 0, 2)} ms`;

/** A fresh PostgreSQL schema with the demo catalogue, dropped by the returned function. */
async function postgresDemo(url: string): Promise<{ handle: DatabaseHandle; destroy(): Promise<void> }> {
  const schema = `bench_suggest_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const handle = openDatabase({ databaseUrl: url, sqlitePath: ':memory:', pgSchema: schema, poolSize: 4 });
  const destroy = async () => {
    await handle.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  };
  try {
    await migrateToLatest(handle.db, schema);
    await seedDemoIfEmpty(handle, SEED);
    // As autovacuum would after a bulk load: planner statistics for the new tables.
    await sql`analyze`.execute(handle.db);
  } catch (error) {
    await destroy();
    throw error;
  }
  return { handle, destroy };
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      datasets: { type: 'string' },
      postgres: { type: 'string' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const rounds = Number(values.rounds);
  const report = new Report('suggest-latency');
  const t0 = performance.now();
  let handle: DatabaseHandle;
  let destroy: () => Promise<void>;
  let what: string;
  if (values.postgres) {
    ({ handle, destroy } = await postgresDemo(values.postgres));
    what = 'demo catalogue on PostgreSQL';
  } else if (values.datasets) {
    const large = await buildLargeCatalogue(Number(values.datasets.replaceAll('_', '')));
    ({ handle, destroy } = large);
    what = `synthetic catalogue of ${large.datasets} datasets on SQLite`;
  } else {
    ({ handle, destroy } = await seedCatalogue());
    what = 'demo catalogue on SQLite';
  }
  try {
    report.line(`${what}, ready in ${fmt((performance.now() - t0) / 1000, 1)} s; ${rounds} timed rounds`);
    const queries = loadJudgedQueries().map((q) => q.query);
    const prefixes = queries.flatMap((q) => {
      const chars = [...q];
      return chars.map((_, i) => chars.slice(0, i + 1).join('')).filter((p) => p.trim() !== '');
    });
    const ids = (
      await handle.db
        .selectFrom('datasets')
        .select('id')
        .where('status', 'in', [...LISTED_STATUSES])
        .orderBy('id')
        .execute()
    )
      .map((r) => Number(r.id))
      .filter((_, i, all) => i % Math.max(10, Math.ceil(all.length / MAX_RELATED_SOURCES)) === 0);
    const sources = await Promise.all(ids.map((id) => getDataset(handle, id)));

    let suggested = 0;
    const suggest = await timed(
      prefixes.map((q) => async () => {
        if ((await suggestSearches(handle, { q })).suggestions.length > 0) suggested++;
      }),
      rounds,
    );
    const search = await timed(
      queries.map((q) => () => searchDatasets(handle, { q, limit: 10, withoutFacets: true })),
      rounds,
    );
    let relatedFound = 0;
    const related = await timed(
      sources.map((d) => async () => {
        if ((await relatedDatasets(handle, d)).length > 0) relatedFound++;
      }),
      rounds,
    );
    report.line(summary('autocomplete (each typed prefix)', prefixes.length, suggest));
    report.line(summary('search, peer (limit 10, no facets)', queries.length, search));
    report.line(summary('related datasets (limit 5)', sources.length, related));
    report.line(
      `autocomplete answered ${fmt((100 * suggested) / (prefixes.length * (rounds + 1)), 1)}% of prefixes with ` +
        `suggestions; related found some for ${fmt((100 * relatedFound) / (sources.length * (rounds + 1)), 1)}% of datasets`,
    );
  } finally {
    await destroy();
  }
  report.save();
}

await main(process.argv.slice(2));
