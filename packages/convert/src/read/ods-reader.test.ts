import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sniffInputKind } from '../pipeline/input-kind.ts';
import { convertAny } from '../test/conversion-helpers.ts';
import { writeTestZip } from './zip-test-archive.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'odp-ods-'));
const file = path.join(dir, 'budget.ods');

const text = (t: string, repeat = 1) =>
  `<table:table-cell${repeat > 1 ? ` table:number-columns-repeated="${repeat}"` : ''} office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
const num = (v: number, shown: string) =>
  `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${shown}</text:p></table:table-cell>`;
const date = (v: string) =>
  `<table:table-cell office:value-type="date" office:date-value="${v}"><text:p>113/1/31</text:p></table:table-cell>`;
const blank = (repeat: number) => `<table:table-cell table:number-columns-repeated="${repeat}"/>`;
const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;

const CONTENT =
  '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
  '<office:body><office:spreadsheet>' +
  '<table:table table:name="空白"><table:table-row table:number-rows-repeated="1048576">' +
  blank(1024) +
  '</table:table-row></table:table>' +
  '<table:table table:name="預算">' +
  row(text('科目'), text('金額'), text('日期'), blank(16000)) +
  row(text('人事費'), num(1234567.5, '1,234,567.50'), date('2024-01-31T00:00:00')) +
  row(text('業務費'), blank(1), date('2024-02-01')) +
  row(text('合計'), num(1234567.5, '1,234,567.50')) +
  '<table:table-row table:number-rows-repeated="1048000">' +
  blank(1024) +
  '</table:table-row>' +
  '</table:table>' +
  '<table:table table:name="重複">' +
  row(text('代碼'), text('名稱')) +
  row(text('A', 2)) +
  '</table:table>' +
  '</office:spreadsheet></office:body></office:document-content>';

beforeAll(() => {
  writeTestZip(file, [
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true },
    { name: 'content.xml', data: Buffer.from(CONTENT) },
  ]);
});

describe('ODS', () => {
  it('is sniffed from its mimetype entry', async () => {
    expect(await sniffInputKind(file)).toBe('ods');
  });

  it('reads the first table with data: typed values, capped repeats, the total dropped', async () => {
    const { report, text } = await convertAny(file, { to: 'json' });
    expect(JSON.parse(text)).toEqual([
      { 科目: '人事費', 金額: 1234567.5, 日期: '2024-01-31' },
      { 科目: '業務費', 金額: null, 日期: '2024-02-01' },
    ]);
    expect(report.input.part).toBe('預算');
  });

  it('reads a named table, expanding repeated cells', async () => {
    const { text } = await convertAny(file, { to: 'csv', sheet: '重複' });
    expect(text).toBe('代碼,名稱\r\nA,A\r\n');
    await expect(convertAny(file, { to: 'csv', sheet: '無' })).rejects.toMatchObject({
      code: 'SHEET_NOT_FOUND',
    });
  });
});
