import { maskPersonalData, type PlainTable } from '@odp/quality';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../../quality/src/fetch/local-test-server.ts';
import { buildTestApp, testSettings } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { DEMO_REAL_DIR } from '../demo/demo-real-files.ts';
import { datasetConvertibleCopies } from '../formats/other-formats.ts';
import { checkResource, createHostLimiter, type QualityDeps } from '../quality/check-resource.service.ts';
import { latestChecks, resourceRowIds } from '../quality/quality.repo.ts';
import { buildResourceTableTask } from '../tables/build-resource-table.task.ts';
import { personalDataBlocked } from './personal-data-gate.ts';

/*
 * The privacy guard end to end: the quality checker fetches the acceptance fixture (IDs,
 * mobiles, e-mails, names beside addresses) from a local server, the privacy check
 * fails, and every way to the rows answers 451 PRIVACY_BLOCKED without a raw value —
 * until the agency publishes the masked copy and the check runs again.
 */

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const IDENTIFIER = 'A41000000G-000451';
const PEOPLE = `${IDENTIFIER}-001`;
const CALENDAR = `${IDENTIFIER}-002`;
const FIXTURE = new URL('../../../../quality/src/privacy/fixtures/privacy-fixture.csv', import.meta.url);
const RAW = ['A123456789', '0912-345-678', 'wang.xm@gmail.com', '王小明', '歐陽小明', 'AA00000009'];

const csvCell = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replaceAll('"', '""')}"`);
const asCsv = (table: PlainTable) =>
  [table.columns, ...table.rows.map((r) => table.columns.map((c) => r[c]))]
    .map((r) => r.map(csvCell).join(','))
    .join('\n');

/** The fixture as the masking fix would publish it: parsed, masked, written back as CSV. */
function maskedFixture(text: string): string {
  const [head, ...lines] = text.trim().split('\n');
  const columns = head!.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v])));
  return asCsv(maskPersonalData({ columns, rows }));
}

const bodies: Record<string, Buffer> = {
  '/people.csv': readFileSync(FIXTURE),
  '/calendar.csv': readFileSync(path.join(DEMO_REAL_DIR, 'dgpa-calendar-113-utf8bom.csv')),
};

let t: TestDatabase;
let app: FastifyInstance;
let files: LocalServer;
let deps: QualityDeps;
let datasetId: number;
let rowIds: Map<string, number>;
const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-privacy-'));

beforeAll(async () => {
  files = await startLocalServer((req, res) => {
    const found = bodies[req.url ?? ''];
    res.writeHead(found ? 200 : 404, { 'Content-Type': 'text/csv' });
    res.end(req.method === 'HEAD' || !found ? undefined : found);
  });
  t = await openTestDatabase();
  const [dataset] = await createDatasets(
    t,
    [
      {
        input: datasetInput({
          identifier: IDENTIFIER,
          title: '個資檢查測試',
          distribution: [
            {
              resourceDescription: '名冊',
              format: 'CSV',
              characterSetCode: 'UTF-8',
              downloadURL: files.url('/people.csv'),
            },
            {
              resourceDescription: '行事曆',
              format: 'CSV',
              characterSetCode: 'UTF-8',
              downloadURL: files.url('/calendar.csv'),
            },
          ],
        }),
      },
    ],
    { actor: 'test' },
  );
  datasetId = dataset!.datasetId;
  const settings = testSettings({
    dataDir,
    fetch: { allow: ['127.0.0.1'], maxBytes: 1024 * 1024, hostConcurrency: 4, hostDelayMs: 0 },
  });
  deps = { catalogue: t, settings, limiter: createHostLimiter(settings) };
  rowIds = await resourceRowIds(t.db, datasetId);
  for (const rowId of rowIds.values()) await checkResource(deps, rowId, 'manual');
  app = await buildTestApp(t, { dataDir });
}, 60_000);

afterAll(async () => {
  await Promise.all([app?.close(), files?.close()]);
  await t?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

const rowId = (resourceId: string) => rowIds.get(resourceId)!;

describe(`privacy guard on ${engine}`, () => {
  it('fails the privacy check of the fixture (masked evidence only) and passes the calendar', async () => {
    const checks = await latestChecks(t.db, [rowId(PEOPLE), rowId(CALENDAR)]);
    const people = checks.get(rowId(PEOPLE))!.find((c) => c.checkId === 'privacy')!;
    expect(people).toMatchObject({ status: 'fail', evidence: { blockingCells: 26 } });
    expect(checks.get(rowId(CALENDAR))!.find((c) => c.checkId === 'privacy')?.status).toBe('pass');
    const quality = await app.inject(`/api/v1/datasets/${datasetId}/quality`);
    expect(quality.statusCode).toBe(200);
    expect(quality.body).toContain('A12****789');
    for (const raw of RAW) expect(quality.body).not.toContain(raw);
    expect([...(await personalDataBlocked(t.db, [...rowIds.values()]))]).toEqual([rowId(PEOPLE)]);
  });

  it.each([
    `/api/v1/resources/${PEOPLE}/data`,
    `/api/v1/resources/${PEOPLE}/data.csv`,
    `/api/v1/resources/${PEOPLE}/data.xml`,
    `/api/v1/resources/${PEOPLE}/data?group_by=姓名`,
    `/api/v1/resources/${PEOPLE}/profile`,
    `/dataset/${IDENTIFIER}/resource/${PEOPLE}/download.csv`,
    `/dataset/${IDENTIFIER}/resource/${PEOPLE}/download.json`,
    `/en/dataset/${IDENTIFIER}/resource/${PEOPLE}/download.xml`,
    `/dataset/${IDENTIFIER}/resource/${PEOPLE}/map.geojson`,
  ])('refuses %s with 451 PRIVACY_BLOCKED', async (url) => {
    const res = await app.inject(url);
    expect(res.statusCode, res.body).toBe(451);
    expect(res.json().error).toMatchObject({ code: 'PRIVACY_BLOCKED', details: { check: 'privacy' } });
    for (const raw of RAW) expect(res.body).not.toContain(raw);
  });

  it('refuses the preview and map pages and CKAN datastore_search, and offers no converted copies', async () => {
    for (const page of ['preview', 'map']) {
      const res = await app.inject(`/dataset/${datasetId}/resource/${PEOPLE}/${page}`);
      expect(res.statusCode, page).toBe(451);
      for (const raw of RAW) expect(res.body).not.toContain(raw);
    }
    const ckan = await app.inject(`/api/3/action/datastore_search?resource_id=${PEOPLE}`);
    expect(ckan.statusCode).toBe(451);
    expect(ckan.json()).toMatchObject({ success: false, error: { code: 'PRIVACY_BLOCKED' } });
    const copies = await datasetConvertibleCopies(t.db, { dataDir, maxBytes: 1024 * 1024 }, datasetId);
    expect([...copies.keys()]).toEqual([CALENDAR]);
    const calendar = await app.inject(`/api/v1/resources/${CALENDAR}/data?limit=1`);
    expect(calendar.statusCode).toBe(200);
  });

  it('builds no table of a blocked resource', async () => {
    const log: string[] = [];
    const task = buildResourceTableTask(t, deps.settings, (m) => log.push(m));
    await task({ data: { resourceId: rowId(PEOPLE) } } as Parameters<typeof task>[0]);
    expect(log.join('\n')).toMatch(/not built: .*personal data/);
  });

  it('opens again once the masked copy is published and checked', async () => {
    bodies['/people.csv'] = Buffer.from(maskedFixture(readFileSync(FIXTURE, 'utf8')));
    await checkResource(deps, rowId(PEOPLE), 'change');
    const privacy = (await latestChecks(t.db, [rowId(PEOPLE)]))
      .get(rowId(PEOPLE))!
      .find((c) => c.checkId === 'privacy');
    expect(privacy?.status).toBe('pass');
    const res = await app.inject(`/api/v1/resources/${PEOPLE}/data?fields=姓名,身分證字號,手機&limit=1`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().records).toEqual([{ 姓名: '王O明', 身分證字號: 'A12****789', 手機: '0912-***-678' }]);
    for (const raw of RAW) expect(res.body).not.toContain(raw);
  });
});
