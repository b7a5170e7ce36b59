// Frozen migration: never edit after release; add a new dated file instead.
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * Quality dashboards and notifications (docs/quality.md, "Dashboards and notifications"):
 * the daily snapshots of badge counts the trend charts read — one row a day for the whole
 * platform (organization_id null; level `all`, `central`, `local`) and one a day for each
 * agency — and the badge-drop e-mails sent, at most one a dataset a day.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'bigserial' : 'integer';
  const realType = isPostgres(db) ? 'double precision' : 'real';

  await db.schema
    .createTable('quality_snapshots')
    .addColumn('id', idType, (c) => c.primaryKey())
    // YYYY-MM-DD, Asia/Taipei
    .addColumn('day', 'text', (c) => c.notNull())
    // null: the whole platform
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('cascade'))
    // all, central (中央), local (地方)
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('platinum', 'integer', (c) => c.notNull())
    .addColumn('gold', 'integer', (c) => c.notNull())
    .addColumn('silver', 'integer', (c) => c.notNull())
    .addColumn('bronze', 'integer', (c) => c.notNull())
    .addColumn('none', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('award_score', realType, (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quality_snapshots_day').on('quality_snapshots').column('day').execute();
  await db.schema
    .createIndex('quality_snapshots_organization_day')
    .on('quality_snapshots')
    .columns(['organization_id', 'day'])
    .execute();

  await db.schema
    .createTable('quality_notifications')
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    // YYYY-MM-DD, Asia/Taipei
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('from_badge', 'text', (c) => c.notNull())
    .addColumn('to_badge', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('quality_notifications_pk', ['dataset_id', 'day'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('quality_notifications').execute();
  await db.schema.dropTable('quality_snapshots').execute();
}
