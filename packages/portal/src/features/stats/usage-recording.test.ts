import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { UsageRecorder } from './usage-recorder.ts';

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const NOW = new Date('2026-11-27T02:00:00.000Z');

let t: TestDatabase;
let app: FastifyInstance;
let ids: number[];

beforeAll(async () => {
  t = await openTestDatabase();
  const created = await createDatasets(
    t,
    [
      { input: datasetInput() },
      {
        input: datasetInput({
          identifier: 'A41000000G-000002',
          title: '停車場資訊',
          distribution: [
            {
              resourceDescription: '停車場 JSON',
              format: 'JSON',
              characterSetCode: 'UTF-8',
              accessURL: 'https://data.example.gov.tw/parking.json?x=1&y=2',
            },
            {
              resourceDescription: '停車場說明',
              format: 'PDF',
              characterSetCode: 'UTF-8',
              downloadURL: 'https://files.example.gov.tw/parking.pdf',
            },
          ],
        }),
      },
      { input: datasetInput({ identifier: 'A41000000G-000003', title: '草稿', status: 'draft' }) },
    ],
    { actor: 'test' },
  );
  ids = created.map((d) => d.datasetId);
  // The write API accepts only http(s) URLs; a row written otherwise (an old import) is not redirected to.
  await t.db
    .updateTable('resources')
    .set({ downloadUrl: 'ftp://files.example.gov.tw/parking.pdf' })
    .where('resourceId', '=', 'A41000000G-000002-002')
    .execute();
  // A long interval: the tests flush when they want to look.
  app = await buildTestApp(t, {}, { usage: { flushIntervalMs: 3_600_000, now: () => NOW } });
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});
beforeEach(async () => {
  await app.usageRecorder.flush();
  await t.db.deleteFrom('usageEvents').execute();
});

async function events() {
  await app.usageRecorder.flush();
  return t.db
    .selectFrom('usageEvents')
    .select(['kind', 'datasetId', 'datasetIdentifier', 'resourceId', 'occurredAt'])
    .orderBy('id')
    .execute();
}

const get = (
  url: string,
  headers: Record<string, string> = { 'user-agent': BROWSER },
  method: 'GET' | 'HEAD' = 'GET',
) => app.inject({ method, url, headers });

describe(`usage recording on ${engine}`, () => {
  it('writes nothing while a request is served; the buffer is written in one batch', async () => {
    const [first] = ids as [number];
    const res = await get(`/api/v1/datasets/${first}`);
    expect(res.statusCode).toBe(200);
    expect(app.usageRecorder.pending).toBe(1);
    expect(await t.db.selectFrom('usageEvents').select('id').execute()).toEqual([]);
    expect(await events()).toEqual([
      {
        kind: 'api',
        datasetId: first,
        datasetIdentifier: null,
        resourceId: null,
        occurredAt: NOW.toISOString(),
      },
    ]);
    expect(app.usageRecorder.pending).toBe(0);
  });

  it('counts API calls and downloads, not crawlers, HEAD, errors or prefetches', async () => {
    const [first, second] = ids as [number, number];
    expect((await get('/api/v1/search?q=雨量', { 'user-agent': 'curl/8.5.0' })).statusCode).toBe(200);
    expect((await get('/api/v1/datasets/A41000000G-000002')).statusCode).toBe(200);
    expect((await get('/api/v1/datasets/999999')).statusCode).toBe(404);
    expect(
      (await get('/api/v1/search', { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' })).statusCode,
    ).toBe(200);
    expect((await get(`/api/v1/datasets/${first}`, { 'user-agent': BROWSER }, 'HEAD')).statusCode).toBe(200);
    const download = `/dataset/${first}/resource/A41000000G-000001-001/download`;
    expect((await get(download)).statusCode).toBe(302);
    expect((await get(download, { 'user-agent': BROWSER, 'sec-purpose': 'prefetch' })).statusCode).toBe(302);
    expect((await get(download, { 'user-agent': 'bingbot/2.0' })).statusCode).toBe(302);
    expect((await get(download, { 'user-agent': BROWSER }, 'HEAD')).statusCode).toBe(302);
    expect((await get(`/en/dataset/${second}/resource/A41000000G-000001-001/download`)).statusCode).toBe(404);
    expect(await events()).toEqual([
      expect.objectContaining({ kind: 'api', datasetId: null, datasetIdentifier: null }),
      expect.objectContaining({ kind: 'api', datasetId: null, datasetIdentifier: 'A41000000G-000002' }),
      expect.objectContaining({ kind: 'download', datasetId: first, resourceId: 'A41000000G-000001-001' }),
    ]);
  });

  it('counts dataset page views by browsers only, at their real path', async () => {
    const [first] = ids as [number];
    const page = await get(`/dataset/${first}`);
    expect(page.statusCode).toBe(200);
    expect((await get(`/dataset/${first}`, { 'user-agent': 'python-requests/2.32' })).statusCode).toBe(200);
    expect(
      (await get(`/dataset/${first}`, { 'user-agent': 'Mozilla/5.0 (compatible; YandexBot/3.0)' }))
        .statusCode,
    ).toBe(200);
    expect((await get('/dataset/999999')).statusCode).toBe(404);
    const old = await get(`/datasets/${first}`);
    expect(old.statusCode).toBe(301);
    expect(await events()).toEqual([expect.objectContaining({ kind: 'view', datasetId: first })]);
  });
});

describe(`GET /dataset/{datasetId}/resource/{resourceID}/download on ${engine}`, () => {
  it('redirects to the URL the catalogue records, by datasetId or identifier', async () => {
    const [first] = ids as [number];
    const res = await get(`/dataset/${first}/resource/A41000000G-000001-001/download`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('https://example.gov.tw/rain.csv');
    expect(res.headers['cache-control']).toBe('no-store');
    // accessURL when there is no downloadURL; the query string is kept as recorded.
    const second = await get('/en/dataset/A41000000G-000002/resource/A41000000G-000002-001/download');
    expect(second.statusCode).toBe(302);
    expect(second.headers.location).toBe('https://data.example.gov.tw/parking.json?x=1&y=2');
  });

  it('answers 404 in the error body for unknown ids, a resource of another dataset, or no http(s) URL', async () => {
    const [first, second] = ids as [number, number];
    const cases: [string, string][] = [
      [`/dataset/999999/resource/A41000000G-000001-001/download`, 'DATASET_NOT_FOUND'],
      [`/dataset/${first}/resource/A41000000G-000001-009/download`, 'RESOURCE_NOT_FOUND'],
      // The resource exists, but belongs to the other dataset.
      [`/dataset/${second}/resource/A41000000G-000001-001/download`, 'RESOURCE_NOT_FOUND'],
      [`/dataset/${first}/resource/A41000000G-000002-001/download`, 'RESOURCE_NOT_FOUND'],
      // An ftp:// URL is not sent as a redirect.
      [`/dataset/${second}/resource/A41000000G-000002-002/download`, 'RESOURCE_NOT_FOUND'],
      // Drafts exist only for the admin.
      [`/dataset/A41000000G-000003/resource/A41000000G-000003-001/download`, 'DATASET_NOT_FOUND'],
    ];
    for (const [url, code] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers.location, url).toBeUndefined();
      expect(res.json(), url).toMatchObject({ error: { code, requestId: expect.any(String) } });
    }
    const admin = await get('/dataset/A41000000G-000003/resource/A41000000G-000003-001/download', {
      'user-agent': BROWSER,
      ...ADMIN_HEADERS,
    });
    expect(admin.statusCode).toBe(302);
    expect((await get('/dataset/x/resource/y/download')).statusCode).toBe(400);
  });
});

describe(`UsageRecorder on ${engine}`, () => {
  it('flushes as soon as a batch is full, keeps a refused batch, and drops the oldest beyond its bound', async () => {
    const event = {
      occurredAt: NOW.toISOString(),
      kind: 'api' as const,
      datasetId: null,
      datasetIdentifier: null,
      resourceId: null,
    };
    const recorder = new UsageRecorder(
      { db: t.db, dialect: t.dialect },
      { batchSize: 3, flushIntervalMs: 3_600_000 },
    );
    recorder.record(event);
    recorder.record(event);
    expect(recorder.pending).toBe(2);
    recorder.record(event);
    await recorder.flush();
    expect(recorder.pending).toBe(0);
    expect(await t.db.selectFrom('usageEvents').select('id').execute()).toHaveLength(3);
    await recorder.close();

    const errors: unknown[] = [];
    const failing = new UsageRecorder(
      { db: t.db, dialect: t.dialect },
      { maxBuffered: 2, flushIntervalMs: 3_600_000, onError: (e) => errors.push(e) },
    );
    // A kind of null violates the table's not-null constraint: the whole batch is refused and kept.
    failing.record({ ...event, kind: null as unknown as 'api' });
    failing.record(event);
    await failing.flush();
    expect(errors).toHaveLength(1);
    expect(failing.pending).toBe(2);
    expect(await t.db.selectFrom('usageEvents').select('id').execute()).toHaveLength(3);
    failing.record(event);
    expect(failing.pending).toBe(2);
    expect(failing.dropped).toBe(1);
    await failing.close();
    expect(failing.pending).toBe(0);
    expect(await t.db.selectFrom('usageEvents').select('id').execute()).toHaveLength(5);
  });
});
