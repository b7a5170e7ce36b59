import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { getDataset } from '../datasets/dataset.service.ts';
import { CATALOGUE_COLUMNS } from './catalogue-columns.ts';
import { exportCatalogue } from './catalogue-export.ts';
import { importCatalogue } from './catalogue-import.ts';
import { emptyCatalogue, PUBLIC_COUNT, seedVariedCatalogue } from './catalogue.fixtures.ts';

let t: TestDatabase;
let exported: string;
const seeded = new Map<number, DatasetRecord>();
beforeAll(async () => {
  t = await openTestDatabase();
  await seedVariedCatalogue(t);
  for (const id of [101, 102]) seeded.set(id, await getDataset(t, id));
  exported = await exportCatalogue(t, 'csv');
});
afterAll(async () => {
  await t.destroy();
});

/** Imports into an emptied catalogue and exports again. */
async function roundTrip(bytes: Uint8Array, fileName: string): Promise<string> {
  await emptyCatalogue(t);
  const summary = await importCatalogue(t, bytes, { fileName });
  expect(summary).toMatchObject({ datasets: PUBLIC_COUNT, created: PUBLIC_COUNT, updated: 0, unchanged: 0 });
  return exportCatalogue(t, 'csv');
}

describe(`catalogue CSV export and import on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('writes the 22-column export: BOM, exact header, CRLF, public datasets by datasetId', () => {
    const header = `\uFEFF${CATALOGUE_COLUMNS.join(',')}\r\n`;
    expect(header).toContain(',資資料集上架方式,');
    expect(exported.startsWith(header)).toBe(true);
    const ids = [...exported.matchAll(/\r\n(\d+),/g)].map((m) => Number(m[1]));
    expect(ids).toEqual([101, 102, 203, 204, 305, 306]);
    expect(exported).not.toContain('草稿不匯出');
    expect(exported).not.toContain('已下架不匯出');
  });

  it('joins per-resource values with ; and maps the vocabularies to their labels', () => {
    const line = exported.split('\r\n').find((l) => l.startsWith('101,')) as string;
    expect(line).toContain(
      ',白金,CSV;JSON;XML,https://example.gov.tw/rain.csv;https://example.gov.tw/rain.json;https://example.gov.tw/rain.xml%3Bjsessionid=1,UTF-8;UTF-8;UTF-8,手動,',
    );
    expect(line).toContain(',政府資料開放授權條款-第1版,');
    expect(line.endsWith(',1200;1200;')).toBe(true);
    expect(exported).toContain(
      '\r\n102,"臺北市""好行""公車, 路線與站牌",API服務,交通及通訊,金,API,https://api.example.gov.tw/bus,UTF-8,系統介接程式,',
    );
    expect(exported).toContain('\r\n203,公文範本工具,檔案資料,公共資訊,銀,,,,匯入/收割,');
  });

  it('quotes only values that need it, keeping line breaks inside descriptions', () => {
    expect(exported).toContain('"全國雨量站每小時觀測資料。\n第二行：含換行。"');
    expect(exported).toContain('"備註第一行\r\n備註第二行"');
    expect(exported).not.toMatch(/"雨量站觀測資料"/);
  });

  it('exports, imports into an empty catalogue and exports again byte for byte', async () => {
    const again = await roundTrip(Buffer.from(exported, 'utf8'), 'export.csv');
    expect(Buffer.from(again, 'utf8').equals(Buffer.from(exported, 'utf8'))).toBe(true);
  });

  it('imports the header without the doubled 資, a CP950 copy and a copy without BOM to the same result', async () => {
    const single = exported.replace(',資資料集上架方式,', ',資料集上架方式,');
    expect(single).not.toBe(exported);
    expect(await roundTrip(Buffer.from(single, 'utf8'), 'single.csv')).toBe(exported);
    const cp950 = iconv.encode(exported.slice(1), 'cp950');
    expect(iconv.decode(cp950, 'cp950')).toBe(exported.slice(1));
    expect(await roundTrip(cp950, 'big5.csv')).toBe(exported);
    expect(await roundTrip(Buffer.from(exported.slice(1), 'utf8'), 'no-bom.csv')).toBe(exported);
  });

  it('keeps datasetIds, system fields and resource order; derives identifiers and resource ids', async () => {
    await roundTrip(Buffer.from(exported, 'utf8'), 'export.csv');
    const before = seeded.get(101) as DatasetRecord;
    const after = await getDataset(t, 101);
    expect(after).toMatchObject({
      datasetId: 101,
      qualityBadge: 'platinum',
      publicationMethod: 'manual',
      publishedAt: before.publishedAt,
      metadataModifiedAt: before.metadataModifiedAt,
      status: 'published',
    });
    expect(before.identifier).toBe('A41000000G-000101');
    expect(after.identifier).toMatch(/^X_[0-9A-Z]{8}-000101$/);
    expect(after.distribution.map((r) => [r.resourceID.slice(-4), r.format, r.resourceAmount])).toEqual([
      ['-001', 'CSV', 1200],
      ['-002', 'JSON', 1200],
      ['-003', 'XML', null],
    ]);
    const api = await getDataset(t, 102);
    expect(api.type).toBe('SERVICES');
    expect(api.distribution[0]).toMatchObject({
      accessURL: 'https://api.example.gov.tw/bus',
      downloadURL: null,
    });
  });
});
