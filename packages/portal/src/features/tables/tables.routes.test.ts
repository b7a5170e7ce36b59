import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../../quality/src/fetch/local-test-server.ts';
import { ADMIN_HEADERS, buildTestApp, testSettings } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { DEMO_REAL_DIR } from '../demo/demo-real-files.ts';
import { checkResource, createHostLimiter, type QualityDeps } from '../quality/check-resource.service.ts';
import { resourceRowIds } from '../quality/quality.repo.ts';
import { BUILD_RESOURCE_TABLE_JOB, buildResourceTableTask } from './build-resource-table.task.ts';
import { buildCounter } from './table-build.ts';
import { TableEngine } from './table-engine.ts';
import { queryResourceTable } from './tables.service.ts';

/*
 * The data API on a small known table, the CP950 office calendar and the real Taitung
 * shelters (TWD97): bodies fetched by the quality checker from a local server as in
 * production, then built into Parquet at the first request.
 */

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const IDENTIFIER = 'A41000000G-000201';
const SMALL = `${IDENTIFIER}-001`;
const CALENDAR = `${IDENTIFIER}-002`;
const SHELTERS = `${IDENTIFIER}-003`;
const NOTES = `${IDENTIFIER}-004`;
const DRAFT = 'A41000000G-000202-001';

const small = Buffer.from(
  [
    'name,city,amount,day',
    'Alpha,臺北市,10,2024-01-05',
    'Beta,臺中市,20,2024-02-10',
    'Gamma,臺北市,30,2024-03-15',
    'Delta,,40,2024-04-20',
    '"Eps,ilon",高雄市,,2024-05-25',
    "O'Brien,臺北市,60,2024-06-30",
    '',
  ].join('\n'),
);
const bodies: Record<string, [string, Buffer]> = {
  '/small.csv': ['text/csv', small],
  '/calendar.csv': ['text/csv', readFileSync(path.join(DEMO_REAL_DIR, 'dgpa-calendar-114-cp950.csv'))],
  '/shelters.csv': ['text/csv', readFileSync(path.join(DEMO_REAL_DIR, 'taitung-shelters-twd97.csv'))],
  '/notes.txt': [
    'text/plain',
    Buffer.from('本資料集說明：雨量站每小時觀測。\n資料來源為交通部中央氣象署。\n'),
  ],
};

let t: TestDatabase;
let app: FastifyInstance;
let capped: FastifyInstance;
let files: LocalServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-tables-'));

beforeAll(async () => {
  files = await startLocalServer((req, res) => {
    const found = bodies[req.url ?? ''];
    if (!found) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': found[0] });
    res.end(req.method === 'HEAD' ? undefined : found[1]);
  });
  t = await openTestDatabase();
  const resource = (description: string, format: string, file: string) => ({
    resourceDescription: description,
    format,
    characterSetCode: file === '/calendar.csv' ? 'BIG5' : 'UTF-8',
    downloadURL: files.url(file),
  });
  const [published, draft] = await createDatasets(
    t,
    [
      {
        input: datasetInput({
          identifier: IDENTIFIER,
          title: '資料 API 測試',
          distribution: [
            resource('小表', 'CSV', '/small.csv'),
            resource('行事曆', 'CSV', '/calendar.csv'),
            resource('避難收容處所', 'CSV', '/shelters.csv'),
            resource('說明', 'TXT', '/notes.txt'),
          ],
        }),
      },
      {
        input: datasetInput({
          identifier: 'A41000000G-000202',
          title: '草稿',
          status: 'draft',
          distribution: [resource('草稿小表', 'CSV', '/small.csv')],
        }),
      },
    ],
    { actor: 'test' },
  );
  const settings = testSettings({
    dataDir,
    fetch: { allow: ['127.0.0.1'], maxBytes: 1024 * 1024, hostConcurrency: 4, hostDelayMs: 0 },
  });
  const deps: QualityDeps = { catalogue: t, settings, limiter: createHostLimiter(settings) };
  for (const dataset of [published!, draft!]) {
    for (const rowId of (await resourceRowIds(t.db, dataset.datasetId)).values())
      await checkResource(deps, rowId, 'manual');
  }
  app = await buildTestApp(t, { dataDir });
  capped = await buildTestApp(t, { dataDir, dataQuery: { timeoutMs: 5000, maxRows: 3 } });
}, 60_000);

afterAll(async () => {
  await Promise.all([app?.close(), capped?.close(), files?.close()]);
  await t?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Rows {
  total: number;
  fields: { name: string; type: string }[];
  records: Record<string, unknown>[];
  truncated: boolean;
  next: string | null;
}

async function data(query: string, target = app, resourceId = SMALL): Promise<Rows> {
  const res = await target.inject(`/api/v1/resources/${resourceId}/data${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Rows>();
}
const names = (rows: Rows) => rows.records.map((r) => r.name);

describe(`data API on ${engine}`, () => {
  it('builds the table once and answers rows with typed fields', async () => {
    const before = buildCounter.builds;
    const [a, b] = await Promise.all([data(''), data('?limit=2')]);
    expect(buildCounter.builds - before).toBeLessThanOrEqual(1);
    expect(a.total).toBe(6);
    expect(a.truncated).toBe(false);
    expect(a.fields).toEqual([
      { name: 'name', type: 'string' },
      { name: 'city', type: 'string' },
      { name: 'amount', type: 'integer' },
      { name: 'day', type: 'date' },
    ]);
    expect(a.records[0]).toEqual({ name: 'Alpha', city: '臺北市', amount: 10, day: '2024-01-05' });
    expect(a.records[4]).toEqual({ name: 'Eps,ilon', city: '高雄市', amount: null, day: '2024-05-25' });
    expect(b.records).toHaveLength(2);
    const row = await t.db
      .selectFrom('resourceTables')
      .selectAll()
      .where('parquetKey', 'is not', null)
      .execute();
    expect(row.length).toBeGreaterThan(0);
  });

  it('filters with every operator', async () => {
    expect(names(await data('?city__exact=臺北市'))).toEqual(['Alpha', 'Gamma', "O'Brien"]);
    expect(names(await data('?name__contains=LP'))).toEqual(['Alpha']);
    expect(names(await data('?amount__in=10,40,99'))).toEqual(['Alpha', 'Delta']);
    expect(names(await data('?amount__less=30'))).toEqual(['Alpha', 'Beta']);
    expect(names(await data('?amount__greater=30'))).toEqual(['Delta', "O'Brien"]);
    expect(names(await data('?amount__between=20,40'))).toEqual(['Beta', 'Gamma', 'Delta']);
    expect(names(await data('?day__between=2024-02-01,2024-04-30'))).toEqual(['Beta', 'Gamma', 'Delta']);
    expect(names(await data('?amount__isnull=true'))).toEqual(['Eps,ilon']);
    expect(names(await data('?city__null=true'))).toEqual(['Delta']);
    expect((await data('?city__notnull=true')).total).toBe(5);
    expect((await data('?amount__isnull=false')).total).toBe(5);
    const both = await data('?city__exact=臺北市&amount__greater=15');
    expect([both.total, names(both)]).toEqual([2, ['Gamma', "O'Brien"]]);
  });

  it('sorts, selects fields, pages by offset and by keyset, and searches', async () => {
    expect(names(await data('?sort=-amount'))).toEqual([
      "O'Brien",
      'Delta',
      'Gamma',
      'Beta',
      'Alpha',
      'Eps,ilon',
    ]);
    expect(names(await data('?sort=city,-name')).slice(0, 3)).toEqual(['Beta', "O'Brien", 'Gamma']);
    const picked = await data('?fields=name,amount&limit=1');
    expect(picked.fields.map((f) => f.name)).toEqual(['name', 'amount']);
    expect(picked.records).toEqual([{ name: 'Alpha', amount: 10 }]);
    expect(names(await data('?sort=amount&limit=2&offset=2'))).toEqual(['Gamma', 'Delta']);
    const seen: unknown[] = [];
    let page = await data('?sort=-amount&limit=4');
    seen.push(...names(page));
    while (page.next) {
      page = await data(`?sort=-amount&limit=4&after=${page.next}`);
      seen.push(...names(page));
    }
    expect(seen).toEqual(["O'Brien", 'Delta', 'Gamma', 'Beta', 'Alpha', 'Eps,ilon']);
    expect(names(await data('?q=臺中'))).toEqual(['Beta']);
    expect(names(await data('?q=brien'))).toEqual(["O'Brien"]);
    expect((await data('?q=%25')).total).toBe(0);
  });

  it('cuts answers at the row cap with truncated: true', async () => {
    const cut = await data('?limit=5', capped);
    expect([cut.records.length, cut.total, cut.truncated]).toEqual([3, 6, true]);
    const fits = await data('?limit=3', capped);
    expect(fits.truncated).toBe(false);
    const tail = await data('?limit=5&offset=4', capped);
    expect([tail.records.length, tail.truncated]).toEqual([2, false]);
    const csv = await capped.inject(`/api/v1/resources/${SMALL}/data.csv`);
    expect(csv.headers['x-truncated']).toBe('true');
    expect(csv.body.trim().split('\n')).toHaveLength(4);
  });

  it('groups with count, sum, avg, min and max', async () => {
    const groups = await data(
      '?group_by=city&agg=count,sum:amount,avg:amount,min:amount,max:day&sort=-sum_amount',
    );
    expect(groups.fields.map((f) => f.name)).toEqual([
      'city',
      'count',
      'sum_amount',
      'avg_amount',
      'min_amount',
      'max_day',
    ]);
    expect(groups.records[0]).toEqual({
      city: '臺北市',
      count: 3,
      sum_amount: 100,
      avg_amount: 100 / 3,
      min_amount: 10,
      max_day: '2024-06-30',
    });
    expect(groups.total).toBe(4);
    const filtered = await data('?group_by=city&agg=sum:amount&amount__greater=15&sort=city');
    expect(filtered.records).toContainEqual({ city: '臺北市', sum_amount: 90 });
    const all = await data('?agg=count');
    expect(all.records).toEqual([{ count: 6 }]);
    const bad = await app.inject(`/api/v1/resources/${SMALL}/data?group_by=city&agg=sum:name`);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses unknown columns and operators, and keeps injected values inert', async () => {
    for (const query of [
      '?name%22%3B%20DROP%20TABLE%20x%3B--__exact=1',
      '?sort=name%22%20DESC%3B--',
      '?fields=name,(select%201)',
      '?amount__exact=1%20OR%201%3D1',
      '?name__like=A',
      '?group_by=city&agg=sum:amount)%3B--',
    ]) {
      const res = await app.inject(`/api/v1/resources/${SMALL}/data${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await data(`?name__exact=${encodeURIComponent("x' OR '1'='1")}`)).total).toBe(0);
    expect(names(await data(`?name__exact=${encodeURIComponent("O'Brien")}`))).toEqual(["O'Brien"]);
    expect((await data(`?name__contains=${encodeURIComponent("'); DROP TABLE resources; --")}`)).total).toBe(
      0,
    );
    expect((await data('')).total).toBe(6);
  });

  it('writes CSV and XML', async () => {
    const csv = await app.inject(`/api/v1/resources/${SMALL}/data.csv?sort=amount&amount__less=25`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe('name,city,amount,day\nAlpha,臺北市,10,2024-01-05\nBeta,臺中市,20,2024-02-10\n');
    const xml = await app.inject(
      `/api/v1/resources/${SMALL}/data.xml?name__exact=${encodeURIComponent("O'Brien")}`,
    );
    expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(xml.body).toContain('<records total="1" truncated="false">');
    expect(xml.body).toContain('<field name="name">O&apos;Brien</field>');
  });

  it('profiles columns on a known table', async () => {
    const res = await app.inject(`/api/v1/resources/${SMALL}/profile`);
    expect(res.statusCode, res.body).toBe(200);
    const profile = res.json();
    expect(profile.rows).toBe(6);
    const [name, city, amount, day] = profile.columns;
    expect(name).toMatchObject({ name: 'name', nulls: 0, distinct: 6, min: 'Alpha', max: "O'Brien" });
    expect(city).toMatchObject({
      nulls: 1,
      distinct: 3,
      top: [
        { value: '臺北市', count: 3 },
        { value: '臺中市', count: 1 },
        { value: '高雄市', count: 1 },
      ],
    });
    expect(amount).toMatchObject({ type: 'integer', nulls: 1, distinct: 5, min: 10, max: 60 });
    expect(amount.histogram).toHaveLength(10);
    expect(amount.histogram[0]).toEqual({ from: 10, to: 15, count: 1 });
    expect(amount.histogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(5);
    expect(day).toMatchObject({ type: 'date', min: '2024-01-05', max: '2024-06-30' });
    expect(day.histogram[0].from).toBe('2024-01-05');
    expect(day.histogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(6);
    expect(name.histogram).toBeUndefined();
  });

  it('answers the CKAN datastore_search shape', async () => {
    const res = await app.inject(
      `/api/3/action/datastore_search?resource_id=${SMALL}&limit=2&offset=0&sort=amount%20desc&filters=${encodeURIComponent('{"city":"臺北市"}')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.success).toBe(true);
    expect(body.result).toMatchObject({ resource_id: SMALL, total: 3, limit: 2, offset: 0 });
    expect(body.result.fields[2]).toEqual({ id: 'amount', type: 'int' });
    expect(body.result.records.map((r: { name: string }) => r.name)).toEqual(["O'Brien", 'Gamma']);
    const q = await app.inject(`/api/3/action/datastore_search?resource_id=${SMALL}&q=Delta`);
    expect(q.json().result.total).toBe(1);
    const missing = await app.inject('/api/3/action/datastore_search?resource_id=A99999999Z-000001-001');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      success: false,
      error: { __type: 'Not Found Error', code: 'RESOURCE_NOT_FOUND' },
    });
  });

  it('reads the CP950 calendar into a table', async () => {
    const all = await data('?limit=1', app, CALENDAR);
    expect(all.total).toBeGreaterThan(300);
    const text = JSON.stringify(all.records[0]);
    expect(text).not.toContain('\ufffd');
    const search = await data(`?q=${encodeURIComponent('開國紀念日')}`, app, CALENDAR);
    expect(search.total).toBe(1);
    expect(search.records[0]).toMatchObject({ 西元日期: '2025-01-01' });
  });

  it('draws the Taitung shelters (TWD97) as WGS84 points in Taitung', async () => {
    const res = await app.inject(`/api/v1/resources/${SHELTERS}/data.geojson`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const geo = res.json();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(50);
    for (const feature of geo.features) {
      const [lon, lat] = feature.geometry.coordinates;
      expect(lon).toBeGreaterThan(120.7);
      expect(lon).toBeLessThan(121.6);
      expect(lat).toBeLessThan(23.5);
      // 蘭嶼 (Orchid Island, ~22.05°N) and the south of 達仁鄉 lie below 22.3°N, still in Taitung.
      const south = ['蘭嶼鄉', '達仁鄉'].includes(feature.properties.收容所鄉鎮市區);
      expect(lat).toBeGreaterThan(south ? 21.9 : 22.3);
    }
    expect(geo.features[0].properties.收容所名稱).toBe('臺東市公所');
    const noPoints = await app.inject(`/api/v1/resources/${SMALL}/data.geojson`);
    expect(noPoints.statusCode).toBe(422);
    expect(noPoints.json().error.code).toBe('TABLE_NOT_GEOGRAPHIC');
  });

  it('describes each resource in its own OpenAPI document', async () => {
    const res = await app.inject(`/api/v1/resources/${SMALL}/openapi.json`);
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const params = doc.paths[`/api/v1/resources/${SMALL}/data`].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(params).toEqual(
      expect.arrayContaining(['amount__between', 'city__exact', 'day__less', 'limit', 'after']),
    );
  });

  it('says why a resource has no table, and hides drafts', async () => {
    const notes = await app.inject(`/api/v1/resources/${NOTES}/data`);
    expect(notes.statusCode).toBe(404);
    expect(notes.json().error).toMatchObject({
      code: 'TABLE_UNAVAILABLE',
      details: { reason: 'not-structured' },
    });
    const draft = await app.inject(`/api/v1/resources/${DRAFT}/data`);
    expect(draft.json().error.code).toBe('RESOURCE_NOT_FOUND');
    const admin = await app.inject({ url: `/api/v1/resources/${DRAFT}/data`, headers: ADMIN_HEADERS });
    expect(admin.json().total).toBe(6);
    const direct = await queryResourceTable({ catalogue: t, settings: testSettings({ dataDir }) }, SMALL, {
      filters: [{ column: 'city', op: 'exact', value: '高雄市' }],
    });
    expect(direct.records).toEqual([{ name: 'Eps,ilon', city: '高雄市', amount: null, day: '2024-05-25' }]);
  });

  it('builds the table as a job after a check', async () => {
    const rowId = (
      await resourceRowIds(
        t.db,
        (
          await t.db
            .selectFrom('datasets')
            .select('id')
            .where('identifier', '=', IDENTIFIER)
            .executeTakeFirstOrThrow()
        ).id,
      )
    ).get(CALENDAR)!;
    await t.db.deleteFrom('resourceTables').where('resourceId', '=', rowId).execute();
    const log: string[] = [];
    const task = buildResourceTableTask(t, { dataDir, fetch: { maxBytes: 1024 * 1024 } }, (m) => log.push(m));
    await task({
      id: '1',
      name: BUILD_RESOURCE_TABLE_JOB,
      data: { resourceId: rowId },
      attempt: 1,
      signal: new AbortController().signal,
    });
    const row = await t.db
      .selectFrom('resourceTables')
      .select(['rowCount', 'fields'])
      .where('resourceId', '=', rowId)
      .executeTakeFirstOrThrow();
    expect(Number(row.rowCount)).toBeGreaterThan(300);
    expect(JSON.parse(row.fields!)[0]).toEqual({ name: '西元日期', type: 'date' });
    expect(log.join('\n')).toContain(`table of ${CALENDAR}`);
  });

  it('stops a slow query at the time limit', async () => {
    const engineUnderTest = new TableEngine(1);
    const started = Date.now();
    await expect(
      engineUnderTest.run(
        'SELECT count(*) FROM range(?) a, range(?) b WHERE (a.range * b.range) % 7 = 3',
        [1e6, 1e6],
        100,
      ),
    ).rejects.toMatchObject({ code: 'QUERY_TIMEOUT', status: 503 });
    expect(Date.now() - started).toBeLessThan(5000);
    // The connection is usable again at once.
    expect((await engineUnderTest.run('SELECT 1 + ?', [1], 1000)).rows).toEqual([[2]]);
  });
});
