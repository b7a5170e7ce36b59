import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { resourceRowIds, saveRun, setDatasetBadge } from '../quality/quality.repo.ts';
import { awardScore } from './award-score.ts';
import { platformQuality } from './quality-dashboard.service.ts';
import { takeQualitySnapshot } from './quality-snapshot.service.ts';

/*
 * The dashboards on simulated days (docs/quality.md, "Dashboards and notifications"): two
 * agencies, 中央 and 地方, with badges and failing checks written as a check run writes
 * them; the day-1 snapshot, badges raised on day 2, and the trend shows it the next day.
 */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const CENTRAL_OID = '2.16.886.101.20003.20065';
const LOCAL_OID = '2.16.886.101.90019.20002';
// Noon in Taipei on two days.
const DAY_1 = new Date('2026-03-10T04:00:00.000Z');
const DAY_2 = new Date('2026-03-11T04:00:00.000Z');

let t: TestDatabase;
let app: FastifyInstance;
let central: number;
let local: number;
const ids: number[] = [];

async function run(datasetId: number, badge: string, failing: Record<string, { zh: string; en: string }>) {
  const rowIds = await resourceRowIds(t.db, datasetId);
  for (const resourceId of rowIds.values()) {
    await saveRun(t.db, {
      resourceId,
      startedAt: DAY_1.toISOString(),
      finishedAt: DAY_1.toISOString(),
      trigger: 'manual',
      badge,
      httpStatus: 200,
      fetchError: null,
      sniffedFormat: 'csv',
      sha256: null,
      bytes: null,
      etag: null,
      lastModified: null,
      contentChanged: false,
      bodyTruncated: null,
      results: {
        linkable: { status: 'pass', version: 1, evidence: {} },
        ...Object.fromEntries(
          Object.entries(failing).map(([id, fix]) => [id, { status: 'fail', version: 1, evidence: {}, fix }]),
        ),
      },
    });
  }
  await setDatasetBadge(t.db, datasetId, badge === 'none' ? 'none' : badge);
}

beforeAll(async () => {
  t = await openTestDatabase();
  central = (
    await t.db
      .insertInto('organizations')
      .values(organizationRow({ oid: CENTRAL_OID, nameZh: '中央測試署', nameEn: 'Central Test Agency' }))
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  local = (
    await t.db
      .insertInto('organizations')
      .values(organizationRow({ oid: LOCAL_OID, nameZh: '地方測試局', level: 'local' }))
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const inputs = [
    [CENTRAL_OID, 'A41000000G-000001', '甲資料'],
    [CENTRAL_OID, 'A41000000G-000002', '乙資料'],
    [CENTRAL_OID, 'A41000000G-000003', '丙資料'],
    [LOCAL_OID, 'A41000000G-000004', '丁資料'],
    [LOCAL_OID, 'A41000000G-000005', '戊資料'],
  ].map(([publisherOID, identifier, title]) => ({
    input: datasetInput({ publisherOID, identifier, title }),
  }));
  for (const record of await createDatasets(t, inputs, { actor: 'test' })) ids.push(record.datasetId);
  const encoding = { zh: '請轉存為 UTF-8', en: 'Re-encode as UTF-8' };
  const fields = { zh: '請更新主要欄位說明', en: 'Update the field description' };
  // 中央: gold, silver (encoding fails), none (encoding and fields fail); 地方: bronze, none (fields fail).
  await run(ids[0]!, 'gold', {});
  await run(ids[1]!, 'silver', { encoding_match: encoding });
  await run(ids[2]!, 'none', { encoding_match: encoding, fields_match: fields });
  await run(ids[3]!, 'bronze', {});
  await run(ids[4]!, 'none', { fields_match: fields });
  app = await buildTestApp(t);
}, 30_000);

afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

async function get<T>(url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json() as T;
}

describe(`quality dashboards on ${dialect}`, () => {
  it('computes the award score as the average badge weight, platinum counting as gold', () => {
    const counts = { platinum: 1, gold: 1, silver: 1, bronze: 1, none: 1, total: 5 };
    expect(awardScore(counts)).toBe(0.58);
    expect(awardScore({ ...counts, platinum: 0, gold: 0, silver: 0, bronze: 0, none: 0, total: 0 })).toBe(0);
  });

  it('snapshots day 1, and shows day 2’s better badges in the trend the next day', async () => {
    expect(await takeQualitySnapshot(t, { now: DAY_1 })).toEqual({
      day: '2026-03-10',
      organizations: 2,
      datasets: 5,
      badgedPercent: 60,
    });
    // Day 2: the two datasets without a badge get one (the fixes were applied).
    await setDatasetBadge(t.db, ids[2]!, 'silver');
    await setDatasetBadge(t.db, ids[4]!, 'gold');
    let summary = await platformQuality(t);
    expect(summary.trend.map((p) => [p.day, p.badgedPercent])).toEqual([['2026-03-10', 60]]);
    await takeQualitySnapshot(t, { now: DAY_2 });
    // Taken again the same day: still one set of rows for the day.
    await takeQualitySnapshot(t, { now: DAY_2 });
    summary = await platformQuality(t);
    expect(summary.trend.map((p) => [p.day, p.total, p.badged, p.badgedPercent])).toEqual([
      ['2026-03-10', 5, 3, 60],
      ['2026-03-11', 5, 5, 100],
    ]);
    const rows = await t.db
      .selectFrom('qualitySnapshots')
      .select(['day'])
      .where('day', '=', '2026-03-11')
      .execute();
    // all, central, local and the two agencies.
    expect(rows).toHaveLength(5);
    const agencyTrend = await get<{ trend: { day: string; none: number; awardScore: number }[] }>(
      `/api/v1/organizations/${LOCAL_OID}/quality`,
    );
    expect(agencyTrend.trend).toEqual([
      expect.objectContaining({ day: '2026-03-10', none: 1, awardScore: 0.15 }),
      expect.objectContaining({ day: '2026-03-11', none: 0, awardScore: 0.65 }),
    ]);
    // Back to day 1's badges for the tests below.
    await setDatasetBadge(t.db, ids[2]!, 'none');
    await setDatasetBadge(t.db, ids[4]!, 'none');
  });

  it('refuses a snapshot for a day that has not begun', async () => {
    await expect(takeQualitySnapshot(t, { now: DAY_1, day: '2026-03-11' })).rejects.toThrow(/has not begun/);
  });

  it('ranks agencies by award score and counts 中央 and 地方 apart', async () => {
    const summary = await get<{
      badges: Record<string, number>;
      awardScore: number;
      levels: Record<string, { badges: Record<string, number>; awardScore: number }>;
      ranking: { rank: number; organizationId: number; awardScore: number; datasets: number }[];
    }>('/api/v1/quality/summary');
    expect(summary.badges).toEqual({ platinum: 0, gold: 1, silver: 1, bronze: 1, none: 2, total: 5 });
    // (1 + 0.6 + 0 + 0.3 + 0) / 5
    expect(summary.awardScore).toBe(0.38);
    expect(summary.levels['central']).toMatchObject({
      badges: { gold: 1, silver: 1, none: 1, total: 3 },
      awardScore: 0.533,
    });
    expect(summary.levels['local']).toMatchObject({
      badges: { bronze: 1, none: 1, total: 2 },
      awardScore: 0.15,
    });
    expect(summary.ranking).toEqual([
      expect.objectContaining({ rank: 1, organizationId: central, awardScore: 0.533, datasets: 3 }),
      expect.objectContaining({ rank: 2, organizationId: local, awardScore: 0.15, datasets: 2 }),
    ]);
    const agency = await get<{ rank: number; rankedAgencies: number; awardScore: number }>(
      `/api/v1/organizations/${local}/quality`,
    );
    expect(agency).toMatchObject({ rank: 2, rankedAgencies: 2, awardScore: 0.15 });
  });

  it('lists the common errors with counts, an example and the fix', async () => {
    const summary = await get<{ commonErrors: unknown[] }>('/api/v1/quality/summary');
    expect(summary.commonErrors).toEqual([
      {
        checkId: 'encoding_match',
        resources: 2,
        datasets: 2,
        example: { datasetId: ids[1], titleZh: '乙資料', titleEn: null, resourceId: 'A41000000G-000002-001' },
        fix: { zh: '請轉存為 UTF-8', en: 'Re-encode as UTF-8' },
      },
      expect.objectContaining({ checkId: 'fields_match', resources: 2, datasets: 2 }),
    ]);
    const agency = await get<{ commonErrors: { checkId: string }[]; needsAttention: unknown[] }>(
      `/api/v1/organizations/${local}/quality`,
    );
    expect(agency.commonErrors.map((e) => e.checkId)).toEqual(['fields_match']);
    expect(agency.needsAttention).toEqual([
      expect.objectContaining({ datasetId: ids[4], badge: 'none', failingChecks: ['fields_match'] }),
    ]);
  });

  it('serves the pages with charts, and .json twins with the API’s numbers', async () => {
    for (const url of [
      '/quality',
      '/en/quality',
      `/quality/organizations/${central}`,
      `/en/quality/organizations/${central}/report`,
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toMatch(/<svg[^>]+role="img"/);
      expect(res.body, url).not.toMatch(/ style=/);
    }
    expect(await get(`/quality.json`)).toEqual(await get('/api/v1/quality/summary'));
    expect(await get(`/quality/organizations/${central}.json`)).toEqual(
      await get(`/api/v1/organizations/${central}/quality`),
    );
    const page = (await app.inject({ method: 'GET', url: `/quality/organizations/${central}` })).body;
    expect(page).toContain('data-figure="awardScore">0.533<');
    expect(page).toContain('第 1 名（共 2 個機關）');
    expect((await app.inject({ method: 'GET', url: '/quality/organizations/999999' })).statusCode).toBe(404);
  });

  it('downloads the agency report as CSV with a BOM, one row a dataset', async () => {
    const res = await app.inject({ method: 'GET', url: `/quality/organizations/${central}/report.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      '資料集編號,識別碼,名稱,品質標章,未通過的檢測,網址',
      `${ids[0]},A41000000G-000001,甲資料,金,,http://localhost:3000/dataset/${ids[0]}`,
      `${ids[1]},A41000000G-000002,乙資料,銀,encoding_match,http://localhost:3000/dataset/${ids[1]}`,
      `${ids[2]},A41000000G-000003,丙資料,無,encoding_match fields_match,http://localhost:3000/dataset/${ids[2]}`,
      '',
    ]);
    const en = await app.inject({ method: 'GET', url: `/en/quality/organizations/${central}/report.csv` });
    expect(en.body.split('\r\n')[0]).toBe('\uFEFFdatasetId,identifier,title,badge,failingChecks,url');
  });
});
