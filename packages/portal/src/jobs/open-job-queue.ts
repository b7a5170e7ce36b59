import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import type { JobQueue } from './job-queue.ts';
import { SqliteJobQueue } from './sqlite-job-queue.ts';

export interface OpenJobQueueOptions {
  /** PostgreSQL only, required there: pg-boss opens its own pool. */
  databaseUrl?: string | undefined;
  /** Run the scheduler and the expired-job sweep (worker processes; default true). */
  background?: boolean;
  /** Poll for ready jobs this often when idle (default 1000 ms). */
  pollIntervalMs?: number;
  /** How often the background loop looks (tests use 1 s; defaults: 5 s SQLite, pg-boss's own). */
  backgroundIntervalSeconds?: number;
  onError?: (error: unknown) => void;
}

/**
 * pg-boss's schema, derived from the handle's: `pgboss` (pg-boss's default) beside
 * `public`, else `<schema>_jobs`, so each schema (each PostgreSQL test file) has its own.
 */
export async function pgBossSchemaFor(handle: DatabaseHandle): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  const current = rows[0]?.schema ?? 'public';
  return current === 'public' ? 'pgboss' : `${current}_jobs`;
}

/** The job queue of the handle's database: a jobs table on SQLite, pg-boss on PostgreSQL. Not started. */
export async function openJobQueue(
  handle: DatabaseHandle,
  options: OpenJobQueueOptions = {},
): Promise<JobQueue> {
  const interval = options.backgroundIntervalSeconds;
  if (handle.dialect === 'postgres') {
    if (!options.databaseUrl) throw new Error('The PostgreSQL job queue needs the database URL');
    // Loaded only here, so SQLite processes never load pg-boss.
    const { PgBossJobQueue } = await import('./pg-boss-job-queue.ts');
    return new PgBossJobQueue({
      connectionString: options.databaseUrl,
      schema: await pgBossSchemaFor(handle),
      ...(options.background === undefined ? {} : { background: options.background }),
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      ...(interval === undefined ? {} : { maintenanceIntervalSeconds: interval }),
      ...(options.onError ? { onError: options.onError } : {}),
    });
  }
  return new SqliteJobQueue(handle.db, {
    ...(options.background === undefined ? {} : { background: options.background }),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    ...(interval === undefined ? {} : { backgroundIntervalMs: interval * 1000 }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
