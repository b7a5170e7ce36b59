import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../../quality/src/fetch/local-test-server.ts';
import { buildTestApp, testSettings } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { DEMO_REAL_DIR } from '../demo/demo-real-files.ts';
import { checkResource, createHostLimiter, type QualityDeps } from '../quality/check-resource.service.ts';
import { resourceRowIds } from '../quality/quality.repo.ts';
import { ConvertedCopyStore } from '../formats/converted-copy-store.ts';
import { latestFetchedCopies } from '../formats/fetched-copy.repo.ts';
import { fetchedStore, judgeCopy } from '../formats/other-formats.ts';

/*
 * The platform's CSV/JSON/XML copies (多元格式參考資料): a resource's body is fetched and
 * stored by the quality checker as in production, then converted on request, cached, and
 * counted as a download.
 */

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const IDENTIFIER = 'A41000000G-000101';
const CALENDAR = `${IDENTIFIER}-001`;
const CUT = `${IDENTIFIER}-002`;
const NOTES = `${IDENTIFIER}-003`;
const UNCHECKED = `${IDENTIFIER}-004`;
const BROKEN = `${IDENTIFIER}-005`;

const calendar = readFileSync(path.join(DEMO_REAL_DIR, 'dgpa-calendar-114-cp950.csv'));
// Well-formed JSON (sniffed as structured) holding no records: the converter refuses it.
const brokenJson = Buffer.from('[1.5, 2.0, 0.5]\n');
const notes = Buffer.from('本資料集說明：雨量站每小時觀測，單位為毫米。\n資料來源為交通部中央氣象署。\n');

let t: TestDatabase;
let app: FastifyInstance;
let files: LocalServer;
let datasetId: number;
let rowIds: Map<string, number>;
const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-converted-'));

beforeAll(async () => {
  files = await startLocalServer((req, res) => {
    const bodies: Record<string, [string, Buffer]> = {
      '/calendar.csv': ['text/csv', calendar],
      '/cut.csv': ['text/csv', calendar],
      '/notes.txt': ['text/plain', notes],
      '/broken.json': ['application/json', brokenJson],
    };
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
    characterSetCode: format === 'CSV' ? 'BIG5' : 'UTF-8',
    downloadURL: files.url(file),
  });
  const [record] = await createDatasets(
    t,
    [
      {
        input: datasetInput({
          identifier: IDENTIFIER,
          title: '政府行政機關辦公日曆表',
          distribution: [
            resource('行事曆 CSV', 'CSV', '/calendar.csv'),
            resource('行事曆 CSV（下載被截斷）', 'CSV', '/cut.csv'),
            resource('說明文件', 'TXT', '/notes.txt'),
            resource('尚未檢測', 'CSV', '/calendar.csv'),
            resource('沒有紀錄的 JSON', 'JSON', '/broken.json'),
          ],
        }),
      },
    ],
    { actor: 'test' },
  );
  datasetId = record!.datasetId;
  rowIds = await resourceRowIds(t.db, datasetId);
  const check = async (resourceId: string, maxBytes: number) => {
    const settings = testSettings({
      dataDir,
      fetch: { allow: ['127.0.0.1'], maxBytes, hostConcurrency: 4, hostDelayMs: 0 },
    });
    const deps: QualityDeps = { catalogue: t, settings, limiter: createHostLimiter(settings) };
    await checkResource(deps, rowIds.get(resourceId)!, 'manual');
  };
  await check(CALENDAR, 1024 * 1024);
  // The checker keeps only the first 2 KiB of this one: the stored body is cut.
  await check(CUT, 2048);
  await check(NOTES, 1024 * 1024);
  await check(BROKEN, 1024 * 1024);
  app = await buildTestApp(t, { dataDir }, { usage: { flushIntervalMs: 3_600_000 } });
}, 30_000);

afterAll(async () => {
  await Promise.all([app?.close(), files?.close()]);
  await t?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await app.usageRecorder.flush();
  await t.db.deleteFrom('usageEvents').execute();
});

const download = (resourceId: string, format: string, prefix = '') =>
  app.inject({
    url: `${prefix}/dataset/${datasetId}/resource/${resourceId}/download.${format}`,
    headers: { 'user-agent': BROWSER },
  });

function convertedFiles(): string[] {
  const root = path.join(dataDir, 'converted');
  try {
    return readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(csv|json|xml)$/.test(name))
      .sort();
  } catch {
    return [];
  }
}

describe(`converted downloads on ${engine}`, () => {
  it('records whether each stored body is whole', async () => {
    const runs = await t.db
      .selectFrom('qualityRuns')
      .select(['resourceId', 'bodyTruncated', 'sniffedFormat'])
      .execute();
    const byResource = new Map(runs.map((r) => [r.resourceId, r]));
    expect(byResource.get(rowIds.get(CALENDAR)!)).toMatchObject({ bodyTruncated: 0, sniffedFormat: 'CSV' });
    expect(byResource.get(rowIds.get(CUT)!)).toMatchObject({ bodyTruncated: 1 });
    expect(byResource.get(rowIds.get(NOTES)!)?.sniffedFormat).toBe('TXT');
    expect(byResource.get(rowIds.get(BROKEN)!)?.sniffedFormat).toBe('JSON');
  });

  it('converts a stored CP950 CSV to UTF-8 CSV, with a file name, and counts the download', async () => {
    const res = await download(CALENDAR, 'csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${CALENDAR}.csv"`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const lines = res.rawPayload.toString('utf8').split(/\r?\n/);
    expect(lines[0]).toBe('西元日期,星期,是否放假,備註');
    expect(lines[1]).toBe('20250101,三,2,開國紀念日');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);

    await app.usageRecorder.flush();
    const events = await t.db.selectFrom('usageEvents').select(['kind', 'datasetId', 'resourceId']).execute();
    expect(events).toEqual([{ kind: 'download', datasetId, resourceId: CALENDAR }]);
  });

  it('converts the same body to JSON and XML, also under /en/', async () => {
    const json = await download(CALENDAR, 'json', '/en');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toBe(`attachment; filename="${CALENDAR}.json"`);
    const records = JSON.parse(json.body) as Record<string, unknown>[];
    expect(records[0]).toMatchObject({ 星期: '三', 備註: '開國紀念日' });
    expect(String(records[0]!['西元日期'])).toBe('20250101');
    expect(records.length).toBe(calendar.toString('latin1').trim().split('\n').length - 1);

    const xml = await download(CALENDAR, 'xml');
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(xml.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(xml.body).toContain('開國紀念日');
    expect(xml.body).not.toContain('\ufffd');
  });

  it('converts each body and format once and serves the cached copy after', async () => {
    const before = convertedFiles();
    expect(before).toHaveLength(3);
    const cached = path.join(
      dataDir,
      'converted',
      before.find((f) => f.endsWith('.csv'))!,
    );
    const first = readFileSync(cached);
    const again = await download(CALENDAR, 'csv');
    expect(again.rawPayload.equals(first)).toBe(true);
    expect(convertedFiles()).toEqual(before);
    // No temporary file is left behind.
    expect(readdirSync(path.join(dataDir, 'converted'), { recursive: true, encoding: 'utf8' })).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/\.tmp$/)]),
    );
  });

  it('runs one conversion when the same copy is asked for at once', async () => {
    rmSync(path.join(dataDir, 'converted'), { recursive: true, force: true });
    const answers = await Promise.all([1, 2, 3, 4].map(() => download(CALENDAR, 'json')));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(convertedFiles()).toHaveLength(1);
    await app.usageRecorder.flush();
    const count = await t.db.selectFrom('usageEvents').select('kind').execute();
    expect(count).toHaveLength(4);
  });

  it('starts one conversion for simultaneous requests of a copy, and none once it is cached', async () => {
    const rowId = rowIds.get(CALENDAR)!;
    const verdict = await judgeCopy(
      fetchedStore(dataDir),
      (await latestFetchedCopies(t.db, [rowId])).get(rowId),
      1024 * 1024,
    );
    if (!('copy' in verdict)) throw new Error(`no copy: ${verdict.reason}`);
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'odp-converted-store-'));
    try {
      const store = new ConvertedCopyStore(cacheDir);
      const results = await Promise.all([1, 2, 3].map(() => store.get(verdict.copy, 'xml')));
      expect(store.conversions).toBe(1);
      expect(new Set(results.map((r) => r.path)).size).toBe(1);
      expect(results[0]!.path).toBe(store.pathOf(verdict.copy.sha256, 'xml'));
      await store.get(verdict.copy, 'xml');
      expect(store.conversions).toBe(1);
      await store.get(verdict.copy, 'csv');
      expect(store.conversions).toBe(2);
      expect(() => store.pathOf('../../etc/passwd', 'csv')).toThrow(/not a sha256/);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('answers 404 when the stored body is cut, missing, or not structured data', async () => {
    for (const [resourceId, reason] of [
      [CUT, 'truncated'],
      [UNCHECKED, 'not-fetched'],
      [NOTES, 'not-structured'],
    ] as const) {
      for (const format of ['csv', 'json', 'xml']) {
        const res = await download(resourceId, format);
        expect(res.statusCode, `${resourceId}.${format}`).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.json()).toMatchObject({
          error: { code: 'CONVERTED_COPY_UNAVAILABLE', details: { reason } },
        });
      }
    }
    expect((await download('A41000000G-000101-099', 'csv')).json()).toMatchObject({
      error: { code: 'RESOURCE_NOT_FOUND' },
    });
    expect((await download(CALENDAR, 'pdf')).statusCode).toBe(404);
    await app.usageRecorder.flush();
    expect(await t.db.selectFrom('usageEvents').select('kind').execute()).toEqual([]);
  });

  it('answers 404 for a body over the fetch byte limit', async () => {
    const small = await buildTestApp(t, {
      dataDir,
      fetch: { allow: ['127.0.0.1'], maxBytes: 4096, hostConcurrency: 4, hostDelayMs: 0 },
    });
    try {
      const res = await small.inject({ url: `/dataset/${datasetId}/resource/${CALENDAR}/download.csv` });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        error: { code: 'CONVERTED_COPY_UNAVAILABLE', details: { reason: 'too-large' } },
      });
    } finally {
      await small.close();
    }
  });

  it('answers 422 with the converter code when the body cannot be converted', async () => {
    const res = await download(BROKEN, 'csv');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      error: { code: 'CONVERSION_FAILED', details: { convertCode: 'NO_RECORDS' } },
    });
    expect(res.body).not.toContain(dataDir);
    expect(convertedFiles().filter((f) => f.endsWith('.csv'))).toEqual([]);
    await app.usageRecorder.flush();
    expect(await t.db.selectFrom('usageEvents').select('kind').execute()).toEqual([]);
  });

  it('offers the copies on the dataset page only for the convertible resource', async () => {
    const html = (await app.inject({ url: `/dataset/${datasetId}` })).body;
    for (const format of ['csv', 'json', 'xml']) {
      expect(html).toContain(`href="/dataset/${datasetId}/resource/${CALENDAR}/download.${format}"`);
      for (const other of [CUT, NOTES, UNCHECKED])
        expect(html).not.toContain(`/resource/${other}/download.${format}"`);
    }
    expect(html).toContain('其他格式');
    expect(html).toMatch(/（平臺轉換，來源檔案取得於 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    expect(html).toContain('>CSV（UTF-8）</a>');
    const english = (await app.inject({ url: `/en/dataset/${datasetId}` })).body;
    expect(english).toContain(`href="/en/dataset/${datasetId}/resource/${CALENDAR}/download.xml"`);
    expect(english).toContain('converted by the platform from the file fetched at');
  });
});
