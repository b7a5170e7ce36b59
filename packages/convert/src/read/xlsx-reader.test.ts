import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sniffInputKind } from '../pipeline/input-kind.ts';
import { cellText, readXlsxFile, tableBlocks } from './xlsx-reader.ts';
import { convertAny } from '../test/conversion-helpers.ts';
import { openZip } from './zip-entries.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'odp-xlsx-'));
const workbookPath = path.join(dir, 'population.xlsx');
/** The same workbook named `.csv`: the bytes decide, not the extension. */
const misnamedPath = path.join(dir, 'population.csv');

async function makeWorkbook(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const people = workbook.addWorksheet('人口');
  people.addRow(['臺東縣人口統計表']);
  people.mergeCells('A1:E1');
  people.addRow(['鄉鎮', '地區', null, '戶數', '更新日期']);
  people.addRow([null, '男', '女']);
  people.mergeCells('A2:A3');
  people.mergeCells('B2:C2');
  people.mergeCells('D2:D3');
  people.mergeCells('E2:E3');
  people.addRow(['臺東市', 52000, 52500, 41000, new Date(Date.UTC(2024, 0, 31))]);
  people.addRow(['成功鎮', 6800, { formula: 'B5-600', result: 6200 }, 5100, new Date(Date.UTC(2024, 1, 29))]);
  people.addRow([
    { richText: [{ text: '關' }, { text: '山鎮' }] },
    4300,
    4100,
    3300,
    new Date(Date.UTC(2024, 2, 1)),
  ]);
  people.addRow(['合計', 63100, 62800, 49400, null]);
  people.addRow(['資料來源：臺東縣政府民政處']);
  const area = workbook.addWorksheet('面積');
  area.addRow(['鄉鎮', '面積(平方公里)']);
  area.addRow(['臺東市', 109.7691]);
  area.addRow(['成功鎮', 143.9979]);
  const two = workbook.addWorksheet('兩表');
  two.addRow(['項目', '數量']);
  two.addRow(['甲', 1]);
  two.addRow([]);
  two.addRow(['村里', '人口']);
  for (let i = 1; i <= 5; i++) two.addRow([`第${i}鄰`, i * 100]);
  await workbook.xlsx.writeFile(workbookPath);
  await workbook.xlsx.writeFile(misnamedPath);
}

/** 縣市 merged down over its 鄉鎮 rows, under a title and a one-row header; a merged total label. */
const townsPath = path.join(dir, 'towns.xlsx');

async function makeTownsWorkbook(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const towns = workbook.addWorksheet('鄉鎮');
  towns.addRow(['東部鄉鎮人口']);
  towns.mergeCells('A1:C1');
  towns.addRow(['縣市', '鄉鎮', '人口']);
  towns.addRow(['臺東縣', '臺東市', 104500]);
  towns.addRow([null, '成功鎮', 13000]);
  towns.addRow([null, '關山鎮', 8400]);
  towns.mergeCells('A3:A5');
  towns.addRow(['花蓮縣', '花蓮市', 98000]);
  towns.addRow([null, '吉安鄉', 76000]);
  towns.mergeCells('A6:A7');
  towns.addRow(['合計', null, 299900]);
  towns.mergeCells('A8:B8');
  await workbook.xlsx.writeFile(townsPath);
}

async function cellsOf(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const record of readXlsxFile(file, {})) rows.push(record.cells);
  return rows;
}

beforeAll(async () => {
  await makeWorkbook();
  await makeTownsWorkbook();
});

describe('XLSX', () => {
  it('cell values as text', () => {
    expect(cellText(new Date(Date.UTC(2024, 0, 31)))).toBe('2024-01-31');
    expect(cellText(new Date(Date.UTC(2024, 0, 31, 8, 30)))).toBe('2024-01-31T08:30:00');
    expect(cellText({ formula: 'A1*2', result: 0.5 })).toBe('0.5');
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(cellText(null)).toBe('');
    expect(cellText(true)).toBe('true');
  });

  it('splits a sheet into tables on empty rows, largest first', () => {
    expect(tableBlocks([1, 2, 4, 5, 6])).toEqual([
      { first: 4, last: 6 },
      { first: 1, last: 2 },
    ]);
  });

  it('is sniffed from its bytes, even when named .csv', async () => {
    expect(await sniffInputKind(workbookPath)).toBe('xlsx');
    expect(await sniffInputKind(misnamedPath)).toBe('xlsx');
  });

  it('yields the rows of the first sheet with merged cells in their top-left cell', async () => {
    const rows: string[][] = [];
    const source = readXlsxFile(workbookPath, {});
    for await (const record of source) rows.push(record.cells);
    expect(rows[0]).toEqual(['臺東縣人口統計表']);
    expect(rows[1]).toEqual(['鄉鎮', '地區', '', '戶數', '更新日期']);
    expect(rows[2]).toEqual(['', '男', '女']);
    expect(rows[4]).toEqual(['成功鎮', '6800', '6200', '5100', '2024-02-29']);
    expect(source.summary.part).toBe('人口');
  });

  it('converts to JSON: grouped header flattened, title/total/footnote rows gone, numbers typed', async () => {
    for (const input of [workbookPath, misnamedPath]) {
      const { report, text } = await convertAny(input, { to: 'json' });
      const rows = JSON.parse(text) as Record<string, unknown>[];
      expect(report.columns.map((c) => c.name)).toEqual([
        '鄉鎮',
        '地區 - 男',
        '地區 - 女',
        '戶數',
        '更新日期',
      ]);
      expect(rows).toEqual([
        { 鄉鎮: '臺東市', '地區 - 男': 52000, '地區 - 女': 52500, 戶數: 41000, 更新日期: '2024-01-31' },
        { 鄉鎮: '成功鎮', '地區 - 男': 6800, '地區 - 女': 6200, 戶數: 5100, 更新日期: '2024-02-29' },
        { 鄉鎮: '關山鎮', '地區 - 男': 4300, '地區 - 女': 4100, 戶數: 3300, 更新日期: '2024-03-01' },
      ]);
      expect(report.rows).toMatchObject({ droppedTotals: 1, droppedFootnotes: 1 });
      expect(report.input.part).toBe('人口');
    }
  });

  it('reads the sheet named by the sheet option', async () => {
    const { report, text } = await convertAny(workbookPath, { to: 'json', sheet: '面積' });
    expect(JSON.parse(text)).toEqual([
      { 鄉鎮: '臺東市', '面積(平方公里)': 109.7691 },
      { 鄉鎮: '成功鎮', '面積(平方公里)': 143.9979 },
    ]);
    expect(report.input.part).toBe('面積');
  });

  it('reads the largest of several tables in a sheet and says so', async () => {
    const { report, text } = await convertAny(workbookPath, { to: 'csv', sheet: '兩表' });
    expect(text.split('\r\n')[0]).toBe('村里,人口');
    expect(report.rows.written).toBe(5);
    expect(report.warnings).toContain('sheet 兩表 has 2 tables; read rows 4–9 (not 1–2)');
  });

  it('names the sheets when the one asked for is missing', async () => {
    await expect(convertAny(workbookPath, { to: 'csv', sheet: '土地' })).rejects.toMatchObject({
      code: 'SHEET_NOT_FOUND',
      message: expect.stringContaining('人口, 面積, 兩表') as unknown as string,
    });
  });

  it('fills a vertical merge in the body down its rows; horizontal ones stay in their top-left cell', async () => {
    expect(await cellsOf(townsPath)).toEqual([
      ['東部鄉鎮人口'],
      ['縣市', '鄉鎮', '人口'],
      ['臺東縣', '臺東市', '104500'],
      ['臺東縣', '成功鎮', '13000'],
      ['臺東縣', '關山鎮', '8400'],
      ['花蓮縣', '花蓮市', '98000'],
      ['花蓮縣', '吉安鄉', '76000'],
      ['合計', '', '299900'],
    ]);
    const { text } = await convertAny(townsPath, { to: 'json' });
    const rows = JSON.parse(text) as Record<string, unknown>[];
    expect(rows.map((row) => row['縣市'])).toEqual(['臺東縣', '臺東縣', '臺東縣', '花蓮縣', '花蓮縣']);
  });

  it('reads an exceljs workbook (xl/workbook.xml stored last) 30 times over without failing', async () => {
    const zip = await openZip(workbookPath);
    expect(zip.entries.filter((e) => !e.directory).at(-1)?.name).toBe('xl/workbook.xml');
    zip.close();
    const expected = await cellsOf(workbookPath);
    expect(expected).toHaveLength(8);
    for (let i = 0; i < 30; i++) expect(await cellsOf(workbookPath)).toEqual(expected);
  });
});
