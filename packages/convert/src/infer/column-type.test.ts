import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectHeader } from '../delimited/header.ts';
import { readDelimited } from '../delimited/read-delimited.ts';
import { ColumnTypeInferrer, type InferredColumnType } from './column-type.ts';
import { TableTypeInferrer } from './table-types.ts';

const realPath = (name: string): URL => new URL(`../../../portal/demo/real/${name}`, import.meta.url);

/** Reads a real file, finds its header and infers every column's type over all rows. */
async function inferReal(file: string): Promise<Record<string, InferredColumnType>> {
  const records: string[][] = [];
  for await (const record of readDelimited(createReadStream(realPath(file)))) records.push(record.cells);
  const header = detectHeader(records);
  const table = new TableTypeInferrer(header.columns.length);
  for (const cells of records.slice(header.dataStartIndex)) table.addRow(cells);
  const results = table.results();
  return Object.fromEntries(
    header.columns.map((column, i) => [column.name, results[i] as InferredColumnType]),
  );
}

const typeOf = (values: string[]): InferredColumnType => {
  const inferrer = new ColumnTypeInferrer();
  for (const value of values) inferrer.add(value);
  return inferrer.result();
};

describe('ColumnTypeInferrer on real files', () => {
  it('types the Taitung shelters', async () => {
    const columns = await inferReal('taitung-shelters-twd97.csv');
    expect(columns['收容人數']).toMatchObject({ type: 'integer', count: 168 });
    expect(columns['連絡電話']?.type).toBe('code');
    expect(columns['X坐標']).toMatchObject({ type: 'coordinate', coordinateAxis: 'twd97-x' });
    expect(columns['Y坐標']).toMatchObject({ type: 'coordinate', coordinateAxis: 'twd97-y' });
    expect(columns['最後更新時間']?.type).toBe('date');
    expect(columns['收容所名稱']?.type).toBe('string');
    expect(columns['主管機關']).toMatchObject({ distinctCount: 1, minLength: 5, maxLength: 5 });
  });

  it('types the real-estate transaction date as an ROC date', async () => {
    const columns = await inferReal('real-estate-taipei-a-roc-dates.csv');
    expect(columns['交易年月日']?.type).toBe('roc-date');
    expect(columns['總價元']?.type).toBe('integer');
    expect(columns['鄉鎮市區']?.type).toBe('string');
  });

  it('types the office calendar: yyyyMMdd dates and 0/2 codes', async () => {
    const columns = await inferReal('dgpa-calendar-114-cp950.csv');
    expect(columns['西元日期']?.type).toBe('date');
    expect(columns['是否放假']?.type).toBe('integer');
    expect(columns['備註']?.nullCount).toBeGreaterThan(300);
  });
});

describe('ColumnTypeInferrer on made-up values', () => {
  it.each([
    [['true', 'FALSE', '是', '否', 'Y', 'n'], 'boolean'],
    [['12', '-3', '1,234', ''], 'integer'],
    [['1.5', '2', '-0.25'], 'decimal'],
    [['2019-11-11', '2019/1/2', '20191231'], 'date'],
    [['2019-11-11T13:05', '2019-11-11 08:00:09'], 'datetime'],
    [['1081111', '108/11/11', '民國108年2月28日', '0990101'], 'roc-date'],
    [['00123', '4567', '0937600483'], 'code'],
    [['121.5', '120.25', '-'], 'coordinate'],
    [['2019/02/29'], 'string'],
    [['(089)325301分機12', '0937600483'], 'code'],
    [['1081341'], 'integer'],
    [['-', '無', ''], 'string'],
  ])('%j → %s', (values, type) => {
    expect(typeOf(values).type).toBe(type);
  });

  it('counts nulls and caps the distinct count', () => {
    const inferrer = new ColumnTypeInferrer(2);
    for (const value of ['a', 'bb', 'ccc', '-', '無', '']) inferrer.add(value);
    expect(inferrer.result()).toEqual({
      type: 'string',
      count: 6,
      nullCount: 3,
      distinctCount: 2,
      distinctCapped: true,
      minLength: 1,
      maxLength: 3,
    });
  });
});
