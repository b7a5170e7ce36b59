import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import { createTestAccount, type TestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listAudit } from '../accounts/audit.repo.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { V2_ERROR_TYPES, type V2ErrorCode } from './v2-error.present.ts';

/** The data.gov.tw v2 publishing API: POST, PUT and DELETE /api/v2/rest/dataset. */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const URL = '/api/v2/rest/dataset';

let t: TestDatabase;
let app: FastifyInstance;
let weather: number;
let editor: TestAccount;
let orgAdmin: TestAccount;
let outsider: TestAccount;
/** A dataset of the weather bureau written through REST v1, with fields v2 does not carry. */
let bilingualId: number;

/** A dataset in the v2 field names, as an agency's system sends it. */
function v2Body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    categoryCode: 'E00',
    identifier: 'A41000000G-000101',
    title: '雨量站觀測資料',
    description: '全國雨量站每小時觀測資料',
    fieldDescription: 'station(測站代碼)、rain(時雨量，毫米)',
    type: 'rawData',
    license: '1',
    licenseURL: 'https://data.gov.tw/license',
    cost: '免費',
    costURL: '',
    costLaw: '',
    organization: '交通部',
    organizationContactName: '王小姐',
    organizationContactPhone: '02-23456789',
    organizationContactEmail: 'contact@example.gov.tw',
    publisher: '交通部中央氣象署',
    publisherOID: '',
    publisherContactName: '陳先生',
    publisherContactPhone: '02-23491234',
    publisherContactEmail: 'data@example.gov.tw',
    accrualPeriodicity: '每1小時',
    temporalCoverageFrom: '2020-01-01',
    temporalCoverageTo: '',
    spatial: '臺灣',
    language: 'zh',
    landingPage: '',
    keyword: ['雨量', '氣象'],
    numberOfData: '1200',
    notes: '',
    distribution: [
      {
        resourceDescription: '雨量站觀測資料 CSV',
        resourceFormat: 'CSV',
        resourceCharacterEncoding: 'UTF-8',
        resourceDownloadUrl: 'https://example.gov.tw/rain.csv',
        resourceAccessUrl: '',
        resourceField: [{ name: 'station', description: '測站代碼' }],
        resourceAmount: '500',
        resourceNotes: '每小時更新',
        resourceRequestMethod: '',
        resourceOasUrl: '',
      },
    ],
    ...overrides,
  };
}

function send(
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  account: TestAccount | undefined,
  body?: unknown,
) {
  return app.inject({
    method,
    url,
    headers: account ? account.headers : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

function errorType(code: V2ErrorCode): string {
  return `${code}:${V2_ERROR_TYPES[code].text}`;
}

async function latestVersion(key: string | number) {
  const res = await app.inject({ url: `/api/v1/datasets/${key}/versions`, headers: ADMIN_HEADERS });
  return (res.json() as { results: { version: number; actor: string; action: string }[] }).results[0];
}

beforeAll(async () => {
  t = await openTestDatabase();
  const inserted = await t.db
    .insertInto('organizations')
    .values([
      organizationRow({ agencyCode: 'A41000000G', nameZh: '交通部中央氣象署' }),
      organizationRow({ agencyCode: 'B12345678C', nameZh: '另一個機關' }),
    ])
    .returning('id')
    .execute();
  weather = Number(inserted[0]!.id);
  const other = Number(inserted[1]!.id);
  editor = await createTestAccount(t.db, { roles: [[weather, 'editor']] });
  orgAdmin = await createTestAccount(t.db, { roles: [[weather, 'admin']], keyOrganizationId: weather });
  outsider = await createTestAccount(t.db, { roles: [[other, 'admin']] });
  const [bilingual] = await createDatasets(
    t,
    [
      {
        input: datasetInput({
          identifier: 'A41000000G-000201',
          titleEn: 'Rain gauges',
          themes: ['climate'],
          accessLevel: 'on_request',
        }),
      },
    ],
    { actor: 'test' },
  );
  bilingualId = bilingual!.datasetId;
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe(`data.gov.tw v2 publishing on ${dialect}`, () => {
  let createdId: string;

  it('POST publishes a dataset from the v2 field names, 上架方式 系統介接程式', async () => {
    const res = await send('POST', URL, editor, v2Body());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      success: true,
      result: {
        datasetId: expect.any(String),
        identifier: 'A41000000G-000101',
        modifiedDate: expect.any(String),
      },
    });
    createdId = body.result.datasetId;
    const read = (await app.inject(`${URL}/${createdId}`)).json().result;
    expect(read).toMatchObject({
      datasetId: createdId,
      identifier: 'A41000000G-000101',
      title: '雨量站觀測資料',
      numberOfData: '1200',
      temporalCoverageFrom: '2020-01-01',
      spatial: '臺灣',
      keyword: ['雨量', '氣象'],
      publicationMethod: '系統介接程式',
      modifiedDate: body.result.modifiedDate,
    });
    expect(read.distribution).toEqual([
      expect.objectContaining({
        resourceID: 'A41000000G-000101-001',
        resourceFormat: 'CSV',
        resourceCharacterEncoding: 'UTF-8',
        resourceDownloadUrl: 'https://example.gov.tw/rain.csv',
        resourceField: [{ name: 'station', description: '測站代碼' }],
        resourceAmount: '500',
        resourceNotes: '每小時更新',
        qcLevel: '',
      }),
    ]);
    expect(await latestVersion(createdId)).toMatchObject({
      version: 1,
      action: 'create',
      actor: `api-key:${editor.keyId}`,
    });
    const [audit] = await listAudit(t.db, { limit: 1 });
    expect(audit).toMatchObject({
      action: 'dataset.create',
      actorKind: 'api-key',
      actorId: String(editor.keyId),
      ip: '127.0.0.1',
      targetId: 'A41000000G-000101',
      organizationId: weather,
    });
  });

  it.each([
    ['datasetId', { datasetId: '12345' }],
    ['publishedDate', { publishedDate: '2024-01-01 00:00:00' }],
    ['modifiedDate', { modifiedDate: '2024-01-01 00:00:00' }],
    ['dataQuality', { dataQuality: '金' }],
    ['publicationMethod', { publicationMethod: '手動' }],
    ['上架方式', { 上架方式: '手動' }],
    ['updateFrequency', { updateFrequency: { regularupdate: '1', frequency: '1', unittime: '日' } }],
    ['distribution[0].qcLevel', { distribution: [{ ...resource(), qcLevel: '金' }] }],
    [
      'distribution[0].resourceQualityCheckTime',
      { distribution: [{ ...resource(), resourceQualityCheckTime: '2024-01-01 00:00:00' }] },
    ],
  ])('POST refuses the system field %s (ER0031 naming it)', async (field, extra) => {
    const res = await send('POST', URL, editor, v2Body({ identifier: 'A41000000G-000150', ...extra }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.error_type).toBe(errorType('ER0031'));
    expect(res.json().error.message).toContain(field);
    expect((await app.inject(`${URL}/A41000000G-000150`)).statusCode).toBe(404);
  });

  it('reports invalid attributes under their v2 names (ER0031 資料集屬性錯誤)', async () => {
    const res = await send(
      'POST',
      URL,
      editor,
      v2Body({
        identifier: 'A41000000G-000151',
        numberOfData: 'many',
        distribution: [{ resourceDescription: '沒有格式', resourceCharacterEncoding: 'UTF-8' }],
      }),
    );
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.error_type).toBe('ER0031:資料集屬性錯誤');
    for (const field of ['numberOfData', 'distribution[0].resourceFormat'])
      expect(error.message).toContain(field);
    const nowhere = await send(
      'POST',
      URL,
      editor,
      v2Body({ identifier: 'A41000000G-000151', distribution: [{ ...resource(), resourceDownloadUrl: '' }] }),
    );
    expect(nowhere.json().error.error_type).toBe(errorType('ER0031'));
    expect(nowhere.json().error.message).toContain('distribution[0].resourceDownloadUrl');
    const paid = await send('POST', URL, editor, v2Body({ identifier: 'A41000000G-000151', cost: '付費' }));
    expect(paid.json().error.error_type).toBe(errorType('ER0031'));
    expect(paid.json().error.message).toContain('costURL');
  });

  it('PUT replaces the v2 fields, accepts the GET answer without its system fields, keeps the rest', async () => {
    const read = (await app.inject(`${URL}/${bilingualId}`)).json().result;
    const { publishedDate, modifiedDate, dataQuality, publicationMethod, category, updateFrequency, ...own } =
      read;
    expect([
      publishedDate,
      modifiedDate,
      dataQuality,
      publicationMethod,
      category,
      updateFrequency,
    ]).not.toContain(undefined);
    const distribution = own.distribution.map(
      ({ qcLevel: _q, resourceQualityCheckTime: _c, ...r }: Record<string, unknown>) => r,
    );
    const res = await send('PUT', `${URL}/${bilingualId}`, editor, {
      ...own,
      distribution,
      title: '雨量站逐時觀測資料',
      numberOfData: 77,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toMatchObject({
      datasetId: String(bilingualId),
      identifier: 'A41000000G-000201',
    });
    const v1 = (await app.inject({ url: `/api/v1/datasets/${bilingualId}`, headers: ADMIN_HEADERS })).json();
    expect(v1).toMatchObject({
      title: '雨量站逐時觀測資料',
      numberOfData: 77,
      titleEn: 'Rain gauges',
      themes: ['climate'],
      accessLevel: 'on_request',
      status: 'published',
      publicationMethod: 'manual',
      version: 2,
    });
    expect(v1.distribution.map((r: { resourceID: string }) => r.resourceID)).toEqual([
      'A41000000G-000201-001',
    ]);
    expect(await latestVersion(bilingualId)).toMatchObject({
      action: 'update',
      actor: `api-key:${editor.keyId}`,
    });

    const withSystem = await send('PUT', `${URL}/${bilingualId}`, editor, read);
    expect(withSystem.statusCode).toBe(400);
    expect(withSystem.json().error.message).toContain('publishedDate');
  });

  it('PUT refuses another datasetId or identifier than the dataset’s own (ER0031)', async () => {
    const otherId = await send('PUT', `${URL}/${createdId}`, editor, v2Body({ datasetId: '999999' }));
    expect(otherId.statusCode).toBe(400);
    expect(otherId.json().error.error_type).toBe(errorType('ER0031'));
    expect(otherId.json().error.message).toContain('datasetId');
    const moved = await send(
      'PUT',
      `${URL}/${createdId}`,
      editor,
      v2Body({ identifier: 'A41000000G-000777' }),
    );
    expect(moved.json().error.error_type).toBe(errorType('ER0031'));
    expect(moved.json().error.message).toContain('identifier');
    const same = await send(
      'PUT',
      `${URL}/A41000000G-000101`,
      editor,
      v2Body({ datasetId: Number(createdId), title: '雨量' }),
    );
    expect(same.statusCode, same.body).toBe(200);
  });

  it('PUT of a dataset that does not exist is ER0050, DELETE ER0051', async () => {
    const put = await send('PUT', `${URL}/424242`, editor, v2Body());
    expect(put.statusCode).toBe(404);
    expect(put.json().error.error_type).toBe('ER0050:欲修改的資料集不存在');
    const del = await send('DELETE', `${URL}/A41000000G-009999`, orgAdmin);
    expect(del.statusCode).toBe(404);
    expect(del.json().error.error_type).toBe('ER0051:欲刪除的資料集不存在');
    const bad = await send('DELETE', `${URL}/not-an-id`, orgAdmin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.error_type).toBe(errorType('ER0031'));
  });

  it('refuses a missing or unknown key (ER0001) and another organisation (ER0403)', async () => {
    for (const headers of [
      {},
      { authorization: `Bearer odp_${'x'.repeat(43)}` },
      { authorization: 'nope' },
    ]) {
      const res = await app.inject({ method: 'POST', url: URL, headers, payload: v2Body() });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        success: false,
        error: { error_type: 'ER0001:API Key錯誤', message: expect.any(String) },
      });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    for (const [method, body] of [
      ['PUT', v2Body({ title: '不是我的' })],
      ['DELETE', undefined],
    ] as const) {
      const res = await send(method, `${URL}/${createdId}`, outsider, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.error_type).toBe(errorType('ER0403'));
    }
    const foreign = await send('POST', URL, outsider, v2Body({ identifier: 'A41000000G-000160' }));
    expect(foreign.json().error.error_type).toBe(errorType('ER0403'));
    const editorDelete = await send('DELETE', `${URL}/${createdId}`, editor);
    expect(editorDelete.statusCode).toBe(403);
    expect(editorDelete.json().error.message).toContain('admin');
  });

  it('DELETE delists for good: a version, an audit row, and the identifier is never used again', async () => {
    const res = await send('DELETE', `${URL}/${createdId}`, orgAdmin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toMatchObject({ datasetId: createdId, identifier: 'A41000000G-000101' });
    const v1 = (await app.inject({ url: `/api/v1/datasets/${createdId}`, headers: ADMIN_HEADERS })).json();
    expect(v1.status).toBe('delisted');
    expect(await latestVersion(createdId)).toMatchObject({
      action: 'delete',
      actor: `api-key:${orgAdmin.keyId}`,
    });
    const [audit] = await listAudit(t.db, { limit: 1 });
    expect(audit).toMatchObject({
      action: 'dataset.delete',
      actorId: String(orgAdmin.keyId),
      targetId: 'A41000000G-000101',
      detail: expect.objectContaining({ status: 'delisted' }),
    });
    expect((await app.inject(`${URL}/${createdId}`)).statusCode).toBe(404);

    const again = await send('DELETE', `${URL}/${createdId}`, orgAdmin);
    expect(again.json().error.error_type).toBe(errorType('ER0051'));
    expect(again.json().error.message).toContain('permanently delisted');
    const put = await send('PUT', `${URL}/${createdId}`, orgAdmin, v2Body());
    expect(put.json().error.error_type).toBe(errorType('ER0050'));
    const recreate = await send('POST', URL, orgAdmin, v2Body());
    expect(recreate.statusCode).toBe(400);
    expect(recreate.json().error.error_type).toBe(errorType('ER0031'));
    expect(recreate.json().error.message).toContain('never used again');
    const relist = await app.inject({
      method: 'POST',
      url: `/api/v1/datasets/${createdId}/status`,
      headers: ADMIN_HEADERS,
      payload: { status: 'published' },
    });
    expect(relist.json().error.code).toBe('INVALID_STATUS_TRANSITION');
    const v1Recreate = await app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      headers: ADMIN_HEADERS,
      payload: datasetInput({ identifier: 'A41000000G-000101' }),
    });
    expect(v1Recreate.json().error.code).toBe('DUPLICATE_IDENTIFIER');
  });

  it('answers unknown v2 methods in the v2 envelope', async () => {
    const res = await app.inject({ method: 'PATCH', url: `${URL}/1`, headers: editor.headers, payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.error_type).toBe(errorType('ER0404'));
  });

  it('documents every v2 error code in docs/accounts.md', () => {
    const doc = readFileSync(new globalThis.URL('../../../../../docs/accounts.md', import.meta.url), 'utf8');
    for (const [code, { text }] of Object.entries(V2_ERROR_TYPES))
      expect(doc, code).toContain(`${code}:${text}`);
  });
});

function resource(): Record<string, unknown> {
  return (v2Body().distribution as Record<string, unknown>[])[0]!;
}
