/**
 * B3: API throughput. The portal (seeded with the demo catalogue) against a bare
 * Fastify route returning a constant, both served from their own process on this
 * machine, loaded by autocannon in turn, with the read cache on (default) and off.
 * Runs on SQLite, and on PostgreSQL when
 * `--postgres <server url>` is given (a fresh database is created and dropped).
 * The portal runs as `odp serve --no-worker`, so the quality checks `--demo` queues
 * for the demo resources wait in the queue instead of running beside the load.
 *
 * Targets: dataset JSON, dataset list JSON, v2 dataset JSON, the datasets page, the
 * home page, the search page and search JSON for 雨量, the dataset page.
 * `--search-datasets N` also builds an N-dataset catalogue (the search-latency bench's
 * builder, search/large-catalogue.ts) into a temporary data directory, serves it with
 * `odp serve --no-worker` (no --demo: ODP_DATA_DIR points the server at the database
 * file, <dir>/odp.db) and loads search JSON against it, with the read cache on and off,
 * against the target of 1,000 req/s at 55k.
 *
 *   npm run bench -- api-throughput [--duration 20] [--connections 50]
 *     [--postgres postgres://postgres@127.0.0.1:5432/postgres] [--search-datasets 55000]
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseArgs } from 'node:util';
import { freePort, startServer, stop } from './lib/processes.ts';
import { fmt, Report } from './lib/report.ts';
import { buildLargeCatalogueShowingProgress } from './search/large-catalogue.ts';

/** BENCHMARKS.md B3: dataset JSON at ≥ 50% of the bare route; search ≥ 1,000 req/s at 55k. */
const TARGET_SHARE_OF_BARE = 50;
const TARGET_SEARCH_RPS = 1000;

/** The search word of the search targets (雨量, rainfall), URL-encoded. */
const SEARCH_WORD = '雨量';
const SEARCH_QUERY = encodeURIComponent(SEARCH_WORD);
const SEARCH_JSON = `/api/v1/search?q=${SEARCH_QUERY}`;

const TARGETS = [
  ['dataset JSON', '/api/v1/datasets/1'],
  ['dataset list JSON', '/api/v1/datasets?limit=30'],
  ['v2 dataset JSON', '/api/v2/rest/dataset/1'],
  ['datasets page HTML', '/datasets'],
  ['home page HTML', '/'],
  ['search page HTML', `/datasets?q=${SEARCH_QUERY}`],
  ['dataset page HTML', '/dataset/1'],
  ['search JSON', SEARCH_JSON],
] as const;
/** The targets loaded again with the read cache off. */
const CACHE_OFF_TARGETS: ReadonlySet<string> = new Set(['dataset JSON', 'dataset list JSON', 'search JSON']);

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

const whole = (value: string, name: string): number => {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0`);
  return n;
};

/** One report line: database (or catalogue), target, req/s, latency and the share of the bare route. */
function row(db: string, name: string, r: Load, bare: Load): string {
  return (
    `${db.padEnd(10)} ${name.padEnd(30)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms` +
    `  = ${((100 * r.rps) / bare.rps).toFixed(0)}% of bare${r.errors ? `  (${r.errors} errors)` : ''}`
  );
}

/** Starts `odp serve --no-worker [extra]` on a free port with the given settings; returns it and its base URL. */
async function servePortal(
  extra: string[],
  env: Record<string, string>,
  cacheSeconds: string,
): Promise<{ server: Awaited<ReturnType<typeof startServer>>; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(
    ['packages/portal/src/cli.ts', 'serve', '--no-worker', ...extra],
    { ...env, PORT: String(port), ODP_PUBLIC_URL: base, ODP_READ_CACHE_SECONDS: cacheSeconds },
    `${base}/readyz`,
  );
  return { server, base };
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '50' },
      postgres: { type: 'string' },
      'search-datasets': { type: 'string' },
    },
  });
  const duration = whole(values.duration, 'duration');
  const connections = whole(values.connections, 'connections');
  const searchDatasets = values['search-datasets'] ? whole(values['search-datasets'], 'search-datasets') : 0;
  const report = new Report('api-throughput');
  report.line(
    `autocannon: ${connections} connections, ${duration} s per target${duration === 20 ? '' : ' (BENCHMARKS.md B3 says 20 s)'}; ` +
      'each server in its own process; portal: odp serve --no-worker',
  );

  /**
   * The peer, measured right before each portal's targets: on a shared machine one early
   * sample of the bare route can be far off what the same machine gives minutes later.
   */
  const measureBare = async (when: string): Promise<Load> => {
    const barePort = await freePort();
    const bare = await startServer(
      ['bench/peers/bare-server.ts'],
      { PORT: String(barePort) },
      `http://127.0.0.1:${barePort}/bare`,
    );
    try {
      const r = await load(`http://127.0.0.1:${barePort}/bare`, connections, duration);
      report.line(
        `bare route (${when})`.padEnd(41) +
          ` ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms`,
      );
      return r;
    } finally {
      await stop(bare);
    }
  };

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

  const datasetShare = new Map<string, number>();
  for (const [dbName, withDb] of databases) {
    await withDb(async (dbEnv) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-bench-'));
      try {
        // First with the per-process read cache (the default), then without it.
        for (const cacheSeconds of ['5', '0']) {
          const { server, base } = await servePortal(
            ['--demo'],
            { ...dbEnv, ODP_DATA_DIR: dataDir },
            cacheSeconds,
          );
          try {
            const bareLoad = await measureBare(
              `before ${dbName}${cacheSeconds === '0' ? ', cache off' : ''}`,
            );
            const targets =
              cacheSeconds === '0' ? TARGETS.filter(([label]) => CACHE_OFF_TARGETS.has(label)) : TARGETS;
            for (const [label, route] of targets) {
              const r = await load(`${base}${route}`, connections, duration);
              report.line(row(dbName, `${label}${cacheSeconds === '0' ? ', cache off' : ''}`, r, bareLoad));
              if (label === 'dataset JSON' && cacheSeconds !== '0')
                datasetShare.set(dbName, (100 * r.rps) / bareLoad.rps);
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
  report.line(
    `dataset JSON vs bare (target ≥ ${TARGET_SHARE_OF_BARE}%): ` +
      [...datasetShare]
        .map(
          ([db, share]) => `${db} ${share.toFixed(0)}% ${share >= TARGET_SHARE_OF_BARE ? 'met' : 'NOT met'}`,
        )
        .join(', '),
  );

  if (searchDatasets)
    await searchAtScale(
      report,
      searchDatasets,
      await measureBare('before 55k search'),
      connections,
      duration,
    );
  report.save();
}

/** Search JSON against an N-dataset SQLite catalogue, with the read cache on and off. */
async function searchAtScale(
  report: Report,
  datasets: number,
  bareLoad: Load,
  connections: number,
  duration: number,
): Promise<void> {
  const label = `SQLite ${datasets % 1000 === 0 ? `${datasets / 1000}k` : fmt(datasets)}`;
  const catalogue = await buildLargeCatalogueShowingProgress(datasets);
  try {
    // The server gets the database to itself; destroy() below only removes the directory.
    await catalogue.handle.close();
    report.line(
      `${fmt(datasets)}-dataset catalogue (odp demo --datasets path, SQLite) built in ${fmt(catalogue.buildSeconds, 1)} s; ` +
        `served by odp serve --no-worker with ODP_DATA_DIR at it`,
    );
    const rates = new Map<string, number>();
    for (const cacheSeconds of ['5', '0']) {
      const { server, base } = await servePortal(
        [],
        { ODP_DATA_DIR: path.dirname(catalogue.file) },
        cacheSeconds,
      );
      try {
        // One request first: it checks the answer and loads the facet attributes (as the first search after start does).
        const res = await fetch(`${base}${SEARCH_JSON}`);
        if (!res.ok) throw new Error(`${SEARCH_JSON} answered ${res.status}`);
        const body = (await res.json()) as { total?: number };
        if (cacheSeconds === '5')
          report.line(`${SEARCH_WORD} matches ${fmt(body.total ?? 0)} of ${fmt(datasets)} datasets`);
        const r = await load(`${base}${SEARCH_JSON}`, connections, duration);
        const name = `search JSON${cacheSeconds === '0' ? ', cache off' : ''}`;
        report.line(row(label, name, r, bareLoad));
        rates.set(cacheSeconds === '0' ? 'cache off' : 'read cache on', r.rps);
      } finally {
        await stop(server);
      }
    }
    report.line(
      `search JSON at ${fmt(datasets)} datasets (target ≥ ${fmt(TARGET_SEARCH_RPS)} req/s at 55k): ` +
        [...rates]
          .map(([mode, rps]) => `${mode} ${fmt(rps)} req/s ${rps >= TARGET_SEARCH_RPS ? 'met' : 'NOT met'}`)
          .join(', ') +
        (datasets === 55_000 ? '' : `; this run is ${fmt(datasets)} datasets`),
    );
  } finally {
    await catalogue.destroy();
  }
}
