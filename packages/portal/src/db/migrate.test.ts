import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { migrateToLatest } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

describe(`migrations on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('creates every catalogue table with its columns', async () => {
    const tables = await t.db.introspection.getTables();
    // This file's own schema only (other test files' schemas live in the same PostgreSQL database).
    const names = tables
      .filter((table) => t.schema === undefined || table.schema === t.schema)
      .map((table) => table.name)
      .filter((n) => !n.startsWith('kysely_'));
    expect(names.sort()).toEqual(
      [
        // Bumped by triggers on every facet-changing write (search/facet-attribute-cache.ts).
        'catalogue_facet_stamp',
        'dataset_keywords',
        // The metadata quality score of each dataset (docs/quality.md).
        'dataset_metadata_scores',
        'dataset_themes',
        // Usage statistics (docs/counting.md).
        'dataset_usage_daily',
        'dataset_usage_totals',
        'dataset_versions',
        'datasets',
        'organizations',
        // Quality dashboards and notifications (docs/quality.md).
        'quality_notifications',
        'quality_snapshots',
        'quality_runs',
        'resource_checks',
        // Normalised tables of the data API (docs/data-api.md).
        'resource_tables',
        'resources',
        'site_usage_daily',
        'usage_events',
        // Accounts and publishing (docs/accounts.md).
        'account_tokens',
        'api_keys',
        'audit_log',
        'memberships',
        'sessions',
        'stored_files',
        'users',
        // The job queue's tables are SQLite's own; pg-boss keeps its tables on PostgreSQL.
        ...(t.dialect === 'sqlite' ? ['jobs', 'job_schedules'] : []),
        // The search index: an FTS5 table (with its shadow tables and vocabulary) on SQLite.
        ...(t.dialect === 'sqlite'
          ? [
              'search_fts',
              'search_fts_config',
              'search_fts_content',
              'search_fts_data',
              'search_fts_docsize',
              'search_fts_idx',
              'search_fts_vocab',
            ]
          : ['search_documents']),
      ].sort(),
    );
    const datasets = tables.find((table) => table.name === 'datasets');
    expect(datasets?.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'identifier',
        'category_code',
        'field_description',
        'accrual_periodicity',
        'status',
      ]),
    );
  });

  it('has dated, ordered names and is a no-op the second time', async () => {
    for (const name of Object.keys(MIGRATIONS)) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-\d{4}-[a-z-]+$/);
    const again = await migrateToLatest(t.db, t.schema);
    expect(again.results).toEqual([]);
  });
});
