import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCompactGregorianDate } from './gregorian-date.ts';

describe('parseCompactGregorianDate', () => {
  it.each([
    ['20171024', '2017-10-24'],
    ['20240229', '2024-02-29'],
    [' 20240101 ', '2024-01-01'],
  ])('reads %s as %s', (value, iso) => {
    expect(parseCompactGregorianDate(value)).toBe(iso);
  });

  it.each(['20230229', '20171324', '20171000', '1081111', '17991231', '2017-10-24', '', '2017102４x'])(
    'rejects %s',
    (value) => {
      expect(parseCompactGregorianDate(value)).toBeNull();
    },
  );

  it('reads all 366 days of the 2024 government calendar (DGPA 113)', () => {
    const path = new URL('../../../portal/demo/real/dgpa-calendar-113-utf8bom.csv', import.meta.url);
    const rows: string[][] = parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { from_line: 2 });
    const dates = rows.map((row) => parseCompactGregorianDate(row[0] ?? ''));
    expect(dates).toHaveLength(366);
    expect(dates[0]).toBe('2024-01-01');
    expect(dates).toContain('2024-02-29');
    expect(new Set(dates).size).toBe(366);
  });
});
