import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { JobHandler } from './job-queue.ts';
import { claimJob, completeJob, failAttempt, jobData, type JobRow } from './sqlite-job-store.ts';

/**
 * Runs the jobs of one name in this process: polls (claims up to `concurrency` jobs),
 * runs each handler with its timeout, and settles the attempt. A handler that outruns
 * its timeout has its attempt failed and its signal aborted; it keeps its slot until it
 * returns, as pg-boss does.
 */

interface Running {
  job: JobRow;
  controller: AbortController;
  settled: boolean;
  done: Promise<void>;
}

export interface SqliteJobWorkerOptions {
  db: Kysely<Database>;
  name: string;
  concurrency: number;
  owner: string;
  pollIntervalMs: number;
  now: () => Date;
  onError: (error: unknown) => void;
  handler: JobHandler;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export class SqliteJobWorker {
  readonly #options: SqliteJobWorkerOptions;
  readonly #running = new Set<Running>();
  #stopping = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;

  constructor(options: SqliteJobWorkerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#poll();
  }

  /** Polls now rather than after the interval (a job of this name was just sent). */
  wake(): void {
    this.#wake?.();
  }

  async #poll(): Promise<void> {
    const { db, name, owner, concurrency, pollIntervalMs, now, onError } = this.#options;
    while (!this.#stopping) {
      try {
        while (!this.#stopping && this.#running.size < concurrency) {
          const job = await claimJob(db, name, owner, now());
          if (!job) break;
          this.#run(job);
        }
      } catch (error) {
        onError(error);
      }
      if (this.#stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  #run(job: JobRow): void {
    const { db, handler, now, onError } = this.#options;
    const controller = new AbortController();
    const running: Running = { job, controller, settled: false, done: Promise.resolve() };
    const settle = async (outcome: 'completed' | string) => {
      if (running.settled) return;
      running.settled = true;
      try {
        if (outcome === 'completed') await completeJob(db, job, now());
        else await failAttempt(db, job, outcome, now());
      } catch (error) {
        onError(error);
      }
    };
    const timer = setTimeout(() => {
      controller.abort(new Error(`handler execution exceeded ${job.expireInSeconds}s`));
      void settle(`handler execution exceeded ${job.expireInSeconds}s`);
    }, job.expireInSeconds * 1000);
    running.done = (async () => {
      try {
        await handler({
          id: job.id,
          name: job.name,
          data: jobData(job),
          attempt: job.attempts,
          signal: controller.signal,
        });
        await settle('completed');
      } catch (error) {
        await settle(messageOf(error));
      } finally {
        clearTimeout(timer);
        this.#running.delete(running);
        this.wake();
      }
    })();
    this.#running.add(running);
  }

  /**
   * Stops claiming. Graceful: waits for running handlers up to `timeoutMs`. Then any
   * attempt still running is failed (so it is retried) and its signal aborted.
   */
  async stop(graceful: boolean, timeoutMs: number): Promise<void> {
    this.#stopping = true;
    this.wake();
    await this.#loop;
    this.#loop = undefined;
    if (graceful && this.#running.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.all([...this.#running].map((r) => r.done)), deadline]);
      clearTimeout(timer);
    }
    const { db, now, onError } = this.#options;
    for (const running of this.#running) {
      if (running.settled) continue;
      running.settled = true;
      running.controller.abort(new Error('the worker is stopping'));
      try {
        await failAttempt(db, running.job, 'the worker stopped before the job finished', now());
      } catch (error) {
        onError(error);
      }
    }
  }
}
