import type { Db as PgBossDb } from 'pg-boss';
import { emptyCounts, JOB_STATES, type JobRecord, type JobState, type ListJobsOptions } from './job-queue.ts';

/**
 * Admin reads of pg-boss's `job` table (partitioned by name, so one table holds every
 * queue's jobs). pg-boss's internal queues (`__pgboss__…`) are left out.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS = `
  id::text AS id, name, state::text AS state, data, priority, retry_count, retry_limit,
  singleton_key, created_on, start_after, started_on, completed_on,
  CASE WHEN state::text IN ('retry', 'failed') THEN output->>'message' END AS last_error`;

const OWN_JOBS = `name NOT LIKE '\\_\\_pgboss%'`;

interface PgJobRow {
  id: string;
  name: string;
  state: JobState;
  data: unknown;
  priority: number;
  retry_count: number;
  retry_limit: number;
  singleton_key: string | null;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
  last_error: string | null;
}

/** Attempts started: pg-boss counts retries, and a job that has started is on retry_count + 1. */
function attemptsOf(row: PgJobRow): number {
  if (row.state === 'created' || row.state === 'retry') return row.retry_count;
  if (row.state === 'cancelled' && row.started_on === null) return row.retry_count;
  return row.retry_count + 1;
}

function presentRow(row: PgJobRow): JobRecord {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    data: row.data ?? null,
    priority: row.priority,
    attempts: attemptsOf(row),
    retryLimit: row.retry_limit,
    singletonKey: row.singleton_key,
    createdAt: row.created_on.toISOString(),
    startAfter: row.start_after.toISOString(),
    startedAt: row.started_on?.toISOString() ?? null,
    completedAt: row.completed_on?.toISOString() ?? null,
    lastError: row.last_error,
  };
}

export async function findPgBossJob(db: PgBossDb, schema: string, id: string): Promise<JobRecord | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await db.executeSql(`SELECT ${COLUMNS} FROM ${schema}.job WHERE id = $1::uuid`, [id]);
  const row = rows[0] as PgJobRow | undefined;
  return row ? presentRow(row) : null;
}

export async function findPgBossJobs(
  db: PgBossDb,
  schema: string,
  options: ListJobsOptions,
): Promise<JobRecord[]> {
  const where = [OWN_JOBS];
  const values: unknown[] = [];
  if (options.name !== undefined) {
    values.push(options.name);
    where.push(`name = $${values.length}`);
  }
  if (options.state !== undefined) {
    values.push(options.state);
    where.push(`state::text = $${values.length}`);
  }
  values.push(options.limit);
  const { rows } = await db.executeSql(
    `SELECT ${COLUMNS} FROM ${schema}.job WHERE ${where.join(' AND ')}
     ORDER BY created_on DESC, id DESC LIMIT $${values.length}`,
    values,
  );
  return (rows as PgJobRow[]).map(presentRow);
}

export async function countPgBossJobs(db: PgBossDb, schema: string): Promise<Record<JobState, number>> {
  const { rows } = await db.executeSql(
    `SELECT state::text AS state, count(*)::int AS count FROM ${schema}.job WHERE ${OWN_JOBS} GROUP BY state`,
  );
  const counts = emptyCounts();
  for (const row of rows as { state: string; count: number }[]) {
    if ((JOB_STATES as readonly string[]).includes(row.state))
      counts[row.state as JobState] = Number(row.count);
  }
  return counts;
}
