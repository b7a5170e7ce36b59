import { columnKind, type ProfiledColumn } from './column-kind.ts';
import { readYearMonth } from './date-bucket.ts';
import type { PreviewMessages } from './preview-messages.ts';
import type { Aggregate, ChartType } from './preview.schema.ts';

/**
 * 建議圖表: charts the column profile suggests, at most four: a time series of rows per
 * month (per year over a long span) for a date column, counts per category for a column
 * with few distinct values, the average of a number per category, and two numbers
 * against each other.
 */

export interface ChartSuggestion {
  label: string;
  params: { type: ChartType; x: string; y?: string; agg: Aggregate; bucket?: 'month' | 'year' };
}

/** A category column worth a bar per value: some repetition, not too many bars. */
const MAX_CATEGORIES = 30;
/** Dates spanning more years than this are counted per year, not per month. */
const MONTHLY_YEARS = 6;
const MAX_SUGGESTIONS = 4;

function isFewCategories(column: ProfiledColumn, rows: number): boolean {
  return column.distinct >= 2 && column.distinct <= MAX_CATEGORIES && column.distinct < rows;
}

function bucketFor(column: ProfiledColumn): 'month' | 'year' {
  const first = readYearMonth(column.min);
  const last = readYearMonth(column.max);
  return first && last && last.year - first.year > MONTHLY_YEARS ? 'year' : 'month';
}

export function suggestCharts(
  profile: { rows: number; columns: readonly ProfiledColumn[] },
  m: PreviewMessages,
): ChartSuggestion[] {
  const { rows } = profile;
  const useful = profile.columns.filter((c) => c.distinct >= 2);
  const dates = useful.filter((c) => columnKind(c) === 'date');
  const numbers = useful.filter((c) => columnKind(c) === 'number');
  const categories = useful.filter((c) => columnKind(c) === 'category' && isFewCategories(c, rows));
  const out: ChartSuggestion[] = [];

  const date = dates[0];
  if (date) {
    out.push({
      label: m.suggestionMonthly(date.name),
      params: { type: 'line', x: date.name, agg: 'count', bucket: bucketFor(date) },
    });
  }
  const category = categories[0];
  if (category) {
    out.push({
      label: m.suggestionCategory(category.name),
      params: { type: 'bar', x: category.name, agg: 'count' },
    });
  }
  // The number with the most distinct values is the likeliest measure (a price, an amount).
  const measure = [...numbers].sort((a, b) => b.distinct - a.distinct)[0];
  if (category && measure) {
    out.push({
      label: m.suggestionAverage(measure.name, category.name),
      params: { type: 'bar', x: category.name, y: measure.name, agg: 'avg' },
    });
  }
  const other = numbers.find((c) => c !== measure);
  if (measure && other) {
    out.push({
      label: m.suggestionScatter(other.name, measure.name),
      params: { type: 'scatter', x: other.name, y: measure.name, agg: 'count' },
    });
  }
  const secondCategory = categories[1];
  if (secondCategory && out.length < MAX_SUGGESTIONS) {
    out.push({
      label: m.suggestionCategory(secondCategory.name),
      params: { type: 'pie', x: secondCategory.name, agg: 'count' },
    });
  }
  return out.slice(0, MAX_SUGGESTIONS);
}
