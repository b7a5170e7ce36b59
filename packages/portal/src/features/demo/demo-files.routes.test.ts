import Fastify, { type FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasets, getDataset } from '../datasets/dataset.service.ts';
import type { DatasetRecord, ResourceRecord } from '../datasets/dataset.record.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { demoFilesRoutes } from './demo-files.routes.ts';
import { generateDemoFile } from './demo-generated-file.ts';
import { realDemoDatasets } from './demo-real-datasets.ts';
import { REAL_FILES, realFilePath } from './demo-real-files.ts';
import { prepareDemoCatalogue } from './demo-seed.ts';

const PUBLIC_URL = 'http://127.0.0.1:3999';
const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

describe(`GET /demo-files on ${dialect}`, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  let datasets: DatasetRecord[];

  beforeAll(async () => {
    t = await openTestDatabase();
    const { catalogue } = await prepareDemoCatalogue(t, { publicUrl: PUBLIC_URL });
    const items = [...realDemoDatasets(catalogue), ...catalogue.synthetic(0, 200)];
    await catalogue.saveAgencyCodes(t, new Date());
    datasets = await createDatasets(t, items, { actor: 'test' });
    app = Fastify();
    await app.register(demoFilesRoutes, { catalogue: t });
    bare = Fastify();
    await bare.register(demoFilesRoutes);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await bare.close();
    await t.destroy();
  });

  const pathOf = (url: string | null) => new URL(url ?? '').pathname;
  const generated = (format: string): ResourceRecord => {
    const found = datasets
      .flatMap((d) => d.distribution)
      .find((r) => r.format === format && (r.downloadURL ?? r.accessURL)?.includes('/generated/'));
    if (!found) throw new Error(`no generated ${format} resource`);
    return found;
  };

  it.each(REAL_FILES.map((f) => [f.name, f] as const))(
    'serves %s byte for byte with its type and validators',
    async (_name, file) => {
      const res = await app.inject({ method: 'GET', url: `/demo-files/${file.name}` });
      const bytes = readFileSync(realFilePath(file));
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(bytes)).toBe(true);
      expect(res.headers['content-type']).toBe(file.contentType);
      expect(Number(res.headers['content-length'])).toBe(bytes.length);
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(Date.parse(String(res.headers['last-modified']))).toBeGreaterThan(0);
    },
  );

  it('labels the CP950 files big5', async () => {
    const res = await app.inject({ method: 'GET', url: '/demo-files/dgpa-calendar-114-cp950.csv' });
    expect(res.headers['content-type']).toBe('text/csv; charset=big5');
    expect(new TextDecoder('big5').decode(res.rawPayload)).toMatch(/^西元日期,星期,是否放假,備註/);
  });

  it('answers 304 when the client has the same bytes', async () => {
    const first = await app.inject({ method: 'GET', url: '/demo-files/taitung-shelters-twd97.csv' });
    const again = await app.inject({
      method: 'GET',
      url: '/demo-files/taitung-shelters-twd97.csv',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it.each([
    'SOURCES.md',
    'nothing.csv',
    '..%2F..%2Fpackage.json',
    '%2e%2e%2f%2e%2e%2fpackage.json',
    '..%5C..%5Cpackage.json',
    'generated',
    'taitung-shelters-twd97.csv%00.txt',
  ])('refuses /demo-files/%s with 404', async (name) => {
    const res = await app.inject({ method: 'GET', url: `/demo-files/${name}` });
    expect(res.statusCode).toBe(404);
  });

  it('refuses paths that climb out of the directory', async () => {
    for (const url of [
      '/demo-files/../package.json',
      '/demo-files/../../../../etc/passwd',
      '/demo-files/generated/../SOURCES.md',
    ]) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });

  it('generates a stable file with the columns of the dataset', async () => {
    const resource = generated('CSV');
    const dataset = await getDataset(t, resource.resourceID.slice(0, 17));
    const url = pathOf(resource.downloadURL);
    const a = await app.inject({ method: 'GET', url });
    const b = await app.inject({ method: 'GET', url });
    expect(a.statusCode).toBe(200);
    expect(a.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(a.rawPayload.equals(b.rawPayload)).toBe(true);
    expect(a.headers.etag).toBe(b.headers.etag);
    const spec = {
      resourceID: resource.resourceID,
      ext: 'csv' as const,
      title: dataset.title,
      fields: dataset.fields,
    };
    expect(a.rawPayload.equals(generateDemoFile(spec))).toBe(true);
    const lines = a.rawPayload
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(dataset.fields.map((f) => f.title ?? f.name).join(','));
    expect(lines).toHaveLength((resource.resourceAmount ?? 0) + 1);
  });

  it('generates JSON, XML, XLSX, ODS and PDF that look like what they claim', async () => {
    const json = await app.inject({ method: 'GET', url: pathOf(generated('JSON').downloadURL) });
    const rows = JSON.parse(json.body) as Record<string, unknown>[];
    expect(rows.length).toBe(generated('JSON').resourceAmount);
    const api = await app.inject({ method: 'GET', url: pathOf(generated('API').accessURL) });
    expect(api.headers['content-type']).toBe('application/json; charset=utf-8');
    const xml = await app.inject({ method: 'GET', url: pathOf(generated('XML').downloadURL) });
    expect(xml.body).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<dataset title="[^"]+">\n {2}<record>/,
    );
    for (const [format, magic] of [
      ['XLSX', 'PK'],
      ['ODS', 'PK'],
      ['PDF', '%PDF-1.4'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url: pathOf(generated(format).downloadURL) });
      expect([format, res.statusCode, res.rawPayload.subarray(0, magic.length).toString('latin1')]).toEqual([
        format,
        200,
        magic,
      ]);
    }
    const ods = await app.inject({ method: 'GET', url: pathOf(generated('ODS').downloadURL) });
    expect(ods.rawPayload.subarray(30, 38).toString('latin1')).toBe('mimetype');
  });

  it('generates nothing for a resource that is not a generated one', async () => {
    const real = datasets[0]?.distribution[0]?.resourceID;
    const csv = generated('CSV').resourceID;
    for (const name of [
      `${real}.csv`,
      `${csv}.json`,
      'A00000000G-999999-001.csv',
      `${csv}.exe`,
      'not-an-id.csv',
    ]) {
      expect(
        (await app.inject({ method: 'GET', url: `/demo-files/generated/${name}` })).statusCode,
        name,
      ).toBe(404);
    }
  });

  it('without a catalogue, generates a generic table for any resourceID', async () => {
    const res = await bare.inject({ method: 'GET', url: '/demo-files/generated/A00000000G-000001-001.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('編號,名稱,行政區,數值,日期');
  });
});
