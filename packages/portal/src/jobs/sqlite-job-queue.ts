import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { checkCron } from './cron-schedule.ts';
import { checkJobData, checkJobName, resolveSendOptions } from './job-input.ts';
import type {
  JobHandler,
  JobQueue,
  JobRecord,
  JobState,
  ListJobsOptions,
  SendOptions,
  StopOptions,
  WorkOptions,
} from './job-queue.ts';
import { deleteSchedule, saveSchedule, sendDueOccurrences } from './sqlite-job-schedules.ts';
import {
  claimJob,
  countJobsByState,
  failExpiredJobs,
  findJob,
  findJobs,
  insertJob,
  jobData,
} from './sqlite-job-store.ts';
import { SqliteJobWorker } from './sqlite-job-worker.ts';

export interface SqliteJobQueueOptions {
  /** Poll for ready jobs this often when idle (default 1000 ms). */
  pollIntervalMs?: number;
  /**
   * Run the background loop: the scheduler tick and the sweep that sends jobs of dead
   * workers back to retry (default true). A web process without a worker passes false.
   */
  background?: boolean;
  /** How often the background loop runs (default 5000 ms). */
  backgroundIntervalMs?: number;
  /** The clock for every time written (tests inject one). */
  now?: () => Date;
  onError?: (error: unknown) => void;
}

/**
 * The job queue on SQLite: the `jobs` and `job_schedules` tables. Several processes may
 * share one database file: claims are single atomic statements with a lock owner and a
 * lock expiry, and any process's sweep sends an expired lock's job back to retry.
 */
export class SqliteJobQueue implements JobQueue {
  readonly dialect = 'sqlite' as const;
  /** This process's lock owner name. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #db: Kysely<Database>;
  readonly #workers = new Map<string, SqliteJobWorker>();
  readonly #pollIntervalMs: number;
  readonly #background: boolean;
  readonly #backgroundIntervalMs: number;
  readonly #now: () => Date;
  readonly #onError: (error: unknown) => void;
  #started = false;
  #timer: NodeJS.Timeout | undefined;
  #tick: Promise<void> | undefined;

  constructor(db: Kysely<Database>, options: SqliteJobQueueOptions = {}) {
    this.#db = db;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.#background = options.background ?? true;
    this.#backgroundIntervalMs = options.backgroundIntervalMs ?? 5000;
    this.#now = options.now ?? (() => new Date());
    this.#onError = options.onError ?? ((error) => console.error('odp jobs:', error));
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    for (const worker of this.#workers.values()) worker.start();
    if (this.#background) {
      const run = () => {
        this.#tick = this.runBackgroundOnce().then(
          () => undefined,
          (error: unknown) => this.#onError(error),
        );
      };
      run();
      this.#timer = setInterval(run, this.#backgroundIntervalMs);
    }
  }

  async stop(options: StopOptions = {}): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    clearInterval(this.#timer);
    await this.#tick;
    const graceful = options.graceful ?? true;
    const timeoutMs = options.timeoutMs ?? 30_000;
    await Promise.all([...this.#workers.values()].map((w) => w.stop(graceful, timeoutMs)));
  }

  /** One pass of the background loop: the sweep of expired locks, then the scheduler tick. */
  async runBackgroundOnce(): Promise<{ expired: number; scheduled: number }> {
    const expired = await failExpiredJobs(this.#db, this.#now());
    const scheduled = await sendDueOccurrences(this.#db, this.#now());
    if (expired + scheduled > 0) for (const worker of this.#workers.values()) worker.wake();
    return { expired, scheduled };
  }

  async send(name: string, data?: object | null, options?: SendOptions): Promise<string | null> {
    checkJobName(name);
    const now = this.#now();
    const id = await insertJob(
      this.#db,
      { name, data: checkJobData(data), options: resolveSendOptions(options, now) },
      now,
    );
    if (id) this.#workers.get(name)?.wake();
    return id ?? null;
  }

  async work<T = unknown>(name: string, options: WorkOptions, handler: JobHandler<T>): Promise<void> {
    checkJobName(name);
    if (this.#workers.has(name)) throw new Error(`A worker for ${name} is already registered`);
    const worker = new SqliteJobWorker({
      db: this.#db,
      name,
      concurrency: Math.max(1, options.concurrency ?? 1),
      owner: this.owner,
      pollIntervalMs: this.#pollIntervalMs,
      now: this.#now,
      onError: this.#onError,
      handler: handler as JobHandler,
    });
    this.#workers.set(name, worker);
    if (this.#started) worker.start();
  }

  async schedule(name: string, cron: string, data?: object | null, options: SendOptions = {}): Promise<void> {
    checkJobName(name);
    checkCron(cron);
    resolveSendOptions(options);
    const { singletonKey: _ignored, startAfter: _also, ...kept } = options;
    await saveSchedule(this.#db, { name, cron, data: checkJobData(data), options: kept }, this.#now());
  }

  async unschedule(name: string): Promise<void> {
    await deleteSchedule(this.#db, name);
  }

  getJob(id: string): Promise<JobRecord | null> {
    return findJob(this.#db, id);
  }

  listJobs(options: ListJobsOptions): Promise<JobRecord[]> {
    return findJobs(this.#db, options);
  }

  countByState(): Promise<Record<JobState, number>> {
    return countJobsByState(this.#db);
  }

  /**
   * Claims the next ready job of `name` without running it, as a worker would. For
   * tests and tools: a claim never settled stands for a worker that died mid-job.
   */
  async claim(name: string): Promise<{ id: string; data: unknown } | null> {
    const row = await claimJob(this.#db, name, this.owner, this.#now());
    return row ? { id: row.id, data: jobData(row) } : null;
  }
}
