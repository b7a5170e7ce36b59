import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../../quality/src/fetch/local-test-server.ts';
import { ADMIN_HEADERS, buildTestApp, testSettings } from '../../http/test-app.ts';
import { createTestAccount } from '../../test/accounts-fixture.ts';
import { FORM_HEADERS, formBody, signIn } from '../../test/session-fixture.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { DEMO_REAL_DIR } from '../demo/demo-real-files.ts';
import { checkResource, createHostLimiter, type QualityDeps } from '../quality/check-resource.service.ts';
import { resourceRowIds } from '../quality/quality.repo.ts';
import { takeQualitySnapshot } from '../quality-dashboard/quality-snapshot.service.ts';

/*
 * The acceptance of docs/quality.md "Fix list and one-click fixes", on real files: a
 * CP950 calendar declared UTF-8 and the Taipei real-estate file (two header rows, ROC
 * dates), served from a local server. Checked, fixed through the API, checked again:
 * both badges rise; restoring the version before the fix brings the old file back.
 */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

const calendarBytes = readFileSync(path.join(DEMO_REAL_DIR, 'dgpa-calendar-114-cp950.csv'));
const estateBytes = readFileSync(path.join(DEMO_REAL_DIR, 'real-estate-taipei-a-roc-dates.csv'));
const jsonBytes = readFileSync(path.join(DEMO_REAL_DIR, 'dgpa-calendar-2024.json'));
/** The privacy guard's own fixture: IDs, mobiles, e-mails, names beside addresses. */
const personalBytes = readFileSync(
  new URL('../../../../quality/src/privacy/fixtures/privacy-fixture.csv', import.meta.url),
);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let t: TestDatabase;
let app: FastifyInstance;
let files: LocalServer;
let deps: QualityDeps;
let weather: number;
const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-fixes-'));

interface FixOut {
  id: string;
  resourceId?: string;
  kind: string;
  oneClick: boolean;
  gain: { badgeFrom: string; badgeTo: string; steps: number; points?: number };
}

beforeAll(async () => {
  // One local origin: the agencies' files, and the portal's own file URLs (handed to the app).
  files = await startLocalServer((req, res) => {
    const url = req.url ?? '';
    if (url === '/calendar.csv' || url === '/real-estate.csv') {
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      return res.end(
        req.method === 'HEAD' ? undefined : url === '/calendar.csv' ? calendarBytes : estateBytes,
      );
    }
    if (url === '/people.csv') {
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      return res.end(req.method === 'HEAD' ? undefined : personalBytes);
    }
    if (url === '/calendar.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(req.method === 'HEAD' ? undefined : jsonBytes);
    }
    if (url.startsWith('/dataset/')) {
      void app.inject({ method: req.method === 'HEAD' ? 'HEAD' : 'GET', url }).then((reply) => {
        res.writeHead(reply.statusCode, { 'Content-Type': String(reply.headers['content-type'] ?? '') });
        res.end(req.method === 'HEAD' ? undefined : reply.rawPayload);
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  const publicUrl = files.url('').replace(/\/$/, '');
  t = await openTestDatabase();
  const org = await t.db
    .insertInto('organizations')
    .values(organizationRow({ agencyCode: 'A41000000G', nameZh: '交通部中央氣象署' }))
    .returning('id')
    .executeTakeFirstOrThrow();
  weather = Number(org.id);
  app = await buildTestApp(t, { dataDir, publicUrl });
  const settings = testSettings({
    dataDir,
    publicUrl,
    fetch: { allow: [], maxBytes: 8 << 20, hostConcurrency: 4, hostDelayMs: 0 },
  });
  deps = { catalogue: t, settings, limiter: createHostLimiter(settings) };
}, 30_000);

afterAll(async () => {
  await Promise.all([app.close(), files.close()]);
  await t.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

async function create(body: Record<string, unknown>): Promise<number> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/datasets',
    headers: ADMIN_HEADERS,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().datasetId as number;
}

/** Checks every resource of the dataset now; the dataset's badge afterwards. */
async function checkAll(datasetId: number): Promise<string> {
  let badge = 'none';
  for (const rowId of (await resourceRowIds(t.db, datasetId)).values())
    badge = (await checkResource(deps, rowId, 'manual')).datasetBadge;
  return badge;
}

async function fixesOf(datasetId: number): Promise<FixOut[]> {
  const res = await app.inject({ url: `/api/v1/datasets/${datasetId}/quality` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().fixes as FixOut[];
}

async function apply(datasetId: number, fixId: string) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/datasets/${datasetId}/fixes/${encodeURIComponent(fixId)}`,
    headers: ADMIN_HEADERS,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function lastRunSha(datasetId: number): Promise<string | null> {
  const rowId = [...(await resourceRowIds(t.db, datasetId)).values()][0]!;
  const run = await t.db
    .selectFrom('qualityRuns')
    .select('sha256')
    .where('resourceId', '=', rowId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return run.sha256;
}

describe(`one-click fixes raise the badges of real files on ${dialect}`, () => {
  let calendar: number;
  let estate: number;
  const badges: Record<string, [string, string]> = {};

  beforeAll(async () => {
    calendar = await create(
      datasetInput({
        identifier: 'A41000000G-000001',
        title: '114年辦公日曆表',
        fieldDescription: '西元日期、星期、是否放假、備註',
        distribution: [
          {
            resourceDescription: '辦公日曆表 CSV',
            format: 'CSV',
            characterSetCode: 'UTF-8',
            downloadURL: files.url('/calendar.csv'),
          },
        ],
      }),
    );
    estate = await create(
      datasetInput({
        identifier: 'A41000000G-000002',
        title: '臺北市不動產買賣實價登錄',
        distribution: [
          {
            resourceDescription: '不動產買賣 CSV',
            format: 'CSV',
            characterSetCode: 'UTF-8',
            downloadURL: files.url('/real-estate.csv'),
          },
        ],
      }),
    );
  }, 30_000);

  it('ranks the CP950 calendar fix first: re-encoding to UTF-8 gains a badge level', async () => {
    badges['calendar'] = [await checkAll(calendar), ''];
    expect(badges['calendar']![0]).toBe('silver');
    const [first] = await fixesOf(calendar);
    expect(first).toMatchObject({
      id: `to_utf8:A41000000G-000001-001`,
      oneClick: true,
      gain: { badgeFrom: 'silver', badgeTo: 'gold', steps: 1, points: 0 },
    });
  }, 60_000);

  it('re-encodes the calendar as a new version served by the platform, and the checks give it gold', async () => {
    const applied = await apply(calendar, 'to_utf8:A41000000G-000001-001');
    expect(applied).toMatchObject({ changed: true, version: 2, resources: ['A41000000G-000001-001'] });
    const resource = applied.dataset.distribution[0];
    expect(resource.characterSetCode).toBe('UTF-8');
    expect(resource.downloadURL).toBe(files.url(`/dataset/${calendar}/resource/A41000000G-000001-001/file`));
    const served = await app.inject({ url: `/dataset/${calendar}/resource/A41000000G-000001-001/file` });
    expect(served.body.startsWith('西元日期,星期,是否放假,備註\r\n20250101,三,2,開國紀念日')).toBe(true);
    badges['calendar']![1] = await checkAll(calendar);
    expect(badges['calendar']![1]).toBe('gold');
    expect((await fixesOf(calendar)).some((f) => f.kind === 'to_utf8')).toBe(false);
  }, 60_000);

  it('restoring the version before the fix brings the CP950 file back, and its badge with it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/datasets/${calendar}/versions/1/restore`,
      headers: ADMIN_HEADERS,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dataset.distribution[0]).toMatchObject({
      characterSetCode: 'UTF-8',
      downloadURL: files.url('/calendar.csv'),
    });
    expect(await checkAll(calendar)).toBe('silver');
    expect(await lastRunSha(calendar)).toBe(sha256(calendarBytes));
  }, 60_000);

  it('flattens the two header rows and converts the ROC dates of the real-estate file: bronze rises', async () => {
    badges['estate'] = [await checkAll(estate), ''];
    expect(badges['estate']![0]).toBe('bronze');
    const fixes = await fixesOf(estate);
    expect(fixes.slice(0, 2).map((f) => [f.kind, f.gain.badgeTo])).toEqual([
      ['flatten_headers', 'silver'],
      ['roc_dates', 'silver'],
    ]);
    const applied = await apply(estate, 'roc_dates:A41000000G-000002-001');
    expect(applied.version).toBe(2);
    const served = await app.inject({ url: `/dataset/${estate}/resource/A41000000G-000002-001/file` });
    const [header, row] = served.body.split('\r\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['鄉鎮市區', '交易標的', '土地區段位置建物區段門牌']);
    expect(served.body).not.toContain('The villages and towns urban district');
    expect(row).toMatch(/,\d{4}-\d{2}-\d{2},/);
    expect(await checkAll(estate)).toBe('silver');
    // ISO dates now follow the date standard: the field list alone stands between silver and platinum.
    const next = await fixesOf(estate);
    const fill = next.find((f) => f.kind === 'fill_fields');
    expect(fill).toMatchObject({
      oneClick: true,
      gain: { badgeFrom: 'silver', badgeTo: 'platinum', steps: 2 },
    });
    expect(next.some((f) => f.kind === 'roc_dates' || f.kind === 'flatten_headers')).toBe(false);
    await apply(estate, fill!.id);
    badges['estate']![1] = await checkAll(estate);
    expect(badges['estate']![1]).toBe('platinum');
    expect(badges).toEqual({ calendar: ['silver', 'gold'], estate: ['bronze', 'platinum'] });
  }, 60_000);

  it("lists the agency's fixes over its datasets, most gain first, paged", async () => {
    const page = await app.inject({ url: '/api/v1/organizations/A41000000G/fixes?limit=1' });
    expect(page.statusCode, page.body).toBe(200);
    const all = await app.inject({ url: '/api/v1/organizations/A41000000G/fixes?limit=50' });
    const results = all.json().results as (FixOut & { datasetId: number })[];
    expect(all.json().total).toBe(results.length);
    // The restored calendar needs re-encoding again: the only fix that gains a level.
    expect(results[0]).toMatchObject({ datasetId: calendar, kind: 'to_utf8', gain: { steps: 1 } });
    expect(page.json().results).toEqual([results[0]]);
    for (let i = 1; i < results.length; i++)
      expect(results[i - 1]!.gain.steps).toBeGreaterThanOrEqual(results[i]!.gain.steps);
    const missing = await app.inject({ url: '/api/v1/organizations/Z99999999Z/fixes' });
    expect(missing.json().error.code).toBe('ORGANIZATION_NOT_FOUND');
  });

  it('refuses callers without credentials, fixes that are not one-click, and fixes that do not exist', async () => {
    const url = `/api/v1/datasets/${calendar}/fixes/`;
    const anonymous = await app.inject({ method: 'POST', url: `${url}to_utf8:A41000000G-000001-001` });
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'UNAUTHORIZED']);
    const manual = await app.inject({
      method: 'POST',
      url: `${url}standard_conformance:A41000000G-000001-001`,
      headers: ADMIN_HEADERS,
    });
    expect([manual.statusCode, manual.json().error.code]).toEqual([409, 'FIX_NOT_ONE_CLICK']);
    const unknown = await app.inject({
      method: 'POST',
      url: `${url}flatten_headers:A41000000G-000001-001`,
      headers: ADMIN_HEADERS,
    });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'FIX_NOT_FOUND']);
  });

  it('shows editors the fix list with 一鍵修正 in the back office, and applies a fix from its form', async () => {
    const editor = await signIn(
      t.db,
      (await createTestAccount(t.db, { roles: [[weather, 'editor']] })).userId,
    );
    const member = await signIn(
      t.db,
      (await createTestAccount(t.db, { roles: [[weather, 'member']] })).userId,
    );
    const page = `/manage/datasets/${calendar}/quality`;
    const action = `/manage/datasets/${calendar}/fixes/${encodeURIComponent('to_utf8:A41000000G-000001-001')}`;
    const shown = await app.inject({ url: page, headers: editor.headers });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.body).toContain('轉為 UTF-8 編碼');
    expect(shown.body).toContain(`action="${action}"`);
    expect(shown.body).toContain(`<input type="hidden" name="_csrf" value="${editor.csrf}"/>`);
    const english = await app.inject({ url: `/en${page}`, headers: editor.headers });
    expect(english.body).toContain('Re-encode to UTF-8');
    const asMember = await app.inject({ url: page, headers: member.headers });
    expect(asMember.body).toContain('轉為 UTF-8 編碼');
    expect(asMember.body).not.toContain(`action="${action}"`);
    const refused = await app.inject({
      method: 'POST',
      url: action,
      headers: { ...member.headers, ...FORM_HEADERS },
      payload: formBody({ _csrf: member.csrf }),
    });
    expect(refused.statusCode).toBe(403);
    const applied = await app.inject({
      method: 'POST',
      url: action,
      headers: { ...editor.headers, ...FORM_HEADERS },
      payload: formBody({ _csrf: editor.csrf }),
    });
    expect(applied.statusCode, applied.body).toBe(303);
    expect(applied.headers.location).toBe(`${page}?fixed=4`);
    const after = await app.inject({ url: String(applied.headers.location), headers: editor.headers });
    expect(after.body).toContain('已修正並存為第 4 版');
    expect(await checkAll(calendar)).toBe('gold');
  }, 60_000);

  it('publishes CSV and XML copies of a JSON resource as platform-generated resources', async () => {
    const json = await create(
      datasetInput({
        identifier: 'A41000000G-000003',
        title: '2024年辦公日曆表',
        fieldDescription: 'date、week、isHoliday、description',
        distribution: [
          {
            resourceDescription: '辦公日曆表 JSON',
            format: 'JSON',
            characterSetCode: 'UTF-8',
            downloadURL: files.url('/calendar.json'),
          },
        ],
      }),
    );
    const before = await checkAll(json);
    const offered = (await fixesOf(json)).find((f) => f.kind === 'publish_copies');
    expect(offered).toMatchObject({ id: 'publish_copies:A41000000G-000003-001', oneClick: true });
    expect(offered!.gain.points).toBeTypeOf('number');
    const applied = await apply(json, offered!.id);
    expect(applied.resources).toEqual(['A41000000G-000003-002', 'A41000000G-000003-003']);
    const copies = applied.dataset.distribution.slice(1);
    expect(copies.map((r: { format: string }) => r.format)).toEqual(['CSV', 'XML']);
    for (const copy of copies) {
      expect(copy.resourceDescription).toMatch(/^辦公日曆表 JSON（平臺轉換，\d{4}-\d{2}-\d{2}）$/);
      expect(copy.resourceNotes).toMatch(/^platform-generated from A41000000G-000003-001 at \d{4}-/);
    }
    const csv = await app.inject({ url: `/dataset/${json}/resource/A41000000G-000003-002/file` });
    expect(csv.body.split('\r\n')[0]).toBe('date,week,isHoliday,description');
    expect(await checkAll(json)).toBe(before);
    expect((await fixesOf(json)).some((f) => f.kind === 'publish_copies')).toBe(false);
  }, 60_000);
});

describe(`masking personal data as a one-click fix on ${dialect}`, () => {
  it('offers the mask when the privacy check fails; afterwards the check passes and the data API opens', async () => {
    const people = await create(
      datasetInput({
        identifier: 'A41000000G-000009',
        title: '民眾陳情聯絡名冊',
        distribution: [
          {
            resourceDescription: '聯絡名冊 CSV',
            format: 'CSV',
            characterSetCode: 'UTF-8',
            downloadURL: files.url('/people.csv'),
          },
        ],
      }),
    );
    const resourceId = 'A41000000G-000009-001';
    await checkAll(people);
    const blocked = await app.inject({ url: `/api/v1/resources/${resourceId}/data` });
    expect(blocked.statusCode).toBe(451);
    const mask = (await fixesOf(people)).find((f) => f.kind === 'mask_personal_data');
    expect(mask).toMatchObject({ id: `mask_personal_data:${resourceId}`, oneClick: true });

    const applied = await apply(people, mask!.id);
    expect(applied).toMatchObject({ changed: true, resources: [resourceId] });
    const served = (await app.inject({ url: `/dataset/${people}/resource/${resourceId}/file` })).body;
    for (const original of ['王小明', 'A123456789', '0912-345-678', 'wang.xm@gmail.com', 'F131104093'])
      expect(served, original).not.toContain(original);
    expect(served).toContain('王O明');
    expect(served).toContain('A12****789');

    await checkAll(people);
    const privacy = await t.db
      .selectFrom('resourceChecks')
      .innerJoin('resources', 'resources.id', 'resourceChecks.resourceId')
      .select('resourceChecks.status')
      .where('resources.resourceId', '=', resourceId)
      .where('resourceChecks.checkId', '=', 'privacy')
      .executeTakeFirstOrThrow();
    expect(privacy.status).toBe('pass');
    expect((await fixesOf(people)).some((f) => f.kind === 'mask_personal_data')).toBe(false);
    const open = await app.inject({ url: `/api/v1/resources/${resourceId}/data?limit=1` });
    expect(open.statusCode, open.body).toBe(200);
  }, 60_000);
});

describe(`the agency's dashboard trend shows a one-click fix the next day on ${dialect}`, () => {
  it('day 1: the CP950 calendar at silver; fixed; day 2: one more gold in the trend', async () => {
    const id = await create(
      datasetInput({
        identifier: 'A41000000G-000010',
        title: '114年辦公日曆表（趨勢）',
        fieldDescription: '西元日期、星期、是否放假、備註',
        distribution: [
          {
            resourceDescription: '辦公日曆表 CSV',
            format: 'CSV',
            characterSetCode: 'UTF-8',
            downloadURL: files.url('/calendar.csv'),
          },
        ],
      }),
    );
    expect(await checkAll(id)).toBe('silver');
    await takeQualitySnapshot(t, { now: new Date('2026-11-26T04:00:00Z') });
    await apply(id, 'to_utf8:A41000000G-000010-001');
    expect(await checkAll(id)).toBe('gold');
    await takeQualitySnapshot(t, { now: new Date('2026-11-27T04:00:00Z') });

    const res = await app.inject({ url: '/api/v1/organizations/A41000000G/quality' });
    expect(res.statusCode, res.body).toBe(200);
    const trend = res.json().trend as { day: string; gold: number; silver: number; awardScore: number }[];
    const [day1, day2] = trend.slice(-2);
    expect([day1!.day, day2!.day]).toEqual(['2026-11-26', '2026-11-27']);
    expect(day2!.gold).toBe(day1!.gold + 1);
    expect(day2!.silver).toBe(day1!.silver - 1);
    expect(day2!.awardScore).toBeGreaterThan(day1!.awardScore);
  }, 60_000);
});
