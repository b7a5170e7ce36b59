import { parseRocDate } from './roc-date.ts';
import { toHalfWidth } from './width.ts';

/** Share of the non-empty sampled values that must parse for a column to count as ROC dates. */
const MIN_PARSED_SHARE = 0.95;
/** Compact values (1081111) alone are only trusted from this many values up, unless the header says date. */
const MIN_COMPACT_VALUES = 3;
/** Header words that say a column holds dates (交易年月日, 建築完成年月, 日期, date). */
const DATE_HEADER = /日期|年月|日$|時間|date|time/i;

export interface RocDateColumnVerdict {
  /** True when the column should be read as ROC dates. */
  isRocDate: boolean;
  /** Parse the column with `{ sixDigit: true }`: it holds 2-digit-year compact values (981111). */
  sixDigit: boolean;
  /** Non-empty values sampled, and how many of them parsed. */
  sampled: number;
  parsed: number;
}

/**
 * Decide from a sample of a column's values whether it holds ROC dates or plain numbers.
 * Compact forms (1081111) need at least 3 values or a date-like header; 6-digit forms
 * (981111) need a date-like header; written forms (108/11/11, 108年11月11日) speak for themselves.
 */
export function detectRocDateColumn(
  values: readonly (string | null | undefined)[],
  header?: string,
): RocDateColumnVerdict {
  const sample = values.map((value) => toHalfWidth(value ?? '').trim()).filter((value) => value !== '');
  const headerSaysDate = header !== undefined && DATE_HEADER.test(header.trim());
  const sixDigit = headerSaysDate && sample.some((value) => /^\d{6}$/.test(value));
  const parsed = sample.filter((value) => parseRocDate(value, { sixDigit }) !== null);
  const verdict = (isRocDate: boolean): RocDateColumnVerdict => ({
    isRocDate,
    sixDigit: isRocDate && sixDigit,
    sampled: sample.length,
    parsed: parsed.length,
  });
  if (sample.length === 0 || parsed.length < sample.length * MIN_PARSED_SHARE) return verdict(false);
  const compact = parsed.filter((value) => /^\d+$/.test(value)).length;
  if (compact === 0 || headerSaysDate) return verdict(true);
  return verdict(compact >= MIN_COMPACT_VALUES);
}
