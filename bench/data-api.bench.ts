/**
 * Data API (issue 9): a generated N-row CSV resource (default 10M rows) is fetched by
 * the quality checker and built into its Parquet table, then autocannon loads
 * `/api/v1/resources/{id}/data` with filters; the peer in the same run is the same SQL
 * through @duckdb/node-api directly (no HTTP, no parsing, no portal: the floor).
 * Then the time from a 100 MB CSV's fetch to the first `/data` answer (fetch, checks,
 * conversion to Parquet, first query). The portal runs in this process on SQLite.
 *
 *   npm run bench -- data-api [--rows 10000000] [--preview-mb 100] [--duration 10] [--connections 20]
 */
import autocannon from 'autocannon';
import { DuckDBInstance } from '@duckdb/node-api';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import { buildApp } from '../packages/portal/src/app.ts';
import { openDatabase } from '../packages/portal/src/db/database.ts';
import { migrateToLatest } from '../packages/portal/src/db/migrate.ts';
import { testSettings } from '../packages/portal/src/http/test-app.ts';
import { createDatasets } from '../packages/portal/src/features/datasets/dataset.service.ts';
import {
  checkResource,
  createHostLimiter,
} from '../packages/portal/src/features/quality/check-resource.service.ts';
import { resourceRowIds } from '../packages/portal/src/features/quality/quality.repo.ts';
import { datasetInput } from '../packages/portal/src/test/factories.ts';
import { fmt, median, Report } from './lib/report.ts';

const CITIES = [
  '臺北市',
  '新北市',
  '桃園市',
  '臺中市',
  '臺南市',
  '高雄市',
  '基隆市',
  '新竹市',
  '嘉義市',
  '臺東縣',
];

/** Rows of `id,city,amount,day,note` until `rows` rows or `bytes` bytes. */
async function generateCsv(file: string, limit: { rows?: number; bytes?: number }): Promise<number> {
  const out = createWriteStream(file);
  out.write('id,city,amount,day,note\n');
  let written = 0;
  let bytes = 0;
  let chunk = '';
  for (let i = 0; ; i++) {
    if ((limit.rows !== undefined && i >= limit.rows) || (limit.bytes !== undefined && bytes >= limit.bytes))
      break;
    const line = `${i},${CITIES[i % 10]},${(i * 7919) % 100000},2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},note ${i % 1000}\n`;
    chunk += line;
    bytes += Buffer.byteLength(line);
    written++;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return written;
}

async function serveFiles(dir: string): Promise<{ server: Server; url: (name: string) => string }> {
  const server = createServer((req, res) => {
    const file = path.join(dir, path.basename(req.url ?? ''));
    try {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': statSync(file).size });
    } catch {
      res.writeHead(404).end();
      return;
    }
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return { server, url: (name) => `http://127.0.0.1:${port}/${name}` };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '10000000' },
      'preview-mb': { type: 'string', default: '100' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '20' },
    },
  });
  const rows = Number(values.rows);
  const previewBytes = Number(values['preview-mb']) * 1024 * 1024;
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const report = new Report('data-api');
  const dir = mkdtempSync(path.join(tmpdir(), 'odp-bench-data-'));
  const files = path.join(dir, 'files');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(files);
  const handle = openDatabase({ databaseUrl: undefined, sqlitePath: path.join(dir, 'odp.db') });
  await migrateToLatest(handle.db);
  const { server, url } = await serveFiles(files);
  try {
    let t0 = performance.now();
    const written = await generateCsv(path.join(files, 'big.csv'), { rows });
    const bigBytes = statSync(path.join(files, 'big.csv')).size;
    report.line(
      `generated ${fmt(written)} rows, ${fmt(bigBytes / 2 ** 20, 1)} MiB CSV in ${fmt((performance.now() - t0) / 1000, 1)} s`,
    );
    await generateCsv(path.join(files, 'preview.csv'), { bytes: previewBytes });

    const settings = testSettings({
      dataDir: dir,
      sqlitePath: path.join(dir, 'odp.db'),
      fetch: { allow: ['127.0.0.1'], maxBytes: 2 ** 40, hostConcurrency: 4, hostDelayMs: 0 },
    });
    const [dataset] = await createDatasets(
      handle,
      [
        {
          input: datasetInput({
            identifier: 'A41000000G-000901',
            distribution: [
              {
                resourceDescription: 'big',
                format: 'CSV',
                characterSetCode: 'UTF-8',
                downloadURL: url('big.csv'),
              },
              {
                resourceDescription: 'preview',
                format: 'CSV',
                characterSetCode: 'UTF-8',
                downloadURL: url('preview.csv'),
              },
            ],
          }),
        },
      ],
      { actor: 'bench' },
    );
    const ids = await resourceRowIds(handle.db, dataset!.datasetId);
    const deps = { catalogue: handle, settings, limiter: createHostLimiter(settings) };
    const app = await buildApp({ settings, handle });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    t0 = performance.now();
    await checkResource(deps, ids.get('A41000000G-000901-001')!, 'manual');
    const fetched = performance.now() - t0;
    const first = await fetch(`${base}/api/v1/resources/A41000000G-000901-001/data?limit=1`);
    const built = performance.now() - t0;
    report.line(
      `big table: fetch + checks ${fmt(fetched / 1000, 1)} s, + Parquet build and first answer ${fmt((built - fetched) / 1000, 1)} s (status ${first.status})`,
    );

    const query = 'city__exact=%E8%87%BA%E6%9D%B1%E7%B8%A3&amount__between=1000,50000&sort=-amount&limit=100';
    const target = `${base}/api/v1/resources/A41000000G-000901-001/data?${query}`;
    const r = await autocannon({ url: target, connections, duration });
    report.line(
      `portal /data (filters, sort, count): ${fmt(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx + r.timeouts}`,
    );

    // The floor: the same two statements through @duckdb/node-api directly.
    const parquet = path.join(
      dir,
      'tables',
      `${(await handle.db.selectFrom('resourceTables').select('sha256').executeTakeFirstOrThrow()).sha256}.parquet`,
    );
    const instance = await DuckDBInstance.create(':memory:');
    const peers = await Promise.all(
      Array.from({ length: Math.min(connections, 8) }, () => instance.connect()),
    );
    const latencies: number[] = [];
    const end = performance.now() + duration * 1000;
    await Promise.all(
      peers.map(async (c) => {
        while (performance.now() < end) {
          const s = performance.now();
          await Promise.all([
            c.runAndReadAll(
              'SELECT "id", "city", "amount", "day", "note" FROM read_parquet(?) WHERE "city" = ? AND "amount" BETWEEN ? AND ? ORDER BY "amount" DESC NULLS LAST LIMIT 100',
              [parquet, '臺東縣', 1000, 50000],
            ),
            c.runAndReadAll(
              'SELECT count(*) FROM read_parquet(?) WHERE "city" = ? AND "amount" BETWEEN ? AND ?',
              [parquet, '臺東縣', 1000, 50000],
            ),
          ]);
          latencies.push(performance.now() - s);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const peerRps = latencies.length / duration;
    report.line(
      `peer (DuckDB direct, ${peers.length} connections): ${fmt(peerRps)} queries/s, p50 ${fmt(median(latencies), 1)} ms, p99 ${fmt(latencies[Math.floor(latencies.length * 0.99)] ?? 0, 1)} ms`,
    );
    report.line(`ratio portal/peer: ${fmt((100 * r.requests.average) / peerRps)}%`);

    t0 = performance.now();
    await checkResource(deps, ids.get('A41000000G-000901-002')!, 'manual');
    const preview = await fetch(`${base}/api/v1/resources/A41000000G-000901-002/data`);
    report.line(
      `${fmt(statSync(path.join(files, 'preview.csv')).size / 2 ** 20)} MiB CSV: fetch → first /data answer ${fmt((performance.now() - t0) / 1000, 1)} s (status ${preview.status})`,
    );
    await app.close();
  } finally {
    server.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
  report.save();
}
