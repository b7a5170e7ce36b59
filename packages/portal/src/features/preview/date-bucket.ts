/**
 * Dates as agencies write them, read into a month or a year for a time-series chart:
 * ISO dates and timestamps (2024-01-31, 2024/1/31), compact western dates (20240131) and
 * 民國 dates (1130131, 113/01/31: year + 1911). Anything else is not a date.
 */

export type DateBucket = 'month' | 'year';

export const DATE_BUCKETS: readonly DateBucket[] = ['month', 'year'];

/** Years a reading must fall in to count as a date (keeps counts and ids from passing as dates). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

function valid(year: number, month: number, day: number): { year: number; month: number } | undefined {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 31) {
    return undefined;
  }
  return { year, month };
}

/** The year and month of a date value, or undefined when it is not one. */
export function readYearMonth(value: unknown): { year: number; month: number } | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? undefined
      : valid(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') return undefined;
  const text = String(value).trim();
  // 2024-01-31, 2024/1/31, 2024-01-31T08:00:00Z, 2024-01-31 08:00:00
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(text);
  if (match) return valid(Number(match[1]), Number(match[2]), Number(match[3]));
  // 民國 113/01/31, 113-1-31
  match = /^(\d{2,3})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (match) return valid(Number(match[1]) + 1911, Number(match[2]), Number(match[3]));
  // 20240131
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return valid(Number(match[1]), Number(match[2]), Number(match[3]));
  // 民國 1130131 (and 0990131, 990131)
  match = /^(\d{2,3})(\d{2})(\d{2})$/.exec(text);
  if (match) return valid(Number(match[1]) + 1911, Number(match[2]), Number(match[3]));
  return undefined;
}

/** The bucket label of a date value ('2024-01' by month, '2024' by year), or undefined. */
export function dateBucketOf(value: unknown, bucket: DateBucket): string | undefined {
  const read = readYearMonth(value);
  if (!read) return undefined;
  const year = String(read.year);
  return bucket === 'year' ? year : `${year}-${String(read.month).padStart(2, '0')}`;
}

/** Whether the values look like dates: every one of them reads as a date (and there is one). */
export function looksLikeDates(values: readonly unknown[]): boolean {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  return present.length > 0 && present.every((v) => readYearMonth(v) !== undefined);
}
