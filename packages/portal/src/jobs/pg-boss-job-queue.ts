import { PgBoss, type SendOptions as PgBossSendOptions } from 'pg-boss';
import { checkCron, CRON_TIME_ZONE } from './cron-schedule.ts';
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
import { countPgBossJobs, findPgBossJob, findPgBossJobs } from './pg-boss-job-records.ts';

export interface PgBossJobQueueOptions {
  connectionString: string;
  /** pg-boss's own schema (created on start). */
  schema: string;
  /** Connections in pg-boss's pool (default 4). */
  poolSize?: number;
  /** Poll for jobs this often when idle (default 1000 ms; pg-boss's floor is 500). */
  pollIntervalMs?: number;
  /**
   * Run the scheduler and the supervisor that sends expired jobs back to retry (default
   * true). A web process without a worker passes false.
   */
  background?: boolean;
  /** How often the supervisor and the scheduler look (seconds; default pg-boss's: 60 and 30). */
  maintenanceIntervalSeconds?: number;
  onError?: (error: unknown) => void;
}

interface Registration {
  name: string;
  options: WorkOptions;
  handler: JobHandler;
}

/**
 * The job queue on PostgreSQL, over pg-boss (v12). Queues are created on demand.
 * Retention is pg-boss's own (completed jobs are deleted after 7 days by default).
 */
export class PgBossJobQueue implements JobQueue {
  readonly dialect = 'postgres' as const;
  readonly schema: string;
  readonly #boss: PgBoss;
  readonly #pollIntervalSeconds: number;
  readonly #queues = new Map<string, Promise<void>>();
  readonly #registrations: Registration[] = [];
  #started = false;

  constructor(options: PgBossJobQueueOptions) {
    this.schema = options.schema;
    const background = options.background ?? true;
    const every = options.maintenanceIntervalSeconds;
    this.#boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema,
      max: options.poolSize ?? 4,
      application_name: 'odp-jobs',
      schedule: background,
      supervise: background,
      ...(every === undefined
        ? {}
        : {
            superviseIntervalSeconds: every,
            monitorIntervalSeconds: every,
            cronMonitorIntervalSeconds: Math.min(every, 45),
            cronWorkerIntervalSeconds: Math.min(every, 45),
          }),
    });
    const onError = options.onError ?? ((error: unknown) => console.error('odp jobs:', error));
    this.#boss.on('error', onError);
    this.#pollIntervalSeconds = Math.max(0.5, (options.pollIntervalMs ?? 1000) / 1000);
  }

  async start(): Promise<void> {
    if (this.#started) return;
    await this.#boss.start();
    this.#started = true;
    for (const registration of this.#registrations) await this.#work(registration);
  }

  async stop(options: StopOptions = {}): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.#boss.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 30_000 });
  }

  /** Creates the queue once per process (pg-boss needs one before send, work or schedule). */
  #ensureQueue(name: string): Promise<void> {
    let ready = this.#queues.get(name);
    if (!ready) {
      ready = (async () => {
        if (await this.#boss.getQueue(name)) return;
        try {
          await this.#boss.createQueue(name);
        } catch (error) {
          if (!(await this.#boss.getQueue(name))) throw error; // another process created it meanwhile
        }
      })();
      ready.catch(() => this.#queues.delete(name));
      this.#queues.set(name, ready);
    }
    return ready;
  }

  #pgBossOptions(options: SendOptions | undefined): PgBossSendOptions {
    const resolved = resolveSendOptions(options);
    return {
      priority: resolved.priority,
      retryLimit: resolved.retryLimit,
      retryDelay: resolved.retryDelaySeconds,
      retryBackoff: resolved.retryDelaySeconds > 0,
      expireInSeconds: resolved.expireInSeconds,
      ...(resolved.startAfter ? { startAfter: resolved.startAfter } : {}),
      ...(resolved.singletonKey ? { singletonKey: resolved.singletonKey } : {}),
    };
  }

  async send(name: string, data?: object | null, options?: SendOptions): Promise<string | null> {
    checkJobName(name);
    const payload = checkJobData(data);
    const sendOptions = this.#pgBossOptions(options);
    await this.#ensureQueue(name);
    const key = sendOptions.singletonKey;
    if (key === undefined) return this.#boss.send(name, payload, sendOptions);
    // A pending job with the key wins: look and insert under a lock on (name, key).
    const db = this.#boss.getDb();
    if (!db.beginTransaction) throw new Error('pg-boss has no transactions on this connection');
    const tx = await db.beginTransaction();
    try {
      await tx.db.executeSql('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        JSON.stringify([this.schema, name, key]),
      ]);
      const { rows } = await tx.db.executeSql(
        `SELECT 1 FROM ${this.schema}.job WHERE name = $1 AND singleton_key = $2 AND state = 'created' LIMIT 1`,
        [name, key],
      );
      const id = rows.length > 0 ? null : await this.#boss.send(name, payload, { ...sendOptions, db: tx.db });
      await tx.commit();
      return id;
    } catch (error) {
      await tx.rollback();
      throw error;
    }
  }

  async work<T = unknown>(name: string, options: WorkOptions, handler: JobHandler<T>): Promise<void> {
    checkJobName(name);
    const registration = { name, options, handler: handler as JobHandler };
    this.#registrations.push(registration);
    if (this.#started) await this.#work(registration);
  }

  async #work({ name, options, handler }: Registration): Promise<void> {
    await this.#ensureQueue(name);
    await this.#boss.work<object | null>(
      name,
      {
        localConcurrency: Math.max(1, options.concurrency ?? 1),
        batchSize: 1,
        pollingIntervalSeconds: this.#pollIntervalSeconds,
      },
      async (jobs) => {
        for (const job of jobs) {
          await handler({
            id: job.id,
            name: job.name,
            data: job.data ?? null,
            attempt: job.retryCount + 1,
            signal: job.signal,
          });
        }
      },
    );
  }

  async schedule(name: string, cron: string, data?: object | null, options?: SendOptions): Promise<void> {
    checkJobName(name);
    checkCron(cron);
    const { singletonKey: _key, startAfter: _after, ...sendOptions } = this.#pgBossOptions(options);
    await this.#ensureQueue(name);
    await this.#boss.schedule(name, cron, checkJobData(data), { ...sendOptions, tz: CRON_TIME_ZONE });
  }

  async unschedule(name: string): Promise<void> {
    checkJobName(name);
    await this.#ensureQueue(name);
    await this.#boss.unschedule(name);
  }

  getJob(id: string): Promise<JobRecord | null> {
    return findPgBossJob(this.#boss.getDb(), this.schema, id);
  }

  listJobs(options: ListJobsOptions): Promise<JobRecord[]> {
    return findPgBossJobs(this.#boss.getDb(), this.schema, options);
  }

  countByState(): Promise<Record<JobState, number>> {
    return countPgBossJobs(this.#boss.getDb(), this.schema);
  }

  /**
   * Claims the next ready job of `name` without running it (pg-boss's fetch). For tests
   * and tools: a claim never settled stands for a worker that died mid-job.
   */
  async claim(name: string): Promise<{ id: string; data: unknown } | null> {
    await this.#ensureQueue(name);
    const [job] = await this.#boss.fetch<unknown>(name);
    return job ? { id: job.id, data: job.data } : null;
  }
}
