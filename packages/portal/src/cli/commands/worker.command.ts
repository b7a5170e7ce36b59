import { InvalidArgumentError, type Command } from 'commander';
import { JOB_NAMES } from '../../jobs/job-handlers.ts';
import { startJobs, untilSignal } from '../../jobs/job-runtime.ts';
import { openRuntime } from '../runtime.ts';

interface WorkerOptions {
  concurrency: number;
  queues?: string[];
  shutdownTimeout: number;
}

const positive =
  (max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > max)
      throw new InvalidArgumentError(`must be a whole number from 1 to ${max}`);
    return n;
  };

const jobNames = (value: string): string[] => {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !JOB_NAMES.includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`known jobs: ${JOB_NAMES.join(', ')}`);
  }
  return names;
};

/** Runs the job handlers and the scheduler until SIGINT or SIGTERM, then stops gracefully. */
async function work(options: WorkerOptions): Promise<void> {
  const { settings, handle } = await openRuntime();
  const log = (message: string) => console.log(`odp: ${message}`);
  try {
    const { queue, names } = await startJobs(handle, settings, {
      worker: true,
      only: options.queues,
      concurrency: options.concurrency,
      log,
    });
    log(`worker on ${handle.dialect}: ${names.join(', ')} (concurrency ${options.concurrency} each)`);
    await untilSignal(log);
    await queue.stop({ graceful: true, timeoutMs: options.shutdownTimeout * 1000 });
    log('worker stopped');
  } finally {
    await handle.close();
  }
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'Run background jobs and their schedules until SIGINT or SIGTERM (migrates the database first)',
    )
    .option('--concurrency <n>', 'jobs of one name run at once in this process', positive(100), 1)
    .option(
      '--queues <names>',
      `only these jobs, comma-separated (default all: ${JOB_NAMES.join(', ')})`,
      jobNames,
    )
    .option(
      '--shutdown-timeout <seconds>',
      'on a signal, wait this long for running jobs; the rest are retried later',
      positive(3600),
      30,
    )
    .addHelpText(
      'after',
      [
        '',
        '`odp serve` runs the same worker in-process unless given --no-worker.',
        '',
        'Examples:',
        '  odp worker',
        `  DATABASE_URL=postgres://localhost/odp odp worker --concurrency 4 --queues ${JOB_NAMES[0] ?? ''}`,
      ].join('\n'),
    )
    .action(async (options: WorkerOptions) => work(options));
}
