import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { V2_ERROR_TYPES } from './v2-error.present.ts';

let t: TestDatabase;
let app: FastifyInstance;
let rainId: number;

beforeAll(async () => {
  t = await openTestDatabase();
  const [rain] = await createDatasets(
    t,
    [
      {
        input: datasetInput({
          numberOfData: 1200,
          distribution: [
            {
              resourceDescription: '雨量站觀測資料 CSV',
              format: 'CSV',
              characterSetCode: 'UTF-8',
              downloadURL: 'https://example.gov.tw/rain.csv',
              resourceField: [{ name: 'station', description: '測站代碼' }],
              resourceAmount: 500,
            },
            {
              resourceDescription: '雨量 API',
              format: 'JSON',
              characterSetCode: 'UTF-8',
              accessURL: 'https://example.gov.tw/api/rain',
              resourceRequestMethod: 'GET',
              resourceOasUrl: 'https://example.gov.tw/api/openapi.json',
            },
          ],
        }),
        system: { qualityBadge: 'gold' },
      },
      {
        input: datasetInput({ identifier: 'A41000000G-000002', title: '颱風', accrualPeriodicity: '不定期' }),
      },
      { input: datasetInput({ identifier: 'A41000000G-000003', title: '草稿', status: 'draft' }) },
      { input: datasetInput({ identifier: 'A41000000G-000004', title: '地震', accrualPeriodicity: '即時' }) },
    ],
    { actor: 'test' },
  );
  rainId = rain!.datasetId;
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe(`data.gov.tw v2 shapes on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('GET /api/v2/rest/dataset/{datasetId} answers in the v2 shape', async () => {
    const res = await app.inject(`/api/v2/rest/dataset/${rainId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.success).toBe(true);
    expect(body.result).toMatchObject({
      datasetId: String(rainId),
      identifier: 'A41000000G-000001',
      title: '雨量站觀測資料',
      description: '全國雨量站每小時觀測資料',
      categoryCode: 'E00',
      category: '生活安全及品質',
      fieldDescription: 'station(測站代碼)、rain(時雨量，毫米)',
      type: 'rawData',
      license: '1',
      licenseURL: 'https://data.gov.tw/license',
      cost: '免費',
      costURL: '',
      organization: '交通部',
      publisher: '交通部中央氣象署',
      publisherContactName: '陳先生',
      accrualPeriodicity: '每1小時',
      updateFrequency: { regularupdate: '1', frequency: '1', unittime: '小時' },
      keyword: ['雨量', '氣象'],
      numberOfData: '1200',
      dataQuality: '金',
      publicationMethod: '手動',
    });
    expect(body.result.publishedDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(body.result.modifiedDate).toMatch(/^\d{4}-\d{2}-\d{2} /);
    expect(body.result.distribution).toEqual([
      {
        resourceID: 'A41000000G-000001-001',
        resourceDescription: '雨量站觀測資料 CSV',
        resourceField: [{ name: 'station', description: '測站代碼' }],
        qcLevel: '',
        resourceFormat: 'CSV',
        resourceCharacterEncoding: 'UTF-8',
        resourceQualityCheckTime: '',
        resourceDownloadUrl: 'https://example.gov.tw/rain.csv',
        resourceAccessUrl: '',
        resourceAmount: '500',
        resourceNotes: '',
        resourceRequestMethod: '',
        resourceOasUrl: '',
        resourceRequestParameters: [],
        resourcePathParameters: [],
        resourceModified: '',
        metadataSourceOfData: '',
      },
      expect.objectContaining({
        resourceID: 'A41000000G-000001-002',
        resourceFormat: 'JSON',
        resourceAccessUrl: 'https://example.gov.tw/api/rain',
        resourceDownloadUrl: '',
        resourceRequestMethod: 'GET',
        resourceOasUrl: 'https://example.gov.tw/api/openapi.json',
      }),
    ]);
    expect(res.headers.etag).toBeDefined();
    expect(res.headers['cache-control']).toBe('public, max-age=60');
  });

  it('writes irregular and real-time update frequencies the v2 way', async () => {
    const irregular = (await app.inject('/api/v2/rest/dataset/A41000000G-000002')).json();
    expect(irregular.result.updateFrequency).toEqual({ regularupdate: '2', frequency: '', unittime: '' });
    const realtime = (await app.inject('/api/v2/rest/dataset/A41000000G-000004')).json();
    expect(realtime.result.updateFrequency).toEqual({ regularupdate: '1', frequency: '', unittime: '即時' });
  });

  it('exports the public catalogue ordered by datasetId, with limit and offset', async () => {
    const all = await app.inject('/api/v2/rest/dataset/export');
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toMatch(/^application\/json/);
    const body = all.json();
    expect(body.success).toBe(true);
    expect(body.result.map((d: { identifier: string }) => d.identifier)).toEqual([
      'A41000000G-000001',
      'A41000000G-000002',
      'A41000000G-000004',
    ]);
    const ids = body.result.map((d: { datasetId: string }) => Number(d.datasetId));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(body.result[0]).toEqual((await app.inject(`/api/v2/rest/dataset/${rainId}`)).json().result);
    const page = (await app.inject('/api/v2/rest/dataset/export?limit=1&offset=1')).json();
    expect(page.result.map((d: { title: string }) => d.title)).toEqual(['颱風']);
    const rest = (await app.inject('/api/v2/rest/dataset/export?offset=2')).json();
    expect(rest.result.map((d: { title: string }) => d.title)).toEqual(['地震']);
    const none = (await app.inject('/api/v2/rest/dataset/export?offset=10')).json();
    expect(none).toEqual({ success: true, result: [] });
  });

  it.each([
    ['/api/v2/rest/dataset/99999', 404, 'ER0050'],
    ['/api/v2/rest/dataset/A41000000G-000003', 404, 'ER0050'],
    ['/api/v2/rest/dataset/not-an-id', 400, 'ER0031'],
    ['/api/v2/rest/dataset/export?limit=0', 400, 'ER0031'],
    ['/api/v2/rest/dataset/export?offset=-1', 400, 'ER0031'],
    ['/api/v2/rest/nothing', 404, 'ER0404'],
  ])('GET %s → %i in the v2 error envelope (%s)', async (url, status, code) => {
    const res = await app.inject({ url, headers: ADMIN_HEADERS });
    expect(res.statusCode).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['error', 'success']);
    expect(body.success).toBe(false);
    expect(Object.keys(body.error).sort()).toEqual(['error_type', 'message']);
    expect(body.error.error_type).toBe(`${code}:${V2_ERROR_TYPES[code as keyof typeof V2_ERROR_TYPES].text}`);
    expect(typeof body.error.message).toBe('string');
  });

  it('names a missing dataset ER0050:欲修改的資料集不存在', async () => {
    const res = await app.inject('/api/v2/rest/dataset/424242');
    expect(res.json().error.error_type).toBe('ER0050:欲修改的資料集不存在');
  });
});
