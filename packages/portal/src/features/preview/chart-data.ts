import { AppError, type FieldProblem } from '../../errors/app-error.ts';
import type {
  TableFilter,
  AggregateMeasure,
  AggregateQueryInput,
  TableQueryInput,
} from '../tables/table-query.ts';
import type { TableAggregate, TableRows } from '../tables/tables.service.ts';
import type { ChartData, ChartDrawing } from './chart-svg.ts';
import { columnKind, type ProfiledColumn } from './column-kind.ts';
import { dateBucketOf, type DateBucket } from './date-bucket.ts';
import type { PreviewMessages } from './preview-messages.ts';
import { filterOf, type Aggregate, type ChartQuery, type ChartType } from './preview.schema.ts';
import { cellText, formatNumber } from './views/cell-text.ts';
import type { Locale } from '../../i18n/locale.ts';

/**
 * A chart's numbers from a resource's table: the chart settings checked against the
 * table's columns (VALIDATION_FAILED names each wrong one), the groups aggregated by the
 * tables service, dates folded into months or years here (the service groups by a
 * column's values), the largest groups kept, and the same numbers as a table and a
 * sentence for readers who do not see the chart.
 */

export interface ChartSpec {
  type: ChartType;
  x: string;
  y?: string;
  agg: Aggregate;
  group?: string;
  bucket?: DateBucket;
  filter?: TableFilter;
}

/** Where the chart's numbers come from: the tables service for one resource. */
export interface ChartSource {
  aggregate(query: AggregateQueryInput): Promise<TableAggregate>;
  rows(query: TableQueryInput): Promise<TableRows>;
}

export interface ChartResult {
  drawing: ChartDrawing;
  /** The data-table alternative: a header row and the rows of numbers as text. */
  table: { headers: string[]; rows: string[][] };
  summary: string;
  notes: string[];
}

/** Groups fetched to fold and rank (the service's row cap may cut it further). */
const MAX_GROUPS = 10_000;
const MAX_BARS = 30;
const MAX_SLICES = 12;
const MAX_SERIES = 8;
const MAX_POINTS = 1_000;

/**
 * The chart settings as a spec, or VALIDATION_FAILED naming every wrong field; undefined
 * when no X column is chosen yet (the page then shows only the builder).
 */
export function chartSpecOf(query: ChartQuery, columns: readonly ProfiledColumn[]): ChartSpec | undefined {
  const problems: FieldProblem[] = [];
  const named = (field: string, name: string | undefined): ProfiledColumn | undefined => {
    if (name === undefined) return undefined;
    const column = columns.find((c) => c.name === name);
    if (!column) {
      problems.push({
        field,
        code: 'unknown_column',
        message: `The table has no column ${JSON.stringify(name.slice(0, 60))}`,
      });
    }
    return column;
  };
  const x = named('x', query.x);
  const y = named('y', query.y);
  const group = named('group', query.group);
  named('filter', query.filter);
  if (query.x === undefined) {
    if (query.y !== undefined || query.group !== undefined) {
      problems.push({ field: 'x', code: 'required', message: 'Choose an X column for the chart' });
    }
  }
  const needsNumber = query.type === 'scatter' || query.agg !== 'count';
  if (needsNumber && query.y === undefined) {
    problems.push({
      field: 'y',
      code: 'required',
      message:
        query.type === 'scatter'
          ? 'A scatter plot needs a Y column'
          : `${query.agg} needs a value column (y)`,
    });
  }
  if (needsNumber && y && columnKind(y) !== 'number') {
    problems.push({ field: 'y', code: 'type', message: `${y.name} does not hold numbers` });
  }
  if (query.type === 'scatter' && x && columnKind(x) !== 'number') {
    problems.push({
      field: 'x',
      code: 'type',
      message: `A scatter plot needs numbers on X; ${x.name} holds none`,
    });
  }
  if (query.bucket !== undefined && x && columnKind(x) !== 'date') {
    problems.push({
      field: 'bucket',
      code: 'type',
      message: `${x.name} does not hold dates to group by ${query.bucket}`,
    });
  }
  if (group && (query.type === 'pie' || query.type === 'scatter')) {
    problems.push({
      field: 'group',
      code: 'invalid',
      message: `A ${query.type} chart has one series: leave group empty`,
    });
  }
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The chart settings have ${problems.length} problem(s)`,
      problems,
    );
  }
  if (query.x === undefined) return undefined;
  const filter = filterOf(query);
  return {
    type: query.type,
    x: query.x,
    agg: query.type === 'scatter' ? 'count' : query.agg,
    ...(query.y === undefined ? {} : { y: query.y }),
    ...(query.group === undefined || query.type === 'pie' ? {} : { group: query.group }),
    ...(query.bucket === undefined ? {} : { bucket: query.bucket }),
    ...(filter ? { filter } : {}),
  };
}

/** One group's numbers, combinable across the values folded into a month or a year. */
interface Tally {
  count: number;
  sum: number;
  n: number;
  min: number | undefined;
  max: number | undefined;
}

const emptyTally = (): Tally => ({ count: 0, sum: 0, n: 0, min: undefined, max: undefined });

function measuresFor(spec: ChartSpec): AggregateMeasure[] {
  if (spec.agg === 'count' || spec.y === undefined) return [{ fn: 'count' }];
  if (spec.agg === 'avg') {
    return [
      { fn: 'sum', column: spec.y },
      { fn: 'count', column: spec.y },
    ];
  }
  return [{ fn: spec.agg, column: spec.y }];
}

const asNumber = (value: unknown): number | undefined => {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

function addTo(tally: Tally, spec: ChartSpec, record: Record<string, unknown>): void {
  const y = spec.y ?? '';
  if (spec.agg === 'count' || spec.y === undefined) tally.count += asNumber(record.count) ?? 0;
  if (spec.agg === 'sum' || spec.agg === 'avg') tally.sum += asNumber(record[`sum_${y}`]) ?? 0;
  if (spec.agg === 'avg') tally.n += asNumber(record[`count_${y}`]) ?? 0;
  if (spec.agg === 'min' || spec.agg === 'max') {
    const value = asNumber(record[`${spec.agg}_${y}`]);
    if (value !== undefined) {
      tally.min = tally.min === undefined ? value : Math.min(tally.min, value);
      tally.max = tally.max === undefined ? value : Math.max(tally.max, value);
    }
  }
}

function valueOf(tally: Tally | undefined, agg: Aggregate): number | null {
  if (!tally) return null;
  const round = (n: number) => Math.round(n * 100) / 100;
  switch (agg) {
    case 'count':
      return tally.count;
    case 'sum':
      return round(tally.sum);
    case 'avg':
      return tally.n === 0 ? null : round(tally.sum / tally.n);
    case 'min':
      return tally.min ?? null;
    case 'max':
      return tally.max ?? null;
  }
}

function labels(spec: ChartSpec, m: PreviewMessages): { x: string; y: string; title: string } {
  const x =
    spec.bucket === 'month' ? m.perMonth(spec.x) : spec.bucket === 'year' ? m.perYear(spec.x) : spec.x;
  if (spec.type === 'scatter') {
    const y = spec.y ?? '';
    return { x, y, title: m.suggestionScatter(spec.x, y) };
  }
  const y =
    spec.agg === 'count' || spec.y === undefined ? m.countOf : m.measureOf(m.aggregates[spec.agg], spec.y);
  return { x, y, title: m.chartHeading(y, x) };
}

async function pointChart(
  spec: ChartSpec,
  source: ChartSource,
  m: PreviewMessages,
  locale: Locale,
): Promise<ChartResult> {
  const y = spec.y ?? '';
  const rows = await source.rows({
    fields: [spec.x, y],
    filters: spec.filter ? [spec.filter] : [],
    limit: MAX_POINTS,
  });
  const points: [number, number][] = rows.records.flatMap((r) => {
    const px = asNumber(r[spec.x]);
    const py = asNumber(r[y]);
    return px === undefined || py === undefined ? [] : [[px, py] as [number, number]];
  });
  const l = labels(spec, m);
  return {
    drawing: { type: 'scatter', title: l.title, xLabel: l.x, yLabel: l.y, data: { kind: 'points', points } },
    table: {
      headers: [spec.x, y],
      rows: points.map(([px, py]) => [formatNumber(px, locale), formatNumber(py, locale)]),
    },
    summary: points.length === 0 ? m.summaryEmpty : m.summaryScatter(points.length, spec.x, y),
    notes: rows.total > MAX_POINTS ? [m.limitedPoints(MAX_POINTS)] : [],
  };
}

function categorySummary(spec: ChartSpec, data: ChartData, m: PreviewMessages, locale: Locale): string {
  if (data.kind !== 'categories' || data.categories.length === 0) return m.summaryEmpty;
  const values = data.series[0]?.values ?? [];
  const present = data.categories.flatMap((c, i) =>
    values[i] === null || values[i] === undefined ? [] : [{ c, v: values[i] }],
  );
  if (present.length === 0) return m.summaryEmpty;
  const top = present.reduce((a, b) => (b.v > a.v ? b : a));
  const bottom = present.reduce((a, b) => (b.v < a.v ? b : a));
  const f = (n: number) => formatNumber(n, locale);
  const text =
    spec.type === 'line' || spec.type === 'area'
      ? m.summarySeries(
          data.categories.length,
          data.categories[0] ?? '',
          data.categories.at(-1) ?? '',
          top.c,
          f(top.v),
        )
      : m.summaryBars(data.categories.length, top.c, f(top.v), bottom.c, f(bottom.v));
  return data.series.length > 1 ? `${text} ${m.seriesOf(data.series.length)}` : text;
}

/** Draws the chart's numbers: aggregates, folds, ranks and describes them. */
export async function chartResult(
  spec: ChartSpec,
  source: ChartSource,
  m: PreviewMessages,
  locale: Locale,
): Promise<ChartResult> {
  if (spec.type === 'scatter') return pointChart(spec, source, m, locale);
  const aggregate = await source.aggregate({
    groupBy: spec.group ? [spec.x, spec.group] : [spec.x],
    measures: measuresFor(spec),
    filters: spec.filter ? [spec.filter] : [],
    limit: MAX_GROUPS,
  });
  const notes: string[] = [];
  let unreadable = 0;
  const tallies = new Map<string, Map<string, Tally>>();
  const seriesTotals = new Map<string, number>();
  for (const record of aggregate.records) {
    let key: string;
    if (spec.bucket) {
      const bucket = dateBucketOf(record[spec.x], spec.bucket);
      if (bucket === undefined) {
        unreadable += asNumber(record.count ?? record[`count_${spec.y ?? ''}`]) ?? 0;
        continue;
      }
      key = bucket;
    } else {
      key = record[spec.x] === null || record[spec.x] === '' ? m.empty : cellText(record[spec.x]);
    }
    const series = spec.group ? cellText(record[spec.group]) || m.empty : '';
    const row = tallies.get(key) ?? new Map<string, Tally>();
    tallies.set(key, row);
    const tally = row.get(series) ?? emptyTally();
    row.set(series, tally);
    addTo(tally, spec, record);
    seriesTotals.set(series, (seriesTotals.get(series) ?? 0) + (asNumber(record.count) ?? 1));
  }
  if (aggregate.total > aggregate.records.length)
    notes.push(m.limitedGroups(aggregate.records.length, aggregate.total));
  if (unreadable > 0) notes.push(m.unparsedDates(unreadable));

  const l = labels(spec, m);
  const seriesKeys = [...seriesTotals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k]) => k)
    .slice(0, MAX_SERIES);
  if (seriesTotals.size > seriesKeys.length)
    notes.push(m.limitedGroups(seriesKeys.length, seriesTotals.size));

  let categories = [...tallies.keys()];
  const ordered = spec.bucket !== undefined || spec.type === 'line' || spec.type === 'area';
  if (spec.bucket) categories.sort();
  if (!ordered) {
    const first = seriesKeys[0] ?? '';
    const score = (c: string) => valueOf(tallies.get(c)?.get(first), spec.agg) ?? -Infinity;
    categories.sort((a, b) => score(b) - score(a) || a.localeCompare(b));
    const most = spec.type === 'pie' ? MAX_SLICES : MAX_BARS;
    if (categories.length > most) {
      notes.push(m.limitedGroups(most, categories.length));
      categories = categories.slice(0, most);
    }
  }
  const series = seriesKeys.map((s) => ({
    name: spec.group ? s : l.y,
    values: categories.map((c) => valueOf(tallies.get(c)?.get(s), spec.agg)),
  }));
  const data: ChartData = { kind: 'categories', categories, series };
  const text = (v: number | null) => (v === null ? '' : formatNumber(v, locale));
  return {
    drawing: { type: spec.type, title: l.title, xLabel: l.x, yLabel: l.y, data },
    table: {
      headers: [l.x, ...series.map((s) => s.name)],
      rows: categories.map((c, i) => [c, ...series.map((s) => text(s.values[i] ?? null))]),
    },
    summary: categorySummary(spec, data, m, locale),
    notes,
  };
}
