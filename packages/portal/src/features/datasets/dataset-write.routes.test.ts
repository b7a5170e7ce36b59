import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';

let t: TestDatabase;
let app: FastifyInstance;
let noTokenApp: FastifyInstance;

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildTestApp(t);
  noTokenApp = await buildTestApp(t, { adminToken: undefined });
});

afterAll(async () => {
  await app.close();
  await noTokenApp.close();
  await t.destroy();
});

type Method = 'POST' | 'PUT' | 'PATCH';

async function send(
  method: Method,
  url: string,
  payload: unknown,
  headers: Record<string, string> = ADMIN_HEADERS,
) {
  return app.inject({ method, url, payload: payload as object, headers });
}

function problems(body: { error: { details?: { field: string; code: string }[] } }): Record<string, string> {
  return Object.fromEntries((body.error.details ?? []).map((p) => [p.field, p.code]));
}

async function versions(identifier: string) {
  const res = await app.inject({ url: `/api/v1/datasets/${identifier}/versions`, headers: ADMIN_HEADERS });
  return (res.json() as { results: { version: number; actor: string; action: string; changes: object }[] })
    .results;
}

const WRITES: [Method, string, unknown, unknown][] = [
  ['POST', '/api/v1/datasets', datasetInput({ identifier: 'A41000000G-000050' }), { title: 5 }],
  ['PUT', '/api/v1/datasets/A41000000G-000001', datasetInput(), { title: '' }],
  ['PATCH', '/api/v1/datasets/A41000000G-000001', { title: '新名稱' }, { license: 'GPL' }],
  ['POST', '/api/v1/datasets/A41000000G-000001/status', { status: 'published' }, { status: 'gone' }],
];

describe(`REST API v1 dataset writes on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('creates a dataset: 201, Location, version 1 by admin-token', async () => {
    const res = await send('POST', '/api/v1/datasets', datasetInput());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ identifier: 'A41000000G-000001', version: 1, status: 'published' });
    expect(res.headers.location).toBe(`/api/v1/datasets/${body.datasetId}`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await versions('A41000000G-000001')).toMatchObject([
      { version: 1, actor: 'admin-token', action: 'create' },
    ]);
  });

  it.each(WRITES)('%s %s needs the admin token (401)', async (method, url, body) => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-wrong-token' },
      { authorization: 'Basic abc' },
    ];
    for (const headers of attempts) {
      const res = await send(method, url, body, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
    }
  });

  it.each(WRITES)(
    '%s %s refuses the old token once the server has no admin token (401)',
    async (method, url, body) => {
      const res = await noTokenApp.inject({ method, url, payload: body as object, headers: ADMIN_HEADERS });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
    },
  );

  it.each(WRITES)(
    '%s %s validates its body (400 with field-level problems)',
    async (method, url, _ok, bad) => {
      const res = await send(method, url, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.length).toBeGreaterThan(0);
    },
  );

  it('reports each bad field with a stable code', async () => {
    const res = await send(
      'POST',
      '/api/v1/datasets',
      datasetInput({
        identifier: 'BAD-1',
        title: undefined,
        numberOfData: 'many',
        publisherContactEmail: 'not-an-email',
        landingPage: 'ftp://example.org',
        distribution: [{ format: 'CSV', characterSetCode: 'UTF-8' }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(problems(res.json())).toEqual({
      identifier: 'pattern',
      title: 'required',
      numberOfData: 'type',
      publisherContactEmail: 'email',
      landingPage: 'url',
      'distribution[0].downloadURL': 'access_or_download_required',
    });
    const paid = await send(
      'POST',
      '/api/v1/datasets',
      datasetInput({ identifier: 'A41000000G-000051', cost: '付費' }),
    );
    expect(problems(paid.json())).toEqual({ costURL: 'required_if_paid', costLaw: 'required_if_paid' });
  });

  it('refuses a duplicate identifier (409) and a resourceID of another dataset (400)', async () => {
    const dup = await send('POST', '/api/v1/datasets', datasetInput());
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE_IDENTIFIER');
    const wrong = await send(
      'POST',
      '/api/v1/datasets',
      datasetInput({
        identifier: 'A41000000G-000002',
        distribution: [
          {
            resourceID: 'A41000000G-000001-005',
            format: 'CSV',
            characterSetCode: 'UTF-8',
            downloadURL: 'https://x.tw/a',
          },
        ],
      }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(problems(wrong.json())).toEqual({ 'distribution[0].resourceID': 'prefix' });
  });

  it('PUT replaces the dataset and records a version; the identifier cannot change', async () => {
    const res = await send(
      'PUT',
      '/api/v1/datasets/A41000000G-000001',
      datasetInput({ identifier: undefined, title: '雨量站逐時觀測資料', keyword: ['雨量'] }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: '雨量站逐時觀測資料', keyword: ['雨量'], version: 2 });
    const [latest] = await versions('A41000000G-000001');
    expect(latest).toMatchObject({
      version: 2,
      actor: 'admin-token',
      action: 'update',
      changes: { title: { from: '雨量站觀測資料', to: '雨量站逐時觀測資料' } },
    });
    const moved = await send(
      'PUT',
      '/api/v1/datasets/A41000000G-000001',
      datasetInput({ identifier: 'A41000000G-000777' }),
    );
    expect(moved.statusCode).toBe(400);
    expect(problems(moved.json())).toEqual({ identifier: 'immutable' });
    const missing = await send('PUT', '/api/v1/datasets/A41000000G-000404', datasetInput());
    expect(missing.json().error.code).toBe('DATASET_NOT_FOUND');
  });

  it('PATCH changes only the fields it names, and a no-op makes no version', async () => {
    const before = (await app.inject({ url: '/api/v1/datasets/A41000000G-000001' })).json();
    const res = await send('PATCH', '/api/v1/datasets/A41000000G-000001', { title: '雨量' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      ...before,
      title: '雨量',
      version: 3,
      updatedAt: res.json().updatedAt,
      metadataModifiedAt: res.json().metadataModifiedAt,
    });
    const again = await send('PATCH', '/api/v1/datasets/A41000000G-000001', { title: '雨量' });
    expect(again.json().version).toBe(3);
    const list = await versions('A41000000G-000001');
    expect(list.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(list[0]?.changes).toEqual({ title: { from: '雨量站逐時觀測資料', to: '雨量' } });
  });

  it('POST …/status moves the lifecycle, records a status version and refuses illegal moves (409)', async () => {
    const res = await send('POST', '/api/v1/datasets/A41000000G-000001/status', { status: 'delisted' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'delisted', version: 4 });
    expect((await versions('A41000000G-000001'))[0]).toMatchObject({
      action: 'status',
      actor: 'admin-token',
    });
    const back = await send('POST', '/api/v1/datasets/A41000000G-000001/status', { status: 'published' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('INVALID_STATUS_TRANSITION');
    const publicView = await app.inject('/api/v1/datasets/A41000000G-000001');
    expect(publicView.statusCode).toBe(404);
  });

  it('refuses bodies that are too large (413), not JSON (415) or malformed (400)', async () => {
    const big = await send('POST', '/api/v1/datasets', { description: 'x'.repeat(3 * 1024 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const text = await app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      payload: '<dataset/>',
      headers: { ...ADMIN_HEADERS, 'content-type': 'application/xml' },
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      payload: '{"title": ',
      headers: { ...ADMIN_HEADERS, 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(problems(broken.json())).toEqual({ '': 'json' });
  });

  it('gives writes no CORS headers and fails their preflight', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/datasets',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBe(404);
    const post = await send('POST', '/api/v1/datasets', datasetInput({ identifier: 'A41000000G-000060' }), {
      ...ADMIN_HEADERS,
      origin: 'https://example.org',
    });
    expect(post.statusCode).toBe(201);
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
    const getPreflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/datasets',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    });
    expect(getPreflight.statusCode).toBe(204);
    expect(getPreflight.headers['access-control-allow-origin']).toBe('*');
    expect(getPreflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
  });
});
