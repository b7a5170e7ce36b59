// Frozen migration: never edit after release; add a new dated file instead.
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';

  // One row per check of a resource run: the history (QUALITY.md: results and their history).
  await db.schema
    .createTable('quality_runs')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('resource_id', 'integer', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('badge', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('fetch_error', 'text')
    .addColumn('sniffed_format', 'text')
    .addColumn('sha256', 'text')
    .addColumn('bytes', 'bigint')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('content_changed', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON: { [checkId]: { status, version, evidence, fix } }
    .addColumn('results', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('quality_runs_resource_started')
    .on('quality_runs')
    .columns(['resource_id', 'started_at'])
    .execute();

  // The latest result of each check of each resource: what pages, APIs and facets read.
  await db.schema
    .createTable('resource_checks')
    .addColumn('resource_id', 'integer', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('check_id', 'text', (c) => c.notNull())
    .addColumn('check_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('fix_zh', 'text')
    .addColumn('fix_en', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_checks_pk', ['resource_id', 'check_id'])
    .execute();
  await db.schema
    .createIndex('resource_checks_check_status')
    .on('resource_checks')
    .columns(['check_id', 'status'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('resource_checks').execute();
  await db.schema.dropTable('quality_runs').execute();
}
