import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatIsoTime, isLeapYear } from './iso-date.ts';

describe('formatIsoDate and formatIsoTime', () => {
  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2019, 2020, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it('formats valid dates and rejects impossible ones', () => {
    expect(formatIsoDate(2020, 2, 29)).toBe('2020-02-29');
    expect(formatIsoDate(1912, 1, 1)).toBe('1912-01-01');
    expect(formatIsoDate(2019, 2, 29)).toBeNull();
    expect(formatIsoDate(2019, 4, 31)).toBeNull();
    expect(formatIsoDate(2019, 0, 1)).toBeNull();
    expect(formatIsoDate(2019, 1, 1.5)).toBeNull();
    expect(formatIsoDate(Number.NaN, 1, 1)).toBeNull();
  });

  it('formats valid times and rejects impossible ones', () => {
    expect(formatIsoTime(8, 5)).toBe('08:05');
    expect(formatIsoTime(23, 59, 59)).toBe('23:59:59');
    expect(formatIsoTime(24, 0)).toBeNull();
    expect(formatIsoTime(12, 0, 60)).toBeNull();
  });
});
