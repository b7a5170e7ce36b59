import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, JobTable } from '../db/schema.ts';
import type { ResolvedSendOptions } from './job-input.ts';
import { emptyCounts, JOB_STATES, type JobRecord, type JobState, type ListJobsOptions } from './job-queue.ts';
import { retryDelaySecondsAfter } from './retry-backoff.ts';

/**
 * All SQL of the SQLite job queue. Every write is one statement, so it is atomic across
 * processes sharing the file (a deferred transaction that reads then writes could fail
 * with SQLITE_BUSY under WAL; a single statement waits on busy_timeout instead).
 */

export type JobRow = Selectable<JobTable>;
type Db = Kysely<Database>;

const READY: JobState[] = ['created', 'retry'];

function iso(date: Date): string {
  return date.toISOString();
}

function plusSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

export interface NewJob {
  name: string;
  data: object | null;
  options: ResolvedSendOptions;
  /** For a job a schedule sends: the occurrence it is for (one job per name and slot). */
  scheduleSlot?: string;
}

/** Inserts a job; undefined when a pending job has its singletonKey (or its slot was sent). */
export async function insertJob(db: Db, job: NewJob, now: Date): Promise<string | undefined> {
  const { options } = job;
  const row = await db
    .insertInto('jobs')
    .values({
      id: randomUUID(),
      name: job.name,
      data: job.data === null ? null : JSON.stringify(job.data),
      state: 'created',
      priority: options.priority,
      attempts: 0,
      retryLimit: options.retryLimit,
      retryDelaySeconds: options.retryDelaySeconds,
      expireInSeconds: options.expireInSeconds,
      singletonKey: options.singletonKey,
      scheduleSlot: job.scheduleSlot ?? null,
      startAfter: iso(options.startAfter ?? now),
      createdAt: iso(now),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Claims the next ready job of `name` in one statement: the row is only taken when it
 * is still ready, so two processes polling the same file never take the same job.
 */
export async function claimJob(db: Db, name: string, owner: string, now: Date): Promise<JobRow | undefined> {
  const at = iso(now);
  return db
    .updateTable('jobs')
    .set({
      state: 'active',
      attempts: sql`${sql.ref('attempts')} + 1`,
      startedAt: at,
      lockedBy: owner,
      lockExpiresAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${at}, '+' || ${sql.ref('expireInSeconds')} || ' seconds')`,
    })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', name)
        .where('state', 'in', READY)
        .where('startAfter', '<=', at)
        .orderBy('priority', 'desc')
        .orderBy(sql`rowid`)
        .limit(1),
    )
    .where('state', 'in', READY)
    .returningAll()
    .executeTakeFirst();
}

/** Completes an attempt this worker still holds; false when the lock was lost meanwhile. */
export async function completeJob(db: Db, job: JobRow, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'completed', completedAt: iso(now), lockedBy: null, lockExpiresAt: null })
    .where('id', '=', job.id)
    .where('state', '=', 'active')
    .where('lockedBy', '=', job.lockedBy)
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Fails the attempt `job` is on (as claimed): back to `retry` after the back-off while
 * attempts remain, else `failed`. Does nothing when the attempt is no longer active
 * under the same lock (another worker or sweep settled it first).
 */
export async function failAttempt(db: Db, job: JobRow, error: string, now: Date): Promise<boolean> {
  const retry = job.attempts <= job.retryLimit;
  const delay = retryDelaySecondsAfter(job.retryDelaySeconds, job.attempts);
  const result = await db
    .updateTable('jobs')
    .set({
      state: retry ? 'retry' : 'failed',
      startAfter: retry ? iso(plusSeconds(now, delay)) : job.startAfter,
      completedAt: retry ? null : iso(now),
      lastError: error.slice(0, 4000),
      lockedBy: null,
      lockExpiresAt: null,
    })
    .where('id', '=', job.id)
    .where('state', '=', 'active')
    .where('lockedBy', '=', job.lockedBy)
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Active jobs whose lock expired: their worker died or hung. Each goes back to retry (or fails). */
export async function failExpiredJobs(db: Db, now: Date): Promise<number> {
  const expired = await db
    .selectFrom('jobs')
    .selectAll()
    .where('state', '=', 'active')
    .where('lockExpiresAt', '<', iso(now))
    .limit(1000)
    .execute();
  let count = 0;
  for (const job of expired) {
    const message = `job expired: no result within ${job.expireInSeconds}s (its worker ${job.lockedBy ?? '?'} stopped or hung)`;
    if (await failAttempt(db, job, message, now)) count += 1;
  }
  return count;
}

function parseData(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

export function jobData(row: JobRow): unknown {
  return parseData(row.data);
}

function presentRow(row: JobRow): JobRecord {
  return {
    id: row.id,
    name: row.name,
    state: row.state as JobState,
    data: parseData(row.data),
    priority: row.priority,
    attempts: row.attempts,
    retryLimit: row.retryLimit,
    singletonKey: row.singletonKey,
    createdAt: row.createdAt,
    startAfter: row.startAfter,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    lastError: row.lastError,
  };
}

export async function findJob(db: Db, id: string): Promise<JobRecord | null> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? presentRow(row) : null;
}

export async function findJobs(db: Db, options: ListJobsOptions): Promise<JobRecord[]> {
  let query = db.selectFrom('jobs').selectAll();
  if (options.name !== undefined) query = query.where('name', '=', options.name);
  if (options.state !== undefined) query = query.where('state', '=', options.state);
  const rows = await query
    .orderBy('createdAt', 'desc')
    .orderBy(sql`rowid`, 'desc')
    .limit(options.limit)
    .execute();
  return rows.map(presentRow);
}

export async function countJobsByState(db: Db): Promise<Record<JobState, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('state')
    .execute();
  const counts = emptyCounts();
  for (const row of rows) {
    if ((JOB_STATES as readonly string[]).includes(row.state))
      counts[row.state as JobState] = Number(row.count);
  }
  return counts;
}
