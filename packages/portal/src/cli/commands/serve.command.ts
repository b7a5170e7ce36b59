import { InvalidArgumentError, type Command } from 'commander';
import { buildApp } from '../../app.ts';
import { seedDemoIfEmpty } from '../../features/demo/demo-seed.ts';
import { resourcesToCheck } from '../../features/quality/check-catalogue.ts';
import { sendResourceChecks } from '../../features/quality/quality-jobs.ts';
import { API_DOCS_PREFIX } from '../../http/openapi.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { startJobs } from '../../jobs/job-runtime.ts';
import { openRuntime } from '../runtime.ts';

interface ServeOptions {
  port?: number;
  host?: string;
  demo?: boolean;
  /** false with --no-worker: this process runs no jobs (other processes run `odp worker`). */
  worker: boolean;
}

const port = (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return n;
};

/** Starts the server; resolves once it has closed after SIGINT or SIGTERM. */
async function serve(options: ServeOptions): Promise<void> {
  const env = {
    ...process.env,
    ...(options.port === undefined ? {} : { PORT: String(options.port) }),
    ...(options.host === undefined ? {} : { HOST: options.host }),
  };
  const { settings, handle } = await openRuntime(env);
  const log = (message: string) => console.log(`odp: ${message}`);
  let queue: JobQueue | undefined;
  try {
    const seeded = options.demo
      ? (await seedDemoIfEmpty(handle, { publicUrl: settings.publicUrl, log })).seeded
      : false;
    const jobs = await startJobs(handle, settings, { worker: options.worker, log });
    queue = jobs.queue;
    if (options.worker) log(`in-process worker: ${jobs.names.join(', ')}`);
    const app = await buildApp({ settings, handle, jobQueue: jobs.queue });
    const address = await app.listen({ port: settings.port, host: settings.host });
    log(`serving ${address} (pages at ${address}/datasets, API docs at ${address}${API_DOCS_PREFIX})`);
    if (seeded) {
      // A new demo catalogue gets checked now (its files are served by this process), not at the next sweep.
      const ids = await resourcesToCheck({ db: handle.db, dialect: handle.dialect }, 'all');
      const sent = await sendResourceChecks(jobs.queue, ids, 'publish');
      log(`queued quality checks of ${sent.length} demo resources (progress: GET /api/v1/admin/jobs)`);
    }
    await new Promise<void>((resolve) => {
      let closing = false;
      const shutdown = (signal: NodeJS.Signals) => {
        if (closing) return;
        closing = true;
        log(`${signal}: closing`);
        app.close().then(resolve, (error: unknown) => {
          console.error(error);
          resolve();
        });
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
  } finally {
    // Running jobs get 30 s to finish; the rest fail their attempt and are retried later.
    await queue?.stop({ graceful: true, timeoutMs: 30_000 }).catch((error: unknown) => console.error(error));
    await handle.close();
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve the portal: pages, REST API v1, data.gov.tw v2 shapes and API docs (migrates the database first)',
    )
    .option('--port <n>', 'TCP port (default: PORT, 3000)', port)
    .option('--host <h>', 'address to bind (default: HOST, 127.0.0.1)')
    .option('--demo', 'seed the demo catalogue first when the database has no datasets')
    .option('--no-worker', 'run no background jobs in this process (run `odp worker` elsewhere)')
    .addHelpText(
      'after',
      [
        '',
        'Runs an in-process job worker and scheduler unless --no-worker. Closes cleanly on',
        'SIGINT or SIGTERM. `npm start` runs `odp serve --demo`.',
        '',
        'Examples:',
        '  odp serve --demo',
        '  odp serve --port 8080 --host 0.0.0.0',
        '  odp serve --no-worker   # web only; jobs run in `odp worker` processes',
        '  DATABASE_URL=postgres://localhost/odp ODP_ADMIN_TOKEN=… odp serve',
      ].join('\n'),
    )
    .action(async (options: ServeOptions) => serve(options));
}
