import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresUrl, openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { datasetInput } from '../../test/factories.ts';
import { createDatasets, getDataset } from '../datasets/dataset.service.ts';

/*
 * Crash safety: the real server (`odp serve`) in a child process on a temporary data
 * directory and database (SQLite, or a fresh PostgreSQL schema when DATABASE_URL says
 * so), killed with SIGKILL while it is in the middle of work, then started again.
 *
 * 1. Killed half-way through an upload's body: afterwards no stored_files row, the
 *    resource and its dataset version unchanged, and once the server is back no
 *    temporary file in the staging directory and no file in the store.
 * 2. Killed while metadata saves are in flight: every dataset is at its old or its new
 *    version, whole — its row, its resources and its version history agree.
 */

const dialect = isPostgresUrl(process.env.DATABASE_URL) ? 'PostgreSQL' : 'SQLite';
const CLI = fileURLToPath(new URL('../../cli.ts', import.meta.url));
const ADMIN_TOKEN = 'crash-test-admin-token-0123456789';
const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };
const UPLOAD_BYTES = 256 * 1024 * 1024;
const STARTUP_MS = 45_000;

let dataDir: string;
let handle: DatabaseHandle;
let databaseUrl: string;
let dropSchema: (() => Promise<void>) | undefined;
const children = new Set<ChildProcessWithoutNullStreams>();

interface Server {
  child: ChildProcessWithoutNullStreams;
  origin: string;
}

/** Starts `odp serve` and resolves with its address once it listens. */
function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--no-worker'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '127.0.0.1',
      ODP_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      ODP_ADMIN_TOKEN: ADMIN_TOKEN,
      ODP_LOG_LEVEL: 'warn',
      ODP_UPLOAD_MAX_BYTES: String(UPLOAD_BYTES),
      ODP_DB_POOL_SIZE: '4',
    },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`odp serve did not start within ${STARTUP_MS} ms:\n${output}`));
    }, STARTUP_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, origin: match[1] as string });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`odp serve exited (${code}) before listening:\n${output}`));
    });
  });
}

async function kill(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

/** Sends a request and resolves with its status (or the error a killed server causes). */
function send(
  origin: string,
  method: string,
  pathname: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<number | Error> {
  return new Promise((resolve) => {
    const req = request(`${origin}${pathname}`, { method, headers: { ...AUTH, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', resolve);
    });
    req.on('error', resolve);
    req.end(body);
  });
}

async function waitFor(what: string, test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const stagingDir = () => path.join(dataDir, 'files', '.staging');
const stagedFiles = () => (existsSync(stagingDir()) ? readdirSync(stagingDir()) : []);
/** Files in the store itself (the fan-out directories), staging left out. */
function storedObjects(): string[] {
  const root = path.join(dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => readdirSync(path.join(root, d)));
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'odp-crash-'));
  if (isPostgresUrl(process.env.DATABASE_URL)) {
    const url = process.env.DATABASE_URL;
    const schema = `crash_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    handle = openDatabase({ databaseUrl: url, sqlitePath: ':memory:', pgSchema: schema, poolSize: 2 });
    await migrateToLatest(handle.db, schema);
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = withSchema.href;
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // pg-boss keeps the server's jobs in <schema>_jobs (jobs/open-job-queue.ts).
      await c.query(`drop schema if exists ${schema}_jobs cascade`);
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  } else {
    const file = path.join(dataDir, 'odp.db');
    handle = openDatabase({ sqlitePath: file });
    await migrateToLatest(handle.db);
    databaseUrl = `sqlite:${file}`;
  }
}, 30_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await handle?.close();
  await dropSchema?.();
  rmSync(dataDir, { recursive: true, force: true });
});

const ctx = () => ({ db: handle.db, dialect: handle.dialect });

async function storedRows(): Promise<number> {
  const row = await handle.db
    .selectFrom('storedFiles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe(`crash safety of the real server on ${dialect}`, () => {
  it('keeps nothing of an upload killed half-way, and sweeps its temporary file on restart', async () => {
    const [dataset] = await createDatasets(
      ctx(),
      [{ input: datasetInput({ identifier: 'A41000000G-000001' }) }],
      {
        actor: 'test',
      },
    );
    const resourceId = dataset!.distribution[0]!.resourceID;
    const server = await startServer();

    // A 256 MiB upload of which only the first 16 MiB are sent: the server is killed while it waits for the rest.
    const url = new URL(`${server.origin}/api/v1/datasets/A41000000G-000001/resources/${resourceId}/file`);
    const req = request(url, {
      method: 'PUT',
      headers: { ...AUTH, 'content-type': 'text/csv', 'content-length': String(UPLOAD_BYTES) },
    });
    const failed = new Promise<Error>((resolve) => req.on('error', resolve));
    const line = Buffer.from('station,rain,observed_at\n466920,12.5,2026-11-27T08:00:00+08:00\n');
    const chunk = Buffer.concat(Array.from({ length: Math.ceil((1024 * 1024) / line.length) }, () => line));
    let sent = 0;
    while (sent < 16 * 1024 * 1024) {
      if (!req.write(chunk)) await new Promise((resolve) => req.once('drain', resolve));
      sent += chunk.length;
    }
    await waitFor('the staged upload', () => {
      const [name] = stagedFiles();
      return name !== undefined && statSync(path.join(stagingDir(), name)).size > 1024 * 1024;
    });
    await kill(server);
    expect(await failed).toBeInstanceOf(Error);

    // The crash left the partial body in staging, and nothing else.
    expect(stagedFiles()).toHaveLength(1);
    expect(storedObjects()).toEqual([]);
    expect(await storedRows()).toBe(0);
    const after = await getDataset(ctx(), 'A41000000G-000001');
    expect(after.version).toBe(1);
    expect(after.distribution[0]).toMatchObject({ fileKey: null, size: null, checksum: null });

    const again = await startServer();
    try {
      expect(stagedFiles()).toEqual([]);
      expect(storedObjects()).toEqual([]);
      // The restarted server takes the upload whole.
      const status = await send(
        again.origin,
        'PUT',
        `/api/v1/datasets/A41000000G-000001/resources/${resourceId}/file`,
        chunk,
        { 'content-type': 'text/csv' },
      );
      expect(status).toBe(200);
      expect(await storedRows()).toBe(1);
      expect((await getDataset(ctx(), 'A41000000G-000001')).version).toBe(2);
    } finally {
      await kill(again);
    }
  }, 120_000);

  it('leaves every dataset at its old or its new version when killed during metadata saves', async () => {
    const count = 40;
    const identifiers = Array.from(
      { length: count },
      (_, i) => `A41000000G-${String(100 + i).padStart(6, '0')}`,
    );
    // Large saves: many resources each, so a write takes a while.
    const distribution = Array.from({ length: 150 }, (_, i) => ({
      resourceDescription: `雨量站 ${i} 每小時觀測資料`,
      format: 'CSV',
      characterSetCode: 'UTF-8',
      downloadURL: `https://example.gov.tw/rain-${i}.csv`,
    }));
    await createDatasets(
      ctx(),
      identifiers.map((identifier) => ({ input: datasetInput({ identifier, distribution }) })),
      { actor: 'test' },
    );
    const server = await startServer();
    const changed = distribution.map((r) => ({
      ...r,
      resourceDescription: `${r.resourceDescription}（修正）`,
    }));
    const saves = identifiers.map((identifier) =>
      send(
        server.origin,
        'PATCH',
        `/api/v1/datasets/${identifier}`,
        JSON.stringify({ title: `新標題 ${identifier}`, distribution: changed }),
        { 'content-type': 'application/json' },
      ),
    );
    // Killed as soon as the first save is committed: the others are queued, running or done.
    const datasetIds = (await Promise.all(identifiers.map((id) => getDataset(ctx(), id)))).map(
      (d) => d.datasetId,
    );
    const end = Date.now() + 60_000;
    for (;;) {
      const saved = await handle.db
        .selectFrom('datasetVersions')
        .select('datasetId')
        .where('datasetId', 'in', datasetIds)
        .where('version', '=', 2)
        .limit(1)
        .execute();
      if (saved.length > 0) break;
      if (Date.now() > end) throw new Error('no save was committed within a minute');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await kill(server);
    const outcomes = await Promise.all(saves);

    let updated = 0;
    for (const [i, identifier] of identifiers.entries()) {
      const record = await getDataset(ctx(), identifier);
      const versions = await handle.db
        .selectFrom('datasetVersions')
        .select(['version', 'snapshot'])
        .where('datasetId', '=', record.datasetId)
        .orderBy('version')
        .execute();
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: record.version }, (_, n) => n + 1));
      if (record.version === 1) {
        expect(record.title).toBe('雨量站觀測資料');
        expect(record.distribution.every((r) => !r.resourceDescription.endsWith('（修正）'))).toBe(true);
        expect(outcomes[i]).not.toBe(200);
      } else {
        expect(record.version).toBe(2);
        updated += 1;
        expect(record.title).toBe(`新標題 ${identifier}`);
        expect(record.distribution.every((r) => r.resourceDescription.endsWith('（修正）'))).toBe(true);
        const snapshot = JSON.parse(versions[1]!.snapshot) as { title: string };
        expect(snapshot.title).toBe(record.title);
      }
      expect(record.distribution).toHaveLength(150);
    }
    // Some saves are there, and the kill came before the last one was done.
    expect(updated).toBeGreaterThanOrEqual(1);
    expect(updated).toBeLessThan(count);
  }, 120_000);
});
