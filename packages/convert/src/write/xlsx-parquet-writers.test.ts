import ExcelJS from 'exceljs';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import type { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderSink } from '../test/conversion-helpers.ts';
import type { CellValue, SinkColumn, TableSink } from './table-sink.ts';
import { createParquetWriter, parquetTypeFor } from './parquet-writer.ts';
import { createXlsxWriter } from './xlsx-writer.ts';

const columns: SinkColumn[] = [
  { name: '名稱', description: 'Name' },
  { name: '人數' },
  { name: '開放' },
  { name: '日期' },
];
const rows: CellValue[][] = [
  ['臺東縣立體育館', 300, true, '2024-01-01'],
  ['豐里國小', null, false, null],
];

async function render(make: (out: PassThrough) => TableSink, data = rows): Promise<Buffer> {
  const { bytes, endedBySink } = await renderSink(make, data);
  expect(endedBySink).toBe(false);
  return bytes;
}

const arrayBuffer = (bytes: Buffer): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('XLSX writer', () => {
  it('writes sheet data (bold header, typed cells) and sheet columns', async () => {
    const bytes = await render((out) =>
      createXlsxWriter(out, columns, ['string', 'integer', 'boolean', 'date']),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBuffer(bytes));
    const data = workbook.getWorksheet('data');
    expect(data?.getRow(1).values).toEqual([undefined, '名稱', '人數', '開放', '日期']);
    expect(data?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(data?.getRow(2).values).toEqual([undefined, '臺東縣立體育館', 300, true, '2024-01-01']);
    expect(data?.getRow(3).getCell(3).value).toBe(false);
    expect(data?.getRow(3).getCell(2).value).toBeNull();
    const meta = workbook.getWorksheet('columns');
    expect(meta?.getRow(2).values).toEqual([undefined, '名稱', 'Name', 'string']);
    expect(meta?.getRow(3).values).toEqual([undefined, '人數', undefined, 'integer']);
  });
});

describe('Parquet writer', () => {
  it('maps inferred types to Parquet types', () => {
    expect(parquetTypeFor({ type: 'integer', maxLength: 6 })).toBe('INT64');
    expect(parquetTypeFor({ type: 'integer', maxLength: 20 })).toBe('DOUBLE');
    expect(parquetTypeFor({ type: 'coordinate', maxLength: 9 })).toBe('DOUBLE');
    expect(parquetTypeFor({ type: 'boolean', maxLength: 1 })).toBe('BOOLEAN');
    expect(parquetTypeFor({ type: 'roc-date', maxLength: 7 })).toBe('STRING');
  });

  it('writes row groups of the given size, nulls as nulls', async () => {
    const many = Array.from({ length: 5 }, (_, i): CellValue[] => [`r${i}`, i, i % 2 === 0, null]);
    const bytes = await render(
      (out) => createParquetWriter(out, columns, ['STRING', 'INT64', 'BOOLEAN', 'STRING'], 2),
      many,
    );
    const file = arrayBuffer(bytes);
    expect(parquetMetadata(file).row_groups).toHaveLength(3);
    const read = await parquetReadObjects({ file });
    expect(read).toHaveLength(5);
    expect(read[4]).toEqual({ 名稱: 'r4', 人數: 4n, 開放: true, 日期: null });
  });

  it('an empty table is a valid file with no rows', async () => {
    const file = arrayBuffer(await render((out) => createParquetWriter(out, columns, []), []));
    expect(await parquetReadObjects({ file })).toEqual([]);
  });
});
