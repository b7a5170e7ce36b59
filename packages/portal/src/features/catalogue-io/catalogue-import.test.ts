import { organizationRow } from '../../test/factories.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { insertOrganization } from '../organizations/organization.repo.ts';
import { listVersions } from '../datasets/dataset.repo.ts';
import { getDataset } from '../datasets/dataset.service.ts';
import { CATALOGUE_COLUMNS, type CatalogueColumn } from './catalogue-columns.ts';
import { BOM, stringifyCatalogueRows } from './catalogue-csv-write.ts';
import { exportCatalogue } from './catalogue-export.ts';
import { importCatalogue } from './catalogue-import.ts';
import { seedVariedCatalogue } from './catalogue.fixtures.ts';
import type { ImportProblem } from './import-problem.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await seedVariedCatalogue(t);
});
afterAll(async () => {
  await t.destroy();
});

const BASE_ROW: Record<CatalogueColumn, string> = {
  資料集識別碼: '9001',
  資料集名稱: '宜蘭縣殯葬設施一覽表',
  資料提供屬性: '檔案資料',
  服務分類: '生命禮儀',
  品質檢測: '',
  檔案格式: 'CSV',
  資料下載網址: 'https://opendata.e-land.gov.tw/a.csv',
  編碼格式: 'UTF-8',
  資資料集上架方式: '匯入/收割',
  資料集描述: '目前宜蘭縣提供宜蘭縣殯葬設施一覽表',
  主要欄位說明: '名稱、地址、電話',
  提供機關: '宜蘭縣政府',
  更新頻率: '每1月',
  授權方式: '政府資料開放授權條款-第1版',
  相關網址: '',
  計費方式: '免費',
  提供機關聯絡人姓名: '林小姐',
  提供機關聯絡人電話: '(03)925-1000',
  上架日期: '2018-01-02 09:00:00',
  詮釋資料更新時間: '2018-01-02 09:00:00',
  備註: '',
  資料量: '',
};

const row = (overrides: Partial<Record<CatalogueColumn, string>> = {}): string[] =>
  CATALOGUE_COLUMNS.map((c) => overrides[c] ?? BASE_ROW[c]);

const csvFile = (rows: string[][]): Buffer =>
  Buffer.from(BOM + stringifyCatalogueRows([[...CATALOGUE_COLUMNS], ...rows]), 'utf8');

async function datasetCount(): Promise<number> {
  const r = await t.db
    .selectFrom('datasets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function importError(bytes: Uint8Array): Promise<AppError> {
  const before = await datasetCount();
  const error = await importCatalogue(t, bytes, { fileName: 'bad.csv' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('IMPORT_INVALID');
  expect(await datasetCount()).toBe(before);
  return error as AppError;
}

describe(`catalogue import on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('rejects the whole file, naming physical line and column of every bad row, and writes nothing', async () => {
    const file = csvFile([
      row({ 資料集識別碼: '9101' }), // line 2
      row({ 資料集識別碼: '9102', 資料集描述: '第一行\n第二行\n第三行' }), // lines 3–5
      row({ 資料集識別碼: '9103' }).slice(0, 21), // line 6: 21 columns
      row({ 資料集識別碼: '9104', 服務分類: '生活', 備註: '多行\n備註' }), // lines 7–8
      row({
        資料集識別碼: '9105',
        資料下載網址: 'https://a.gov.tw/a.csv;ftp://b.gov.tw/b.csv',
        檔案格式: 'CSV;XML',
        編碼格式: 'UTF-8;UTF-8',
      }), // line 9
    ]);
    const e = await importError(file);
    expect(e.message).toContain('line 6, column 資料量: missing (the row has 21 of 22 columns)');
    expect(e.message).toContain('line 7, column 服務分類: unknown category 生活');
    expect(e.message).toContain('line 9, column 資料下載網址: not an http(s) URL: ftp://b.gov.tw/b.csv');
    expect((e.details as ImportProblem[]).map((p) => [p.line, p.column])).toEqual([
      [6, '資料量'],
      [7, '服務分類'],
      [9, '資料下載網址'],
    ]);
    expect(await getDataset(t, 9101).catch((x: AppError) => x.code)).toBe('DATASET_NOT_FOUND');
  });

  it.each([
    [{ 授權方式: 'MIT' }, '授權方式', 'unknown licence MIT'],
    [{ 更新頻率: '偶爾' }, '更新頻率', 'unknown update frequency 偶爾'],
    [{ 品質檢測: '鑽石' }, '品質檢測', 'unknown quality badge'],
    [{ 資料提供屬性: '網頁' }, '資料提供屬性', 'unknown 資料提供屬性'],
    [{ 相關網址: 'www.e-land.gov.tw' }, '相關網址', 'not an http(s) URL'],
    [{ 檔案格式: 'CSV;JSON' }, '資料下載網址', '1 values but 檔案格式 has 2'],
    [{ 資料量: '十二' }, '資料量', 'not a whole number'],
    [{ 資料集識別碼: 'A41000000G-000001' }, '資料集識別碼', 'not a serial number'],
    [{ 資料集名稱: '' }, '資料集名稱', ''],
    [{ 計費方式: '付費' }, '計費方式', 'costURL is required when cost is 付費'],
  ] as const)('rejects %o at column %s', async (overrides, column, message) => {
    const e = await importError(
      csvFile([row({ 資料集識別碼: '9200' }), row({ 資料集識別碼: '9201', ...overrides })]),
    );
    expect(e.message).toContain(`line 3, column ${column}: ${message}`);
  });

  it('rejects an unknown header, a repeated datasetId and a CSV syntax error', async () => {
    const header = [...CATALOGUE_COLUMNS] as string[];
    header[3] = '分類';
    const badHeader = Buffer.from(stringifyCatalogueRows([header, row()]), 'utf8');
    expect((await importError(badHeader)).message).toBe(
      'line 1, column 分類: unknown column in position 4 (expected 服務分類)',
    );
    const twice = await importError(csvFile([row(), row({ 資料集名稱: '另一個' })]));
    expect(twice.message).toBe('line 3, column 資料集識別碼: dataset 9001 is also at line 2');
    const unclosed = Buffer.concat([csvFile([row()]), Buffer.from('9002,"未結束的引號\r\n', 'utf8')]);
    expect((await importError(unclosed)).message).toBe('line 3: CSV syntax: a quoted value is never closed');
  });

  it('re-imports an unchanged export without writing anything', async () => {
    const exported = await exportCatalogue(t, 'csv');
    const summary = await importCatalogue(t, Buffer.from(exported, 'utf8'), { fileName: 'same.csv' });
    expect(summary).toMatchObject({
      format: 'csv',
      encoding: 'UTF-8',
      bom: true,
      datasets: 6,
      created: 0,
      updated: 0,
      unchanged: 6,
    });
    expect((await listVersions(t.db, 101)).map((v) => v.action)).toEqual(['create']);
  });

  it('updates changed datasets in place and records an import version', async () => {
    const exported = await exportCatalogue(t, 'csv');
    const changed = exported
      .replace('\r\n101,雨量站觀測資料,', '\r\n101,雨量站逐時觀測資料,')
      .replace(
        'CSV;ODS,https://example.gov.tw/pop.csv;https://example.gov.tw/pop.ods,UTF-8;BIG5',
        'CSV;ODS;JSON,https://example.gov.tw/pop.csv;https://example.gov.tw/pop.ods;https://example.gov.tw/pop.json,UTF-8;BIG5;UTF-8',
      )
      .replace(',0;\r\n', ',0;;5\r\n');
    expect(changed).not.toBe(exported);
    const summary = await importCatalogue(t, Buffer.from(changed, 'utf8'), { fileName: '/tmp/changed.csv' });
    expect(summary).toMatchObject({ created: 0, updated: 2, unchanged: 4 });

    const rain = await getDataset(t, 101);
    expect(rain).toMatchObject({ identifier: 'A41000000G-000101', title: '雨量站逐時觀測資料', version: 2 });
    expect(rain.distribution[0]?.resourceDescription).toBe('資料 CSV');
    const [latest] = await listVersions(t.db, 101);
    expect(latest).toMatchObject({ version: 2, actor: 'import:changed.csv', action: 'import' });
    expect(latest?.changes).toEqual({ title: { from: '雨量站觀測資料', to: '雨量站逐時觀測資料' } });

    const population = await getDataset(t, 204);
    expect(population.status).toBe('historical');
    expect(population.distribution.map((r) => [r.resourceID, r.format, r.resourceAmount])).toEqual([
      ['A41000000G-000204-001', 'CSV', 0],
      ['A41000000G-000204-002', 'ODS', null],
      ['A41000000G-000204-003', 'JSON', 5],
    ]);
    expect((await getDataset(t, 203)).type).toBe('TOOLS');
    expect(await exportCatalogue(t, 'csv')).toBe(changed);
  });

  it("derives new identifiers from the publisher's agency code, else a synthetic one, and allocates missing serials", async () => {
    await insertOrganization(
      t.db,
      organizationRow({
        oid: '2.16.886.101.20003.20007.20014',
        agencyCode: '313200000G',
        nameZh: '經濟部水利署',
      }),
    );
    const summary = await importCatalogue(
      t,
      csvFile([
        row({
          資料集識別碼: '216',
          提供機關: '經濟部水利署',
          檔案格式: 'JSON;CSV',
          資料下載網址: 'https://a.gov.tw/1;https://a.gov.tw/2',
          編碼格式: 'UTF-8;UTF-8',
        }),
        row({ 資料集識別碼: '', 提供機關: '宜蘭縣政府' }),
      ]),
      { fileName: 'new.csv' },
    );
    expect(summary).toMatchObject({ created: 2, updated: 0 });
    const wra = await getDataset(t, 216);
    expect(wra.identifier).toBe('313200000G-000216');
    expect(wra.organizationId).not.toBeNull();
    expect(wra.distribution.map((r) => r.resourceID)).toEqual([
      '313200000G-000216-001',
      '313200000G-000216-002',
    ]);
    const yilan = await getDataset(t, 403);
    expect(yilan.identifier).toMatch(/^X_[0-9A-Z]{8}-000403$/);
    expect((await listVersions(t.db, 403))[0]).toMatchObject({ actor: 'import:new.csv', action: 'import' });
  });
});
