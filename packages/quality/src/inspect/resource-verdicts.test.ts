import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostLimiter } from '../fetch/index.ts';
import { startLocalServer, type LocalServer } from '../fetch/local-test-server.ts';
import { oleFile } from '../sniff/ole-test-file.ts';
import { REAL_FILES } from '../test/check-fixtures.ts';
import { inspectResource, type InspectOptions } from './inspect-resource.ts';

/*
 * Issue acceptance: a local set of servers with the resources agencies really publish,
 * each checked end to end (fetch → sniff → table → checks → badge).
 */

const shelters = readFileSync(`${REAL_FILES}taitung-shelters-twd97.csv`);
const calendarCp950 = readFileSync(`${REAL_FILES}dgpa-calendar-114-cp950.csv`);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const XLS = oleFile(['Workbook', 'SummaryInformation']);
const LANDING = `<!doctype html><html><head><title>資料下載</title></head><body><h1>開放資料下載</h1>
<a href="/files/a.csv">CSV</a> <a href="/files/a.xml">XML</a> <a href="/files/a.json">JSON</a></body></html>`;
const HUGE = gzipSync(Buffer.from('名稱,數量\n' + '臺東,1\n'.repeat(400_000)));
const OAS = JSON.stringify({
  openapi: '3.0.3',
  info: { title: '避難收容處所', version: '1.0' },
  paths: {
    '/api/shelters': {
      get: { parameters: [{ name: 'top', in: 'query' }], responses: { '200': { description: 'ok' } } },
    },
  },
});

let server: LocalServer;
const workRoot = mkdtempSync(path.join(tmpdir(), 'odp-inspect-'));
let serial = 0;

beforeAll(async () => {
  let limited = 0;
  server = await startLocalServer((req, res) => {
    const url = req.url ?? '/';
    const send = (status: number, type: string, body: Buffer | string) => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (url === '/shelters.csv') return send(200, 'text/csv; charset=utf-8', shelters);
    if (url === '/calendar.csv') return send(200, 'text/csv', calendarCp950);
    if (url === '/download-page') return send(200, 'text/html', LANDING);
    if (url === '/report.csv') return send(200, 'text/csv', PDF);
    if (url === '/legacy.csv') return send(200, 'text/csv', XLS);
    if (url === '/missing.csv') return send(404, 'text/html', 'not found');
    if (url === '/broken.csv') return send(500, 'text/html', 'error');
    if (url.startsWith('/hop/')) {
      const n = Number(url.slice(5));
      res.writeHead(302, { Location: n >= 3 ? '/shelters.csv' : `/hop/${n + 1}` });
      return res.end();
    }
    if (url === '/loop-a') {
      res.writeHead(302, { Location: '/loop-b' });
      return res.end();
    }
    if (url === '/loop-b') {
      res.writeHead(302, { Location: '/loop-a' });
      return res.end();
    }
    if (url === '/hang.csv') return; // never answers
    if (url === '/busy.csv') {
      if (limited++ === 0) {
        res.writeHead(429, { 'Retry-After': '1' });
        return res.end();
      }
      return send(200, 'text/csv', shelters);
    }
    if (url === '/drip.csv') {
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      res.write('a,b\n1,2\n'); // then stalls
      return;
    }
    if (url === '/huge.csv') {
      res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Encoding': 'gzip' });
      return res.end(req.method === 'HEAD' ? undefined : HUGE);
    }
    if (url.startsWith('/api/shelters'))
      return send(200, 'application/json', JSON.stringify([{ 名稱: '臺東縣立體育館', 收容人數: 500 }]));
    if (url === '/oas.json') return send(200, 'application/json', OAS);
    return send(404, 'text/plain', 'no such path');
  });
});
afterAll(() => server.close());

const fields = (names: string) => names.split(',').map((name) => ({ name }));
const SHELTER_FIELDS = fields(
  '主管機關,收容所編號,收容所名稱,收容所鄉鎮市區,收容所村里,地址,管理人,連絡電話,收容人數,X坐標,Y坐標,備註,最後更新時間',
);

function options(declared: Partial<InspectOptions['declared']> = {}): InspectOptions {
  const workDir = path.join(workRoot, String(serial++));
  mkdirSync(workDir);
  return {
    declared: { kind: 'file', format: 'CSV', encoding: 'UTF-8', fields: SHELTER_FIELDS, ...declared },
    workDir,
    fetch: {
      allow: ['127.0.0.1'],
      limiter: new HostLimiter({ maxConcurrent: 4, minDelayMs: 0 }),
      timeouts: { connectMs: 500, headersMs: 600, idleMs: 400, totalMs: 4_000 },
      retry: { maxRetries: 1, maxRetryAfterMs: 2_000 },
      maxBytes: 1024 * 1024,
    },
  };
}

const statuses = (results: Record<string, { status: string }>) =>
  Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.status]));

describe('inspectResource over local servers', () => {
  it('a clean UTF-8 CSV gets every file check and gold (platinum needs a field standard)', async () => {
    const { results, badge } = await inspectResource({ url: server.url('/shelters.csv') }, options());
    expect(statuses(results)).toMatchObject({
      linkable: 'pass',
      downloadable: 'pass',
      format_match: 'pass',
      structured: 'pass',
      csv_convertible: 'pass',
      encoding_match: 'pass',
      fields_match: 'pass',
      metadata_complete: 'not_applicable',
    });
    expect(badge).toBe(results['standard_conformance']?.status === 'pass' ? 'platinum' : 'gold');
  });

  it('a CP950 CSV declared UTF-8 fails encoding_match: silver', async () => {
    const { results, badge } = await inspectResource(
      { url: server.url('/calendar.csv') },
      options({ fields: fields('西元日期,星期,是否放假,備註') }),
    );
    expect(results['encoding_match']).toMatchObject({
      status: 'fail',
      evidence: { declared: 'UTF-8', detected: 'CP950' },
    });
    expect(badge).toBe('silver');
  });

  it('an HTML download page served as 200 is not downloadable: none', async () => {
    const { results, badge } = await inspectResource({ url: server.url('/download-page') }, options());
    expect(results['linkable']?.status).toBe('pass');
    expect(results['downloadable']).toMatchObject({ status: 'fail', evidence: { htmlPage: 'landing' } });
    expect(badge).toBe('none');
  });

  it('a PDF or an XLS declared CSV is bronze: reachable, but not the declared format', async () => {
    for (const [file, sniffed] of [
      ['/report.csv', 'PDF'],
      ['/legacy.csv', 'XLS'],
    ] as const) {
      const { results, badge } = await inspectResource({ url: server.url(file) }, options());
      expect(results['format_match'], file).toMatchObject({
        status: 'fail',
        evidence: { declared: 'CSV', sniffed },
      });
      expect(badge, file).toBe('bronze');
    }
  });

  it('404 and 500 fail linkable with the status; none', async () => {
    for (const [file, status] of [
      ['/missing.csv', 404],
      ['/broken.csv', 500],
    ] as const) {
      const { results, badge } = await inspectResource({ url: server.url(file) }, options());
      expect(results['linkable'], file).toMatchObject({ status: 'fail', evidence: { status } });
      expect(badge).toBe('none');
    }
  });

  it('follows a redirect chain, and names a redirect loop', async () => {
    const chain = await inspectResource({ url: server.url('/hop/1') }, options());
    expect(chain.results['linkable']).toMatchObject({ status: 'pass', evidence: { redirects: 3 } });
    const loop = await inspectResource({ url: server.url('/loop-a') }, options());
    expect(loop.results['linkable']).toMatchObject({
      status: 'fail',
      evidence: { error: 'FETCH_REDIRECT_LOOP' },
    });
  });

  it('a server that hangs and a slow drip time out', async () => {
    const hang = await inspectResource({ url: server.url('/hang.csv') }, options());
    expect(hang.results['linkable']).toMatchObject({ status: 'fail', evidence: { error: 'FETCH_TIMEOUT' } });
    const drip = await inspectResource({ url: server.url('/drip.csv') }, options());
    expect(['fail', 'pass']).toContain(drip.results['linkable']?.status);
    expect(drip.badge).toBe('none');
  });

  it('waits out a 429 with Retry-After and then checks the file', async () => {
    const { results, fetch } = await inspectResource({ url: server.url('/busy.csv') }, options());
    expect(fetch?.retries).toBe(1);
    expect(results['linkable']?.status).toBe('pass');
    expect(results['csv_convertible']?.status).toBe('pass');
  });

  it('cuts a huge file at the byte budget and says so', async () => {
    const { context, results } = await inspectResource(
      { url: server.url('/huge.csv') },
      options({ fields: fields('名稱,數量') }),
    );
    expect(context.body).toMatchObject({ bytes: 1024 * 1024, truncated: true });
    expect(results['downloadable']?.status).toBe('pass');
  });

  it('an API with an OpenAPI document passes api_conformance; without one it fails', async () => {
    const api = { kind: 'api' as const, format: 'JSON' };
    const documented = await inspectResource(
      { url: server.url('/api/shelters') },
      options({ ...api, oasUrl: server.url('/oas.json') }),
    );
    expect(documented.results['api_conformance']).toMatchObject({
      status: 'pass',
      evidence: { oasVersion: '3.0.3' },
    });
    expect(documented.badge).toBe('gold'); // no metadata record given: metadata_complete does not apply
    const bare = await inspectResource({ url: server.url('/api/shelters') }, options(api));
    expect(bare.results['api_conformance']?.status).toBe('fail');
    expect(bare.badge).toBe('none');
  });

  it('a local file skips linkable and gets the same verdicts otherwise', async () => {
    const { results } = await inspectResource({ file: `${REAL_FILES}taitung-shelters-twd97.csv` }, options());
    expect(statuses(results)).toMatchObject({
      linkable: 'not_applicable',
      downloadable: 'pass',
      fields_match: 'pass',
    });
  });
});
