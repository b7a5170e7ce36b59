import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openTestDatabase } from '../test/test-database.ts';
import type { JobQueue, JobRecord, JobState } from './job-queue.ts';
import { openJobQueue, pgBossSchemaFor, type OpenJobQueueOptions } from './open-job-queue.ts';
import { PgBossJobQueue } from './pg-boss-job-queue.ts';
import { SqliteJobQueue } from './sqlite-job-queue.ts';

/**
 * For tests: a database and as many job queues on it as a test wants, each standing for
 * a process of its own — on SQLite a new connection to the same file, on PostgreSQL a
 * new pg-boss instance on the same schema. Short intervals so tests stay quick.
 */
export interface JobTestBed {
  handle: DatabaseHandle;
  dialect: 'sqlite' | 'postgres';
  openQueue(options?: OpenJobQueueOptions): Promise<JobQueue>;
  destroy(): Promise<void>;
}

export const TEST_QUEUE_OPTIONS: OpenJobQueueOptions = {
  databaseUrl: process.env.DATABASE_URL,
  pollIntervalMs: 100,
  backgroundIntervalSeconds: 1,
  onError: (error) => console.error('job queue error in test:', error),
};

export async function openJobTestBed(): Promise<JobTestBed> {
  const queues: JobQueue[] = [];
  const extraHandles: DatabaseHandle[] = [];
  if (process.env.DATABASE_URL?.startsWith('postgres')) {
    const t = await openTestDatabase();
    const schema = await pgBossSchemaFor(t);
    return {
      handle: t,
      dialect: 'postgres',
      async openQueue(options = {}) {
        const queue = await openJobQueue(t, { ...TEST_QUEUE_OPTIONS, ...options });
        queues.push(queue);
        return queue;
      },
      async destroy() {
        await Promise.all(queues.map((q) => q.stop({ graceful: false })));
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
        await t.destroy();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'odp-jobs-'));
  const file = path.join(dir, 'odp.db');
  const handle = openDatabase({ sqlitePath: file });
  await migrateToLatest(handle.db);
  return {
    handle,
    dialect: 'sqlite',
    async openQueue(options = {}) {
      // Another process: its own connection to the same file.
      const own = openDatabase({ sqlitePath: file });
      extraHandles.push(own);
      const queue = await openJobQueue(own, { ...TEST_QUEUE_OPTIONS, ...options });
      queues.push(queue);
      return queue;
    },
    async destroy() {
      await Promise.all(queues.map((q) => q.stop({ graceful: false })));
      for (const h of extraHandles) await h.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Claims a job and never settles it: a worker that died mid-job. */
export async function claimAndAbandon(queue: JobQueue, name: string): Promise<string | null> {
  if (queue instanceof SqliteJobQueue || queue instanceof PgBossJobQueue) {
    return (await queue.claim(name))?.id ?? null;
  }
  throw new Error('unknown job queue');
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 8000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the job is in one of `states`; returns it. */
export function jobIn(queue: JobQueue, id: string, states: JobState[]): Promise<JobRecord> {
  return eventually(
    async () => {
      const job = await queue.getJob(id);
      return job && states.includes(job.state) ? job : undefined;
    },
    `job ${id} to be ${states.join('/')}`,
  );
}
