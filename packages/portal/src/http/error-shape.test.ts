import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes.ts';
import { createDatasets } from '../features/datasets/dataset.service.ts';
import { createTestAccount, type TestAccount } from '../test/accounts-fixture.ts';
import { datasetInput } from '../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { ADMIN_HEADERS, TEST_ADMIN_TOKEN, buildTestApp } from './test-app.ts';

/** Every error of the API has one shape: `{ error: { code, message, details?, requestId } }`. */

let t: TestDatabase;
let app: FastifyInstance;
let brokenApp: FastifyInstance;
let brokenHandle: DatabaseHandle;
const routes: RouteOptions[] = [];
const logLines: string[] = [];
/** A platform-converted copy of a resource that was never fetched (set once the dataset exists). */
let convertedCopyUrl = '';
const brokenLog: string[] = [];
/** A signed-up person without any role. */
let outsider: TestAccount;

beforeAll(async () => {
  t = await openTestDatabase();
  const [dataset] = await createDatasets(t, [{ input: datasetInput() }], { actor: 'test' });
  const resource = dataset!.distribution[0]!.resourceID;
  outsider = await createTestAccount(t.db);
  convertedCopyUrl = `/dataset/${dataset!.datasetId}/resource/${resource}/download.json`;
  app = await buildTestApp(
    t,
    { logLevel: 'info' },
    {
      onRoute: (route) => routes.push(route),
      logStream: { write: (line) => logLines.push(line) },
    },
  );
  brokenHandle = openDatabase({ databaseUrl: process.env.DATABASE_URL, sqlitePath: ':memory:' });
  await sql`select 1`.execute(brokenHandle.db);
  brokenApp = await buildTestApp(
    brokenHandle,
    { logLevel: 'info' },
    { logStream: { write: (l) => brokenLog.push(l) } },
  );
  await brokenHandle.close();
});

afterAll(async () => {
  await app.close();
  await brokenApp.close();
  await t.destroy();
});

function expectErrorShape(res: LightMyRequestResponse, label: string): ErrorCode {
  expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
  expect(res.headers['content-type'], label).toBe('application/json; charset=utf-8');
  expect(res.headers['cache-control'], label).toBe('no-store');
  expect(res.headers.etag, label).toBeUndefined();
  const body = res.json();
  expect(Object.keys(body), label).toEqual(['error']);
  const error = body.error as Record<string, unknown>;
  expect(
    Object.keys(error).filter((k) => !['code', 'message', 'details', 'requestId'].includes(k)),
    label,
  ).toEqual([]);
  const code = error.code as ErrorCode;
  expect(Object.keys(ERROR_CODES), label).toContain(code);
  expect(ERROR_CODES[code].status, label).toBe(res.statusCode);
  expect(typeof error.message === 'string' && error.message.length > 0, label).toBe(true);
  expect(error.requestId, label).toBe(res.headers['x-request-id']);
  if (code === 'VALIDATION_FAILED') {
    expect(Array.isArray(error.details), label).toBe(true);
    for (const problem of error.details as Record<string, unknown>[]) {
      expect(Object.keys(problem).sort(), label).toEqual(['code', 'field', 'message']);
      expect(typeof problem.field === 'string' && typeof problem.code === 'string', label).toBe(true);
    }
  }
  return code;
}

type Call = {
  app?: () => FastifyInstance;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'OPTIONS';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
};

const JSON_HEADERS = { ...ADMIN_HEADERS, 'content-type': 'application/json' };
const CALLS: [ErrorCode, Call][] = [
  ['VALIDATION_FAILED', { url: '/api/v1/datasets?limit=5000' }],
  [
    'VALIDATION_FAILED',
    { method: 'POST', url: '/api/v1/datasets', payload: { title: 1 }, headers: ADMIN_HEADERS },
  ],
  ['VALIDATION_FAILED', { method: 'POST', url: '/api/v1/datasets', payload: '{', headers: JSON_HEADERS }],
  ['VALIDATION_FAILED', { method: 'POST', url: '/api/v1/datasets', payload: '', headers: JSON_HEADERS }],
  ['VALIDATION_FAILED', { url: '/api/v1/datasets/1/versions/0' }],
  ['INVALID_IDENTIFIER', { url: '/api/v1/datasets/%3Cscript%3E' }],
  ['INVALID_IDENTIFIER', { url: '/api/v1/resources/abc' }],
  ['UNAUTHORIZED', { url: '/api/v1/datasets', headers: { authorization: 'Bearer nope' } }],
  ['UNAUTHORIZED', { method: 'POST', url: '/api/v1/datasets', payload: {} }],
  [
    'API_KEY_REFUSED',
    {
      method: 'PATCH',
      url: '/api/v1/datasets/1',
      payload: {},
      headers: { authorization: `Bearer odp_${'x'.repeat(43)}` },
    },
  ],
  [
    'FORBIDDEN',
    {
      method: 'PATCH',
      url: '/api/v1/datasets/1',
      payload: { title: '不屬於我的資料集' },
      get headers() {
        return outsider.headers;
      },
    },
  ],
  ['CSRF_INVALID', { method: 'POST', url: '/logout', payload: {} }],
  [
    'FILE_EMPTY',
    {
      method: 'PUT',
      url: '/api/v1/datasets/A41000000G-000001/resources/A41000000G-000001-001/file',
      payload: '',
      headers: { ...ADMIN_HEADERS, 'content-type': 'application/octet-stream' },
    },
  ],
  ['FILE_NOT_FOUND', { url: '/dataset/1/resource/A41000000G-000001-001/file' }],
  ['MAP_UNAVAILABLE', { url: '/dataset/1/resource/A41000000G-000001-001/map.geojson' }],
  [
    'FIX_NOT_FOUND',
    {
      method: 'POST',
      url: '/api/v1/datasets/A41000000G-000001/fixes/to_utf8:nothing',
      headers: ADMIN_HEADERS,
    },
  ],
  ['NOT_FOUND', { url: '/api/v1/nothing' }],
  ['NOT_FOUND', { method: 'PUT', url: '/api/v1/themes', payload: {} }],
  ['NOT_FOUND', { url: '/no/such/page' }],
  [
    'NOT_FOUND',
    {
      method: 'OPTIONS',
      url: '/api/v1/datasets',
      headers: { origin: 'https://x.org', 'access-control-request-method': 'DELETE' },
    },
  ],
  ['DATASET_NOT_FOUND', { url: '/api/v1/datasets/A99999999Z-000001' }],
  ['ORGANIZATION_NOT_FOUND', { url: '/api/v1/organizations/A99999999Z' }],
  ['RESOURCE_NOT_FOUND', { url: '/api/v1/resources/A99999999Z-000001-001' }],
  // Never fetched, so no table (features/tables/tables.routes.test.ts covers the rest).
  ['TABLE_UNAVAILABLE', { url: '/api/v1/resources/A41000000G-000001-001/data' }],
  ['VERSION_NOT_FOUND', { url: '/api/v1/datasets/A41000000G-000001/versions/42' }],
  [
    'DUPLICATE_IDENTIFIER',
    { method: 'POST', url: '/api/v1/datasets', payload: datasetInput(), headers: ADMIN_HEADERS },
  ],
  [
    'INVALID_STATUS_TRANSITION',
    {
      method: 'POST',
      url: '/api/v1/datasets/A41000000G-000001/status',
      payload: { status: 'draft' },
      headers: ADMIN_HEADERS,
    },
  ],
  [
    'PAYLOAD_TOO_LARGE',
    {
      method: 'PUT',
      url: '/api/v1/datasets/1',
      payload: { notes: 'x'.repeat(2_200_000) },
      headers: ADMIN_HEADERS,
    },
  ],
  [
    'UNSUPPORTED_MEDIA_TYPE',
    {
      method: 'POST',
      url: '/api/v1/datasets',
      payload: 'a,b',
      headers: { ...ADMIN_HEADERS, 'content-type': 'text/csv' },
    },
  ],
  ['INTERNAL', { app: () => brokenApp, url: '/api/v1/datasets' }],
  ['NOT_READY', { app: () => brokenApp, url: '/readyz' }],
  [
    'FORBIDDEN',
    {
      url: '/api/v1/admin/jobs',
      get headers() {
        return outsider.headers;
      },
    },
  ],
  ['JOBS_UNAVAILABLE', { url: '/api/v1/admin/jobs', headers: ADMIN_HEADERS }],
  [
    'CONVERTED_COPY_UNAVAILABLE',
    {
      get url() {
        return convertedCopyUrl;
      },
    },
  ],
];

async function call(c: Call): Promise<LightMyRequestResponse> {
  const target = c.app ? c.app() : app;
  return target.inject({
    method: c.method ?? 'GET',
    url: c.url,
    headers: c.headers ?? {},
    ...(c.payload === undefined ? {} : { payload: c.payload as string }),
  });
}

/** A request each route must refuse: bad path parameters, or a write without the token. */
function failingRequestFor(route: RouteOptions): Call | undefined {
  const method = String(route.method);
  if (!route.url.startsWith('/api/v1') || method === 'HEAD') return undefined;
  const url = route.url.replace(/:[A-Za-z]+/g, 'x!');
  if (method === 'GET') return url === route.url ? { url: `${url}?limit=-1&offset=-1` } : { url };
  return { method: method as Call['method'], url, payload: {} };
}

describe(`error responses on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it.each(CALLS)('%s has exactly the one error shape', async (code, c) => {
    const res = await call(c);
    expect(expectErrorShape(res, `${c.method ?? 'GET'} ${c.url}`)).toBe(code);
  });

  it('every /api/v1 route answers a bad request with the one error shape', async () => {
    const calls = routes.map(failingRequestFor).filter((c): c is Call => c !== undefined);
    expect(calls.length).toBeGreaterThan(12);
    for (const c of calls) {
      const res = await call(c);
      if (res.statusCode === 200 && c.url.includes('?')) continue; // routes without query parameters
      expectErrorShape(res, `${c.method ?? 'GET'} ${c.url}`);
    }
  });

  it('covers every error code the v1 API can produce', () => {
    const produced = new Set(CALLS.map(([code]) => code));
    // Job input errors come from the job queue (CLI, handlers), not from an HTTP route yet.
    const notFromHttp: ErrorCode[] = ['IMPORT_INVALID', 'CONFIG_INVALID', 'JOB_INVALID', 'JOB_CRON_INVALID'];
    // Needs a fetched body the converter cannot read: features/stats/converted-download.test.ts.
    notFromHttp.push('CONVERSION_FAILED');
    // Only the sign-in and registration forms (HTML pages) are rate limited: features/accounts/login.routes.test.ts.
    notFromHttp.push('RATE_LIMITED');
    // Need a built table (with no coordinates, or a query past a tiny limit): features/tables/tables.routes.test.ts.
    notFromHttp.push('TABLE_NOT_GEOGRAPHIC', 'QUERY_TIMEOUT');
    // Need a zip bomb or a storage that does not answer: features/storage/upload.routes.test.ts, file-store.test.ts.
    notFromHttp.push('ARCHIVE_TOO_LARGE', 'ARCHIVE_TOO_MANY_ENTRIES', 'STORAGE_UNAVAILABLE');
    // Need checked resources with failing checks (features/fixes/one-click-fixes.test.ts), or a
    // one-click fix whose source file is no longer stored (features/fixes/fix-source.ts).
    notFromHttp.push('FIX_NOT_ONE_CLICK', 'FIX_SOURCE_UNAVAILABLE');
    // Needs a resource whose privacy check failed: features/privacy/personal-data-gate.test.ts.
    notFromHttp.push('PRIVACY_BLOCKED');
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      if (!notFromHttp.includes(code)) expect(produced, code).toContain(code);
    }
  });

  it('masks unexpected errors and logs the real one with the request id', async () => {
    const res = await brokenApp.inject({ url: '/api/v1/datasets', headers: { 'x-request-id': 'trace-500' } });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.requestId).toBe('trace-500');
    expect(res.body).not.toMatch(/driver|destroyed|kysely|stack/i);
    const logged = brokenLog
      .map((l) => JSON.parse(l))
      .find((l) => l.requestId === 'trace-500' && l.level >= 50);
    expect(logged?.err?.message).toMatch(/destroyed/);
  });
});

describe('request ids and logs', () => {
  it('keeps a sane incoming x-request-id and replaces anything else', async () => {
    const kept = await app.inject({ url: '/api/v1/themes', headers: { 'x-request-id': 'lb-7f3a_01:9' } });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a_01:9');
    for (const bad of ['has spaces in it', 'x'.repeat(300), '<script>', '']) {
      const res = await app.inject({ url: '/api/v1/themes', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const missing = await app.inject({ url: '/api/v1/nothing', headers: { 'x-request-id': 'abc-123' } });
    expect(missing.json().error.requestId).toBe('abc-123');
  });

  it('writes JSON log lines with the request id and never the Authorization header', async () => {
    logLines.length = 0;
    await app.inject({ url: '/api/v1/datasets', headers: { ...ADMIN_HEADERS, 'x-request-id': 'log-check' } });
    await app.inject({ url: '/healthz' });
    await app.inject({
      url: '/api/v1/datasets',
      headers: { authorization: 'Bearer some-wrong-secret-value' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      payload: {},
      headers: { authorization: 'Bearer another-secret-9' },
    });
    expect(logLines.length).toBeGreaterThan(0);
    const entries = logLines.map((l) => JSON.parse(l));
    // One access-log line a request, with its status; health probes are not logged.
    const checked = entries.filter((e) => e.requestId === 'log-check');
    expect(checked.map((e) => e.msg)).toEqual(['request completed']);
    expect(checked[0]).toMatchObject({
      req: { method: 'GET', url: '/api/v1/datasets' },
      res: { statusCode: 200 },
    });
    expect(entries.some((e) => e.req?.url === '/healthz')).toBe(false);
    const all = logLines.join('\n');
    for (const secret of [TEST_ADMIN_TOKEN, 'some-wrong-secret-value', 'another-secret-9'])
      expect(all).not.toContain(secret);
  });
});
