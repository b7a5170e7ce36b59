import { InvalidArgumentError, type Command } from 'commander';
import { buildApp } from '../../app.ts';
import { seedDemoIfEmpty } from '../../features/demo/demo-seed.ts';
import { API_DOCS_PREFIX } from '../../http/openapi.ts';
import { openRuntime } from '../runtime.ts';

interface ServeOptions {
  port?: number;
  host?: string;
  demo?: boolean;
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
  try {
    if (options.demo) await seedDemoIfEmpty(handle, { publicUrl: settings.publicUrl, log });
    const app = await buildApp({ settings, handle });
    const address = await app.listen({ port: settings.port, host: settings.host });
    log(`serving ${address} (pages at ${address}/datasets, API docs at ${address}${API_DOCS_PREFIX})`);
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
    .addHelpText(
      'after',
      [
        '',
        'Closes cleanly on SIGINT or SIGTERM. `npm start` runs `odp serve --demo`.',
        '',
        'Examples:',
        '  odp serve --demo',
        '  odp serve --port 8080 --host 0.0.0.0',
        '  DATABASE_URL=postgres://localhost/odp ODP_ADMIN_TOKEN=… odp serve',
      ].join('\n'),
    )
    .action(async (options: ServeOptions) => serve(options));
}
