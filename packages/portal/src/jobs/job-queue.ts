/**
 * The job queue: one interface, two implementations (a `jobs` table on SQLite,
 * pg-boss on PostgreSQL; open-job-queue.ts picks one). Jobs are at-least-once: a job
 * whose worker dies is run again once its lock expires, so handlers must be safe to
 * repeat (idempotent).
 *
 * Times: cron expressions are read in UTC on both databases (5 fields, or 6 with
 * seconds first). All times returned are ISO-8601 UTC strings.
 */

/** The states of a job, in pg-boss's own vocabulary. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Defaults for a job sent without options (the same as pg-boss's). */
export const JOB_DEFAULTS = {
  retryLimit: 2,
  retryDelaySeconds: 0,
  expireInSeconds: 15 * 60,
  priority: 0,
} as const;

export interface SendOptions {
  /**
   * Dedupes a pending job for the same thing: while a job of this name with this key
   * is still `created` (not started), `send` creates nothing and returns null.
   */
  singletonKey?: string;
  /** Not before this time (a Date, or seconds from now). */
  startAfter?: Date | number;
  /** Higher runs first among ready jobs of the same name (default 0). */
  priority?: number;
  /** How many times a failed attempt is retried before the job is `failed` (default 2). */
  retryLimit?: number;
  /**
   * The first retry's delay; each further retry doubles it (exponential back-off).
   * 0 (the default) retries at once. Whole seconds. SQLite waits exactly
   * delay × 2^(attempt−1); pg-boss adds jitter (between that and twice it).
   */
  retryDelaySeconds?: number;
  /** An attempt running longer than this fails (and is retried): the job's timeout. Default 900. */
  expireInSeconds?: number;
}

/** What a handler is given. `attempt` counts from 1. */
export interface Job<T = unknown> {
  id: string;
  name: string;
  data: T;
  attempt: number;
  /** Aborted when the attempt timed out or the worker is stopping without waiting. */
  signal: AbortSignal;
}

/** A thrown error fails the attempt; returning completes the job. */
export type JobHandler<T = unknown> = (job: Job<T>) => Promise<void>;

export interface WorkOptions {
  /** Jobs of this name run at once in this process (default 1). */
  concurrency?: number;
}

/** A job as admins see it. */
export interface JobRecord {
  id: string;
  name: string;
  state: JobState;
  data: unknown;
  priority: number;
  /** Attempts started so far. */
  attempts: number;
  retryLimit: number;
  singletonKey: string | null;
  createdAt: string;
  startAfter: string;
  startedAt: string | null;
  completedAt: string | null;
  /** The last failure's message (pg-boss keeps it while the job is `retry` or `failed`). */
  lastError: string | null;
}

export interface ListJobsOptions {
  name?: string;
  state?: JobState;
  /** Newest first; at most this many. */
  limit: number;
}

export interface StopOptions {
  /** Wait for running handlers (up to timeoutMs) before stopping (default true). */
  graceful?: boolean;
  /** Default 30 000. Handlers still running after it fail their attempt (and are retried). */
  timeoutMs?: number;
}

export interface JobQueue {
  readonly dialect: 'sqlite' | 'postgres';
  /** Connects (pg-boss installs or migrates its schema) and starts the registered workers. */
  start(): Promise<void>;
  stop(options?: StopOptions): Promise<void>;
  /** The new job's id, or null when `singletonKey` matched a pending job. */
  send(name: string, data?: object | null, options?: SendOptions): Promise<string | null>;
  /** Runs `handler` for jobs of `name` (now, or from `start()` if not started yet). */
  work<T = unknown>(name: string, options: WorkOptions, handler: JobHandler<T>): Promise<void>;
  /** Sends a job of `name` on every occurrence of `cron` (UTC); replaces the name's schedule. */
  schedule(name: string, cron: string, data?: object | null, options?: SendOptions): Promise<void>;
  unschedule(name: string): Promise<void>;
  getJob(id: string): Promise<JobRecord | null>;
  listJobs(options: ListJobsOptions): Promise<JobRecord[]>;
  countByState(): Promise<Record<JobState, number>>;
}

export function emptyCounts(): Record<JobState, number> {
  return Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
}
