import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { detectRocDateColumn } from './roc-date-column.ts';

describe('detectRocDateColumn', () => {
  it('recognises compact 7-digit ROC dates, ignoring empty cells', () => {
    expect(detectRocDateColumn(['1081111', '1081124', '', null, '0981109'])).toEqual({
      isRocDate: true,
      sixDigit: false,
      sampled: 3,
      parsed: 3,
    });
  });

  it('does not take plain integers for dates', () => {
    expect(detectRocDateColumn(['25000000', '12230000', '17000000']).isRocDate).toBe(false);
    expect(detectRocDateColumn(['1234567', '7654321', '1081111']).isRocDate).toBe(false);
    expect(detectRocDateColumn(['34', '28', '27', '40']).isRocDate).toBe(false);
    expect(detectRocDateColumn(['0', '1', '2']).isRocDate).toBe(false);
  });

  it('needs three compact values, or a date-like header, before trusting them', () => {
    expect(detectRocDateColumn(['1081111']).isRocDate).toBe(false);
    expect(detectRocDateColumn(['1081111'], '交易年月日').isRocDate).toBe(true);
  });

  it('accepts 6-digit 2-digit-year values only under a date-like header', () => {
    const values = ['981111', '990101', '1000203'];
    expect(detectRocDateColumn(values).isRocDate).toBe(false);
    expect(detectRocDateColumn(values, '建築完成年月')).toMatchObject({ isRocDate: true, sixDigit: true });
    expect(detectRocDateColumn(values, '收容人數').isRocDate).toBe(false);
  });

  it('trusts written forms on their own', () => {
    expect(detectRocDateColumn(['108/11/11']).isRocDate).toBe(true);
    expect(detectRocDateColumn(['民國108年11月11日', '109年2月29日']).isRocDate).toBe(true);
  });

  it('tolerates one typo in twenty, not more', () => {
    const dates = Array.from({ length: 19 }, () => '1081111');
    expect(detectRocDateColumn([...dates, '1081341']).isRocDate).toBe(true);
    expect(detectRocDateColumn([...dates.slice(2), '1081341', '1081341', 'x']).isRocDate).toBe(false);
  });

  it('says no for an empty sample', () => {
    expect(detectRocDateColumn([]).isRocDate).toBe(false);
    expect(detectRocDateColumn(['', '  ', null]).isRocDate).toBe(false);
  });

  it('sorts the columns of the real-estate file into ROC dates and numbers', () => {
    const path = new URL('../../../portal/demo/real/real-estate-taipei-a-roc-dates.csv', import.meta.url);
    const rows: string[][] = parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
      relax_column_count: true,
    });
    const [header = [], , ...records] = rows;
    const dateColumns = header.filter(
      (name, index) =>
        detectRocDateColumn(
          records.map((row) => row[index] ?? null),
          name,
        ).isRocDate,
    );
    expect(dateColumns).toEqual(['交易年月日', '建築完成年月']);
  });
});
