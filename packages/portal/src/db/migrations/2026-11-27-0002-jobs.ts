// Frozen migration: never edit after release; add a new dated file instead.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * The job queue's tables on SQLite. On PostgreSQL pg-boss owns its own tables (in a
 * schema of its own), so nothing is created there.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_delay_seconds', 'integer', (c) => c.notNull())
    .addColumn('expire_in_seconds', 'integer', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('schedule_slot', 'text')
    .addColumn('start_after', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('lock_expires_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  // The claim: ready jobs of one name, best priority first, oldest first.
  await db.schema
    .createIndex('jobs_ready')
    .on('jobs')
    .columns(['name', 'state', 'priority', 'start_after'])
    .execute();
  await db.schema.createIndex('jobs_created_at').on('jobs').column('created_at').execute();
  await db.schema
    .createIndex('jobs_lock_expires_at')
    .on('jobs')
    .column('lock_expires_at')
    .where(sql.ref('state'), '=', 'active')
    .execute();
  // singletonKey: one pending (created) job per name and key.
  await db.schema
    .createIndex('jobs_singleton_pending')
    .on('jobs')
    .columns(['name', 'singleton_key'])
    .unique()
    .where(sql<boolean>`state = 'created' and singleton_key is not null`)
    .execute();
  // Schedules: one job per name and occurrence, however many processes tick.
  await db.schema
    .createIndex('jobs_schedule_slot')
    .on('jobs')
    .columns(['name', 'schedule_slot'])
    .unique()
    .where(sql.ref('schedule_slot'), 'is not', null)
    .execute();

  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema.dropTable('job_schedules').execute();
  await db.schema.dropTable('jobs').execute();
}
