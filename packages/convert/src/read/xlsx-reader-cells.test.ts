import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialDate } from './xlsx-cell-value.ts';
import { readXlsxFile } from './xlsx-reader.ts';
import { isDateFormat } from './xlsx-styles.ts';
import { type TestWorkbook, writeTestWorkbook } from './xlsx-test-workbook.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'odp-xlsx-cells-'));
let files = 0;

function workbook(book: TestWorkbook): string {
  const file = path.join(dir, `book-${++files}.xlsx`);
  writeTestWorkbook(file, book);
  return file;
}

async function rowsOf(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const record of readXlsxFile(file, {})) rows.push(record.cells);
  return rows;
}

const n = (ref: string, value: string | number, style = 0) =>
  `<c r="${ref}" s="${style}"><v>${value}</v></c>`;

describe('XLSX cells', () => {
  it('dates from built-in format 14, 22 and custom date formats; other formats stay numbers', async () => {
    const file = workbook({
      numFmts: { 176: '[$-404]e/m/d', 177: 'yyyy"年"m"月"d"日"', 178: '#,##0"日"', 179: '0.00E+00' },
      styles: [0, 14, 22, 176, 177, 178, 179],
      rows: `<row r="1">${[1, 2, 3, 4, 5, 6].map((s, i) => n(`${'ABCDEF'[i]}1`, 45322, s)).join('')}</row>
        <row r="2">${n('A2', 45322.5, 2)}${n('B2', 1, 1)}${n('C2', 1e-3)}${n('D2', 109.7691)}</row>`,
    });
    expect(await rowsOf(file)).toEqual([
      ['2024-01-31', '2024-01-31', '2024-01-31', '2024-01-31', '45322', '45322'],
      ['2024-01-31T12:00:00', '1900-01-01', '0.001', '109.7691'],
    ]);
  });

  it('honours the 1904 date system', async () => {
    const file = workbook({
      date1904: true,
      styles: [0, 14],
      rows: `<row r="1">${n('A1', 43860, 1)}${n('B1', 0, 1)}</row>`,
    });
    expect(await rowsOf(file)).toEqual([['2024-01-31', '1904-01-01']]);
  });

  it('reads serial dates as Excel counts them', () => {
    expect(serialDate(61, false)?.toISOString()).toBe('1900-03-01T00:00:00.000Z');
    expect(serialDate(59, false)?.toISOString()).toBe('1900-02-28T00:00:00.000Z');
    expect(serialDate(45322 + 8.5 / 24 - 1e-9, false)?.toISOString()).toBe('2024-01-31T08:30:00.000Z');
    expect(serialDate(-1, false)).toBeUndefined();
  });

  it('tells date formats from others', () => {
    for (const code of [
      'yyyy-mm-dd',
      'h:mm AM/PM',
      '[$-404]e/m/d',
      '[h]:mm:ss',
      'mm"月"dd"日"',
      '[Red]d-mmm',
    ])
      expect(isDateFormat(code), code).toBe(true);
    for (const code of [
      'General',
      '0.00',
      '#,##0"日"',
      '0.00E+00',
      '"m" 0',
      '\\d0',
      '[Red]#,##0;[Blue]-#,##0',
      '@',
    ])
      expect(isDateFormat(code), code).toBe(false);
  });

  it('inline strings (rich runs joined, phonetic runs left out), shared strings, formula strings', async () => {
    const file = workbook({
      sharedStrings: ['臺東市', 'a_x000D_b'],
      rows: `<row r="1">
        <c r="A1" t="inlineStr"><is><t>關山鎮</t></is></c>
        <c r="B1" t="inlineStr"><is><r><t>池</t></r><r><rPr><b/></rPr><t>上鄉</t></r><rPh sb="0" eb="1"><t>ちじょう</t></rPh></is></c>
        <c r="C1" t="s"><v>0</v></c>
        <c r="D1" t="str"><f>A1&amp;"!"</f><v>關山鎮!</v></c>
        <c r="E1" t="s"><v>1</v></c>
        <c r="F1"><f>1+1</f><v>2</v></c>
        <c r="G1"><f>NOW()</f></c>
        <c r="H1" t="inlineStr"><is><t>&lt;&amp;&gt;</t></is></c>
      </row>`,
    });
    expect(await rowsOf(file)).toEqual([['關山鎮', '池上鄉', '臺東市', '關山鎮!', 'a\rb', '2', '', '<&>']]);
  });

  it('booleans and error values', async () => {
    const file = workbook({
      rows: `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`,
    });
    expect(await rowsOf(file)).toEqual([['true', 'false', '#N/A', '#DIV/0!']]);
  });

  it('places cells by reference, and without one after the previous; a blank row ends a table', async () => {
    const file = workbook({
      rows: `<row r="1"><c r="C1" t="inlineStr"><is><t>c</t></is></c><c t="inlineStr"><is><t>d</t></is></c></row>
        <row><c r="A2"><v>2</v></c></row>
        <row r="3"><c r="A3" s="0"/><c r="B3" t="inlineStr"><is><t> </t></is></c></row>
        <row r="4"><c r="A4"><v>4</v></c></row>`,
    });
    const rows: { cells: string[]; line: number }[] = [];
    for await (const record of readXlsxFile(file, {})) rows.push(record);
    expect(rows).toEqual([
      { cells: ['', '', 'c', 'd'], line: 1 },
      { cells: ['2'], line: 2 },
    ]);
  });

  it('reads a sheet whose elements carry a namespace prefix', async () => {
    const file = workbook({
      sheetXml: `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c r="B1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    expect(await rowsOf(file)).toEqual([['甲', '1']]);
  });
});

describe('XLSX guards', () => {
  const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>鄉鎮</t></is></c></row>`;

  it('a truncated XLSX is CORRUPT_FILE', async () => {
    const file = workbook({ rows });
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    await expect(rowsOf(file)).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
  });

  it('a sheet whose XML is cut short or malformed is CORRUPT_FILE', async () => {
    for (const sheetXml of [
      `<worksheet><sheetData>${rows}<row r="2"><c r="A2"`,
      `<worksheet><sheetData>${rows}</worksheet>`,
    ]) {
      await expect(rowsOf(workbook({ sheetXml }))).rejects.toMatchObject({
        code: 'CORRUPT_FILE',
        message: expect.stringContaining('xl/worksheets/sheet1.xml') as unknown as string,
      });
    }
  });

  it('refuses a DOCTYPE declaring entities, internal or external, before any expands', async () => {
    for (const entity of ['<!ENTITY a "aaaaaaaaaa">', '<!ENTITY a SYSTEM "file:///etc/passwd">']) {
      const sheetXml = `<?xml version="1.0"?><!DOCTYPE worksheet [${entity}]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>`;
      await expect(rowsOf(workbook({ sheetXml }))).rejects.toMatchObject({ code: 'XML_ENTITY_REFUSED' });
    }
  });

  it('a sheet inflating past its declared size is stopped as a zip bomb', async () => {
    const big = `<row r="1">${'<c r="A1"><v>1</v></c>'.repeat(5000)}</row>`;
    const file = workbook({ rows: big, declaredSheetSize: 2000 });
    await expect(rowsOf(file)).rejects.toMatchObject({ code: 'ZIP_BOMB' });
  });

  it('a workbook without a sheet with data is EMPTY_FILE', async () => {
    await expect(rowsOf(workbook({ rows: '<row r="1"><c r="A1"/></row>' }))).rejects.toMatchObject({
      code: 'EMPTY_FILE',
    });
  });

  it.runIf(existsSync('/proc/self/fd'))(
    'releases the file when the table ends before the sheet does',
    async () => {
      const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
      const table = Array.from({ length: 100 }, (_, i) => row(i + 1, n(`A${i + 1}`, i))).join('');
      // Two wide rows of incompressible text: the archive holds far more than a read buffer after the table.
      const noise = () => `<c t="inlineStr"><is><t>${randomBytes(64).toString('base64')}</t></is></c>`;
      const wide = (r: number) => row(r, Array.from({ length: 4000 }, noise).join(''));
      const file = workbook({ rows: table + wide(102) + wide(103) });
      const target = (fd: string) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      };
      const handles = () => readdirSync('/proc/self/fd').filter((fd) => target(fd) === file).length;
      for (let i = 0; i < 5; i++) expect(await rowsOf(file)).toHaveLength(100);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(handles()).toBe(0);
    },
  );
});
