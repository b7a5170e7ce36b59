import { formatIsoDate } from './iso-date.ts';

/** Years a compact Gregorian date in a government file can plausibly carry. */
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

/**
 * A compact Gregorian date `yyyyMMdd` (西元 20171024) → `2017-10-24`.
 * Null for anything else, including impossible dates (20190229); never throws.
 */
export function parseCompactGregorianDate(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return formatIsoDate(year, Number(match[2]), Number(match[3]));
}
