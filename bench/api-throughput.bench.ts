/**
 * B3: API throughput. The portal (seeded with the demo catalogue) against a bare
 * Fastify route returning a constant, both served from their own process on this
 * machine, loaded by autocannon in turn, with the read cache on (default) and off.
 * Runs on SQLite, and on PostgreSQL when
 * `--postgres <server url>` is given (a fresh database is created and dropped).
 *
 *   npm run bench -- api-throughput [--duration 20] [--connections 50] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseArgs } from 'node:util';
import { freePort, startServer, stop } from './lib/processes.ts';
import { Report } from './lib/report.ts';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, connections: number, duration: number): Promise<Load> {
  const r = await autocannon({ url, connections, duration });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

async function withPostgresDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `odp_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '50' },
      postgres: { type: 'string' },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const report = new Report('api-throughput');
  report.line(
    `autocannon: ${connections} connections, ${duration} s per target; each server in its own process`,
  );

  const barePort = await freePort();
  const bare = await startServer(
    ['bench/peers/bare-server.ts'],
    { PORT: String(barePort) },
    `http://127.0.0.1:${barePort}/bare`,
  );
  let bareLoad: Load;
  try {
    bareLoad = await load(`http://127.0.0.1:${barePort}/bare`, connections, duration);
  } finally {
    await stop(bare);
  }
  report.line(
    `bare route            ${bareLoad.rps.toFixed(0).padStart(7)} req/s  p50 ${bareLoad.p50} ms  p99 ${bareLoad.p99} ms`,
  );

  const targets = [
    ['dataset JSON', '/api/v1/datasets/1'],
    ['dataset list JSON', '/api/v1/datasets?limit=30'],
    ['v2 dataset JSON', '/api/v2/rest/dataset/1'],
    ['datasets page HTML', '/datasets'],
  ] as const;

  const databases: [string, (fn: (env: Record<string, string>) => Promise<void>) => Promise<void>][] = [
    ['SQLite', async (fn) => fn({})],
  ];
  if (values.postgres) {
    const server = values.postgres;
    databases.push([
      'PostgreSQL',
      async (fn) => withPostgresDatabase(server, (url) => fn({ DATABASE_URL: url })),
    ]);
  }

  for (const [dbName, withDb] of databases) {
    await withDb(async (dbEnv) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-bench-'));
      try {
        // First with the per-process read cache (the default), then without it.
        for (const cacheSeconds of ['5', '0']) {
          const port = await freePort();
          const env = {
            ...dbEnv,
            ODP_DATA_DIR: dataDir,
            PORT: String(port),
            ODP_PUBLIC_URL: `http://127.0.0.1:${port}`,
            ODP_READ_CACHE_SECONDS: cacheSeconds,
          };
          const server = await startServer(
            ['packages/portal/src/cli.ts', 'serve', '--demo'],
            env,
            `http://127.0.0.1:${port}/readyz`,
          );
          try {
            for (const [label, route] of cacheSeconds === '0' ? targets.slice(0, 2) : targets) {
              const r = await load(`http://127.0.0.1:${port}${route}`, connections, duration);
              const name = `${label}${cacheSeconds === '0' ? ', cache off' : ''}`;
              report.line(
                `${dbName.padEnd(10)} ${name.padEnd(30)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms` +
                  `  = ${((100 * r.rps) / bareLoad.rps).toFixed(0)}% of bare${r.errors ? `  (${r.errors} errors)` : ''}`,
              );
            }
          } finally {
            await stop(server);
          }
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }
  report.save();
}
