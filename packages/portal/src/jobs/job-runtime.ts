import type { Settings } from '../config/settings.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { registerJobHandlers } from './job-handlers.ts';
import type { JobQueue } from './job-queue.ts';
import { openJobQueue } from './open-job-queue.ts';

export interface StartJobsOptions {
  /**
   * Run jobs here: the handlers, the scheduler and the expired-job sweep. Without it the
   * queue only sends and reads jobs (a web process behind `--no-worker`).
   */
  worker: boolean;
  /** Only these job names (default all). */
  only?: readonly string[];
  concurrency?: number;
  log: (message: string) => void;
}

/** Opens and starts the job queue of a CLI process; returns it with the names it runs. */
export async function startJobs(
  handle: DatabaseHandle,
  settings: Settings,
  options: StartJobsOptions,
): Promise<{ queue: JobQueue; names: string[] }> {
  const queue = await openJobQueue(handle, {
    databaseUrl: settings.databaseUrl,
    background: options.worker,
    onError: (error) => console.error('odp: job queue:', error),
  });
  const names = options.worker
    ? await registerJobHandlers(
        queue,
        { catalogue: { db: handle.db, dialect: handle.dialect }, settings, log: options.log },
        { only: options.only, concurrency: options.concurrency },
      )
    : [];
  await queue.start();
  return { queue, names };
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(log: (message: string) => void): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      log(`${signal}: closing`);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
