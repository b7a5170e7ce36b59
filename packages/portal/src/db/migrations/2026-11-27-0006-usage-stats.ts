// Frozen migration: never edit after release; add a new dated file instead.
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * Usage statistics (docs/counting.md): an append-only log of counted requests (page
 * views, downloads, API calls), written in batches off the read path, and what the daily
 * job rolls it up into — per-dataset and site-wide daily counts, and each dataset's
 * totals that the popular lists and the search sorts read. No IP address or other
 * personal data is stored.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'bigserial' : 'integer';

  await db.schema
    .createTable('usage_events')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    // view, download, api
    .addColumn('kind', 'text', (c) => c.notNull())
    // The dataset named by the path: its datasetId, or its identifier (resolved when aggregated).
    .addColumn('dataset_id', 'integer')
    .addColumn('dataset_identifier', 'text')
    .addColumn('resource_id', 'text')
    .execute();
  await db.schema.createIndex('usage_events_occurred_at').on('usage_events').column('occurred_at').execute();

  await db.schema
    .createTable('dataset_usage_daily')
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    // YYYY-MM-DD, Asia/Taipei
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addColumn('downloads', 'integer', (c) => c.notNull())
    .addColumn('api_calls', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dataset_usage_daily_pk', ['dataset_id', 'day'])
    .execute();
  await db.schema.createIndex('dataset_usage_daily_day').on('dataset_usage_daily').column('day').execute();

  await db.schema
    .createTable('site_usage_daily')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addColumn('downloads', 'integer', (c) => c.notNull())
    .addColumn('api_calls', 'integer', (c) => c.notNull())
    .addColumn('aggregated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dataset_usage_totals')
    .addColumn('dataset_id', 'integer', (c) => c.primaryKey().references('datasets.id').onDelete('cascade'))
    .addColumn('views_total', 'bigint', (c) => c.notNull())
    .addColumn('downloads_total', 'bigint', (c) => c.notNull())
    .addColumn('api_calls_total', 'bigint', (c) => c.notNull())
    .addColumn('views_7d', 'integer', (c) => c.notNull())
    .addColumn('downloads_7d', 'integer', (c) => c.notNull())
    .addColumn('api_calls_7d', 'integer', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dataset_usage_totals').execute();
  await db.schema.dropTable('site_usage_daily').execute();
  await db.schema.dropTable('dataset_usage_daily').execute();
  await db.schema.dropTable('usage_events').execute();
}
