import { looksLikeDates } from './date-bucket.ts';

/**
 * What a chart can do with a column, from its profile: a number (measured, binned,
 * scattered), a date (a time series by month or year) or a category (counted, grouped).
 */

export type ColumnKind = 'number' | 'date' | 'category';

/** The parts of a column profile the kind is read from. */
export interface ProfiledColumn {
  name: string;
  type: string;
  distinct: number;
  min: unknown;
  max: unknown;
  top: readonly { value: unknown; count: number }[];
}

const NUMERIC_TYPE = /int|double|float|decimal|numeric|number|real/i;
const DATE_TYPE = /date|timestamp/i;

export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type);
}

/**
 * A date column is typed as one, or holds nothing but dates as agencies write them
 * (20240101, 1130101): its minimum, maximum and most common values all read as dates.
 */
export function isDateColumn(column: ProfiledColumn): boolean {
  if (DATE_TYPE.test(column.type)) return true;
  if (column.distinct < 2) return false;
  return looksLikeDates([column.min, column.max, ...column.top.map((t) => t.value)]);
}

export function columnKind(column: ProfiledColumn): ColumnKind {
  if (isDateColumn(column)) return 'date';
  if (isNumericType(column.type)) return 'number';
  return 'category';
}
