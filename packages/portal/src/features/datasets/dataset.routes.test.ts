import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { insertOrganizations } from '../organizations/organization.repo.ts';
import { createDatasets, updateDatasetMetadata } from './dataset.service.ts';

let t: TestDatabase;
let app: FastifyInstance;
/** datasetIds by title: PostgreSQL's serial may not start at 1. */
const id: Record<string, number> = {};
const now = '2026-01-01T00:00:00.000Z';

const resource = (format: string, url: string) => ({
  resourceDescription: `${format} 檔`,
  format,
  characterSetCode: 'UTF-8',
  downloadURL: url,
});

beforeAll(async () => {
  t = await openTestDatabase();
  await insertOrganizations(t.db, [
    organizationRow({
      oid: '2.16.886.101.20003.20082',
      agencyCode: 'A41000000G',
      createdAt: now,
      updatedAt: now,
    }),
  ]);
  const records = await createDatasets(
    t,
    [
      { input: datasetInput() },
      {
        input: datasetInput({
          identifier: 'A41000000G-000002',
          title: '颱風警報',
          categoryCode: 'I00',
          themes: ['disaster'],
          keyword: ['颱風'],
          type: 'SERVICES',
          license: 'CC-BY-4.0',
          distribution: [resource('JSON', 'https://example.gov.tw/typhoon.json')],
        }),
        system: { qualityBadge: 'gold' },
      },
      {
        input: datasetInput({
          identifier: '313000000G-000001',
          title: '公車站牌',
          titleEn: 'Bus stops',
          categoryCode: 'A00',
          themes: ['transport'],
          keyword: ['公車'],
          publisher: '臺北市政府交通局',
          distribution: [resource('XML', 'https://example.gov.tw/bus.xml')],
        }),
      },
      { input: datasetInput({ identifier: '313000000G-000002', title: '草稿資料集', status: 'draft' }) },
      {
        input: datasetInput({
          identifier: '313000000G-000003',
          title: '停車場',
          publisher: '臺北市停車管理工程處',
        }),
      },
    ],
    { actor: 'test' },
  );
  for (const r of records) id[r.title] = r.datasetId;
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

async function get(url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers });
}

async function titles(url: string, headers: Record<string, string> = {}): Promise<string[]> {
  const res = await get(url, headers);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { results: { title: string }[] }).results.map((r) => r.title);
}

describe(`REST API v1 dataset reads on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('lists public datasets with total, limit, offset and full records in datasetId order', async () => {
    const res = await get('/api/v1/datasets');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 4, limit: 30, offset: 0 });
    expect(body.results.map((r: { identifier: string }) => r.identifier)).toEqual([
      'A41000000G-000001',
      'A41000000G-000002',
      '313000000G-000001',
      '313000000G-000003',
    ]);
    expect(body.results[0]).toMatchObject({
      datasetId: id['雨量站觀測資料'],
      identifier: 'A41000000G-000001',
      title: '雨量站觀測資料',
      publisher: '交通部中央氣象署',
      distribution: [{ resourceID: 'A41000000G-000001-001', format: 'CSV' }],
    });
    expect(body.results[0]).not.toHaveProperty('fileKey');
    expect(body.results[0].distribution[0]).not.toHaveProperty('fileKey');
  });

  it('pages with limit and offset', async () => {
    const res = await get('/api/v1/datasets?limit=2&offset=1');
    expect(res.json()).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(res.json().results.map((r: { title: string }) => r.title)).toEqual(['颱風警報', '公車站牌']);
    expect(await titles('/api/v1/datasets?limit=2&offset=4')).toEqual([]);
  });

  it.each([
    ['q', 'q=颱風', ['颱風警報']],
    ['q in English', 'q=bus', ['公車站牌']],
    ['organization by OID', 'organization=2.16.886.101.20003.20082', ['雨量站觀測資料', '颱風警報']],
    ['organization by agency code', 'organization=A41000000G', ['雨量站觀測資料', '颱風警報']],
    ['organization by id', 'organization=1', ['雨量站觀測資料', '颱風警報']], // the only organisation
    ['category', 'category=A00', ['公車站牌']],
    ['theme', 'theme=disaster', ['颱風警報']],
    ['format', 'format=xml', ['公車站牌']],
    ['keyword', 'keyword=公車', ['公車站牌']],
    ['type', 'type=SERVICES', ['颱風警報']],
    ['license', 'license=CC-BY-4.0', ['颱風警報']],
    ['badge', 'badge=gold', ['颱風警報']],
    ['status', 'status=published', ['雨量站觀測資料', '颱風警報', '公車站牌', '停車場']],
    ['sort', 'sort=newest&limit=2', ['停車場', '公車站牌']],
  ])('filters by %s', async (_name, query, expected) => {
    expect(await titles(`/api/v1/datasets?${query}`)).toEqual(expected);
  });

  it('shows drafts only with the admin token', async () => {
    expect(await titles('/api/v1/datasets?status=draft')).toEqual([]);
    expect(await titles('/api/v1/datasets?status=draft', ADMIN_HEADERS)).toEqual(['草稿資料集']);
    expect(await titles('/api/v1/datasets', ADMIN_HEADERS)).toContain('草稿資料集');
    expect((await get('/api/v1/datasets/313000000G-000002')).json().error.code).toBe('DATASET_NOT_FOUND');
    expect((await get('/api/v1/datasets/313000000G-000002', ADMIN_HEADERS)).json().status).toBe('draft');
  });

  it('refuses a wrong token on reads', async () => {
    const res = await get('/api/v1/datasets', { authorization: 'Bearer not-the-token-at-all' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('rejects bad query parameters with field-level problems', async () => {
    const res = await get('/api/v1/datasets?limit=0&type=xml&sort=random');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(
      (res.json().error.details as { field: string; code: string }[]).map((p) => [p.field, p.code]),
    );
    expect(byField).toEqual({ limit: 'too_short', type: 'enum', sort: 'enum' });
  });

  it('gets a dataset by datasetId and by identifier', async () => {
    const byId = await get(`/api/v1/datasets/${id['颱風警報']}`);
    const byIdentifier = await get('/api/v1/datasets/A41000000G-000002');
    expect(byId.statusCode).toBe(200);
    expect(byIdentifier.json()).toEqual(byId.json());
    expect(byId.json()).toMatchObject({
      datasetId: id['颱風警報'],
      identifier: 'A41000000G-000002',
      qualityBadge: 'gold',
      themes: ['disaster'],
      updateFrequency: { regular: true, every: 1, unit: 'hour' },
      distribution: [
        { resourceID: 'A41000000G-000002-001', downloadURL: 'https://example.gov.tw/typhoon.json' },
      ],
    });
  });

  it.each([
    ['/api/v1/datasets/99999', 404, 'DATASET_NOT_FOUND'],
    ['/api/v1/datasets/99999999999', 404, 'DATASET_NOT_FOUND'],
    ['/api/v1/datasets/A41000000G-999999', 404, 'DATASET_NOT_FOUND'],
    ['/api/v1/datasets/not-an-id', 400, 'INVALID_IDENTIFIER'],
    ['/api/v1/datasets/A41000000G-000001/versions/9', 404, 'VERSION_NOT_FOUND'],
    ['/api/v1/datasets/A41000000G-000001/versions/x', 400, 'VALIDATION_FAILED'],
    ['/api/v1/resources/A41000000G-000001-009', 404, 'RESOURCE_NOT_FOUND'],
    ['/api/v1/resources/313000000G-000002-001', 404, 'RESOURCE_NOT_FOUND'],
    ['/api/v1/resources/nonsense', 400, 'INVALID_IDENTIFIER'],
    ['/api/v1/nothing-here', 404, 'NOT_FOUND'],
  ])('GET %s → %i %s', async (url, status, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('lists versions and shows one with its changes and snapshot', async () => {
    const rain = id['雨量站觀測資料'] as number;
    await updateDatasetMetadata(t, rain, { title: '雨量站逐時觀測資料' }, { actor: 'editor', mode: 'patch' });
    const list = await get('/api/v1/datasets/A41000000G-000001/versions');
    expect(list.json()).toMatchObject({
      datasetId: rain,
      identifier: 'A41000000G-000001',
      results: [
        { version: 2, actor: 'editor', action: 'update' },
        { version: 1, actor: 'test', action: 'create', changes: {} },
      ],
    });
    const v2 = await get(`/api/v1/datasets/${rain}/versions/2`);
    expect(v2.json()).toMatchObject({
      version: 2,
      changes: { title: { from: '雨量站觀測資料', to: '雨量站逐時觀測資料' } },
      snapshot: { datasetId: rain, title: '雨量站逐時觀測資料', version: 2 },
    });
    const v1 = await get(`/api/v1/datasets/${rain}/versions/1`);
    expect(v1.json().snapshot.title).toBe('雨量站觀測資料');
  });

  it('gets a resource with the dataset it belongs to', async () => {
    const res = await get('/api/v1/resources/313000000G-000001-001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      resourceID: '313000000G-000001-001',
      format: 'XML',
      downloadURL: 'https://example.gov.tw/bus.xml',
      dataset: { datasetId: id['公車站牌'], identifier: '313000000G-000001', title: '公車站牌' },
    });
  });

  it('sends an ETag, answers If-None-Match with 304, and lets public reads be cached', async () => {
    const first = await get('/api/v1/datasets/313000000G-000001');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const again = await get('/api/v1/datasets/313000000G-000001', { 'if-none-match': String(etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const list = await get('/api/v1/datasets?limit=1');
    const list304 = await get('/api/v1/datasets?limit=1', { 'if-none-match': String(list.headers.etag) });
    expect(list304.statusCode).toBe(304);
  });

  it('marks authenticated responses and errors no-store, without an ETag on errors', async () => {
    expect((await get('/api/v1/datasets/313000000G-000001', ADMIN_HEADERS)).headers['cache-control']).toBe(
      'no-store',
    );
    const missing = await get('/api/v1/datasets/99999');
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers.etag).toBeUndefined();
  });

  it('allows cross-origin reads without credentials', async () => {
    const res = await get('/api/v1/datasets/313000000G-000001', { origin: 'https://example.org' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
});
