import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../../quality/src/fetch/local-test-server.ts';
import { ADMIN_HEADERS, buildTestApp, testSettings } from '../../http/test-app.ts';
import { registerJobHandlers } from '../../jobs/job-handlers.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { jobIn, openJobTestBed, type JobTestBed } from '../../jobs/job-test-bed.ts';
import { datasetInput } from '../../test/factories.ts';
import { DEMO_REAL_DIR } from '../demo/demo-real-files.ts';
import { CHECK_RESOURCE_JOB } from './quality-jobs.ts';

/*
 * Check on publish, end to end: a dataset written through the API queues a check of each
 * resource; a worker fetches and checks them; the results show in REST v1 and the
 * data.gov.tw v2 quality shapes.
 */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const OID = '2.16.886.101.20003.20014';

let bed: JobTestBed;
let queue: JobQueue;
let app: FastifyInstance;
let noQueueApp: FastifyInstance;
let files: LocalServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-quality-routes-'));

beforeAll(async () => {
  const calendar = readFileSync(path.join(DEMO_REAL_DIR, 'dgpa-calendar-114-cp950.csv'));
  files = await startLocalServer((req, res) => {
    if (req.url === '/calendar.csv') {
      res.writeHead(200, { 'Content-Type': 'text/csv', ETag: '"v1"' });
      return res.end(req.method === 'HEAD' ? undefined : calendar);
    }
    res.writeHead(404);
    res.end();
  });
  bed = await openJobTestBed();
  queue = await bed.openQueue();
  const settings = testSettings({ dataDir });
  await registerJobHandlers(
    queue,
    { catalogue: { db: bed.handle.db, dialect: bed.handle.dialect }, settings, log: () => {} },
    { only: [CHECK_RESOURCE_JOB] },
  );
  await queue.start();
  app = await buildTestApp(bed.handle, { dataDir }, { jobQueue: queue });
  noQueueApp = await buildTestApp(bed.handle, { dataDir });
}, 30_000);

afterAll(async () => {
  await Promise.all([app.close(), noQueueApp.close(), files.close()]);
  await bed.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

async function allChecksDone(): Promise<void> {
  for (const job of await queue.listJobs({ name: CHECK_RESOURCE_JOB, limit: 50 }))
    await jobIn(queue, job.id, ['completed', 'failed']);
}

describe(`quality results through the API on ${dialect}`, () => {
  let datasetId: number;
  let calendarId: string;

  it('queues a check of every resource when a dataset is published, and shows the results', async () => {
    const body = datasetInput({
      publisherOID: OID,
      fieldDescription: '西元日期、星期、是否放假、備註',
      distribution: [
        {
          resourceDescription: '行事曆 CSV',
          format: 'CSV',
          characterSetCode: 'UTF-8',
          downloadURL: files.url('/calendar.csv'),
        },
        {
          resourceDescription: '失效連結',
          format: 'CSV',
          characterSetCode: 'UTF-8',
          downloadURL: files.url('/gone.csv'),
        },
      ],
    });
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      headers: ADMIN_HEADERS,
      payload: body,
    });
    expect(created.statusCode, created.body).toBe(201);
    datasetId = created.json().datasetId;
    calendarId = created.json().distribution[0].resourceID;
    await allChecksDone();

    const res = await app.inject({ url: `/api/v1/datasets/${datasetId}/quality` });
    expect(res.statusCode, res.body).toBe(200);
    const quality = res.json();
    expect(quality).toMatchObject({ datasetId, badge: 'none', badgeLabel: '無', whitelisted: false });
    const [calendar, gone] = quality.resources;
    expect(calendar.badge).toBe('silver');
    const encoding = calendar.checks.find((c: { id: string }) => c.id === 'encoding_match');
    expect(encoding).toMatchObject({
      status: 'fail',
      evidence: { declared: 'UTF-8', detected: 'CP950' },
      dimension: 'understandable',
    });
    expect(encoding.fix.zh).toContain('UTF-8');
    expect(calendar.checks.map((c: { id: string }) => c.id).slice(0, 3)).toEqual([
      'linkable',
      'downloadable',
      'format_match',
    ]);
    expect(gone.badge).toBe('none');
    expect(gone.checks.find((c: { id: string }) => c.id === 'linkable')).toMatchObject({
      status: 'fail',
      evidence: { status: 404 },
    });
  });

  it('keeps every run: a re-check on change records another run, with the content unchanged', async () => {
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/datasets/${datasetId}`,
      headers: ADMIN_HEADERS,
      payload: {
        distribution: [
          {
            resourceID: calendarId,
            resourceDescription: '行事曆 CSV',
            format: 'CSV',
            characterSetCode: 'BIG5',
            downloadURL: files.url('/calendar.csv'),
          },
        ],
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    await allChecksDone();
    const resourceID = patched.json().distribution[0].resourceID;
    const runs = (await app.inject({ url: `/api/v1/resources/${resourceID}/quality/runs` })).json();
    expect(runs.runs.map((r: { trigger: string }) => r.trigger)).toEqual(['change', 'publish']);
    expect(runs.runs[0]).toMatchObject({
      badge: 'gold',
      contentChanged: false,
      sniffedFormat: 'CSV',
      statuses: { encoding_match: 'pass' },
    });
    const v2 = (await app.inject({ url: `/api/v2/rest/quality_result/${datasetId}` })).json();
    expect(v2.result).toMatchObject({ datasetId, dataQuality: '金' });
    expect(v2.result.distribution[0].checks.encoding_match).toMatchObject({ result: '1', status: 'pass' });
  });

  it('shows the badge and each check with its fix on the dataset page', async () => {
    const page = await app.inject({ url: `/dataset/${datasetId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('品質檢測結果');
    expect(page.body).toContain('<a href="#quality">金</a>');
    expect(page.body).toMatch(/<th scope="row">編碼相符<\/th><td>通過<\/td>/);
    expect(page.body).toContain('符合資料標準');
  });

  it('answers the data.gov.tw qc shape per publisher', async () => {
    const res = await app.inject({ url: `/api/v2/rest/qc/${OID}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toEqual([
      expect.objectContaining({
        datasetId,
        dataQuality: '金',
        linkable: '1',
        downloadable: '1',
        structure: '1',
        encoding_match: '1',
        desc_match: '1',
        csv: '1',
      }),
    ]);
    const bad = await app.inject({ url: '/api/v2/rest/qc/not-an-oid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.error_type).toMatch(/^ER0031/);
  });

  it('queues a re-check for the admin only, and says so without a queue', async () => {
    const url = `/api/v1/datasets/${datasetId}/quality/check`;
    expect((await app.inject({ method: 'POST', url })).statusCode).toBe(401);
    const queued = await app.inject({ method: 'POST', url, headers: ADMIN_HEADERS });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ datasetId, queued: 1 });
    await allChecksDone();
    const none = await noQueueApp.inject({ method: 'POST', url, headers: ADMIN_HEADERS });
    expect(none.statusCode).toBe(503);
    expect(none.json().error.code).toBe('JOBS_UNAVAILABLE');
  });

  it('refuses bad resource ids and hides unknown ones', async () => {
    expect((await app.inject({ url: '/api/v1/resources/nope/quality/runs' })).statusCode).toBe(400);
    expect(
      (await app.inject({ url: '/api/v1/resources/A41000000G-999999-001/quality/runs' })).statusCode,
    ).toBe(404);
    expect((await app.inject({ url: '/api/v1/datasets/999999/quality' })).statusCode).toBe(404);
  });
});
