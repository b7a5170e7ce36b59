import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isRocDate, parseRocDate } from './roc-date.ts';

describe('parseRocDate', () => {
  it.each([
    ['1081111', '2019-11-11'],
    ['0981111', '2009-11-11'],
    ['0811006', '1992-10-06'],
    ['108/11/11', '2019-11-11'],
    ['108-11-11', '2019-11-11'],
    ['108.11.11', '2019-11-11'],
    ['98/1/5', '2009-01-05'],
    ['民國108年11月11日', '2019-11-11'],
    ['108年11月11日', '2019-11-11'],
    ['民國 108 年 1 月 2 日', '2019-01-02'],
    ['108/11/11 13:05', '2019-11-11T13:05'],
    ['108/11/11 13:05:09', '2019-11-11T13:05:09'],
    ['民國108年11月11日 8:30', '2019-11-11T08:30'],
    ['１０８／１１／１１', '2019-11-11'],
    ['  1081111\u3000', '2019-11-11'],
    ['民國109年2月29日', '2020-02-29'],
    ['1/1/1', '1912-01-01'],
  ])('reads %s as %s', (value, iso) => {
    expect(parseRocDate(value)).toBe(iso);
  });

  it.each([
    ['1081341', 'month 13'],
    ['1081100', 'day 0'],
    ['1080431', 'April 31st'],
    ['民國108年2月29日', 'no leap day in 2019'],
    ['1080229', 'no leap day in 2019'],
    ['0000101', 'year 0'],
    ['2011111', 'year 201'],
    ['2019/11/11', 'a Gregorian year'],
    ['20191111', 'a Gregorian compact date'],
    ['108/11-11', 'mixed separators'],
    ['108/11/11 24:00', 'hour 24'],
    ['108/11/11 13:60', 'minute 60'],
    ['', 'empty'],
    ['   ', 'whitespace'],
    ['abc', 'text'],
    ['108', 'a year only'],
    ['12345', 'five digits'],
    ['25000000', 'a price'],
  ])('rejects %s (%s)', (value) => {
    expect(parseRocDate(value)).toBeNull();
  });

  it('reads 6-digit 2-digit-year values only when the caller says the column is ROC dates', () => {
    expect(parseRocDate('981111')).toBeNull();
    expect(parseRocDate('981111', { sixDigit: true })).toBe('2009-11-11');
    expect(parseRocDate('990229', { sixDigit: true })).toBeNull();
    expect(parseRocDate('991341', { sixDigit: true })).toBeNull();
  });

  it('never throws, whatever it is given', () => {
    for (const value of ['\uFFFD', '民國', '年月日', '1'.repeat(10_000), '108/11/11 1:2:3:4', '\u0000']) {
      expect(() => parseRocDate(value)).not.toThrow();
    }
  });
});

describe('parseRocDate on the Taipei real-estate transactions (實價登錄)', () => {
  const path = new URL('../../../portal/demo/real/real-estate-taipei-a-roc-dates.csv', import.meta.url);
  const rows: string[][] = parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
    relax_column_count: true,
  });
  const [chinese = [], , ...records] = rows; // the second header row is the English one
  const column = (name: string) => records.map((row) => row[chinese.indexOf(name)] ?? '');

  it('reads every transaction date (交易年月日), nearly all in 2019 (民國108年)', () => {
    const dates = column('交易年月日').map((value) => parseRocDate(value));
    expect(dates).toHaveLength(366);
    expect(dates.every((date) => date !== null && date >= '2016-01-01' && date <= '2019-12-31')).toBe(true);
    expect(dates.filter((date) => date?.startsWith('2019-'))).toHaveLength(363);
    expect(dates[0]).toBe('2019-11-11');
  });

  it('reads every non-empty completion date (建築完成年月), 0-padded years included', () => {
    const values = column('建築完成年月').filter((value) => value !== '');
    expect(values.length).toBeGreaterThan(250);
    const dates = values.map((value) => parseRocDate(value));
    expect(dates.every((date) => date !== null && date >= '1912-01-01' && date <= '2019-12-31')).toBe(true);
    expect(parseRocDate('0811006')).toBe('1992-10-06');
  });
});

describe('isRocDate', () => {
  it('says yes exactly where parseRocDate reads a date', () => {
    const values = [
      '1081111',
      '1080229',
      '1090229',
      '0991231',
      '1131301',
      '1130132',
      '0000101',
      '2001231',
      '081111',
      '990101',
      '108/11/11',
      '民國108年11月11日',
      '１０８１１１１',
      '10811',
      'abcdefg',
      '',
    ];
    for (const value of values) {
      for (const sixDigit of [false, true]) {
        expect(isRocDate(value, { sixDigit }), `${value} ${sixDigit}`).toBe(
          parseRocDate(value, { sixDigit }) !== null,
        );
      }
    }
  });
});
