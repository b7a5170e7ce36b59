import { z } from 'zod';
import { DATE_BUCKETS } from './date-bucket.ts';

/**
 * The query strings of the preview, chart and embed pages. Every state is in the URL
 * (GET forms and links), so a page works without JavaScript and can be linked to. An
 * empty form field (`y=`) means the field is not set.
 */

export const FILTER_OPERATORS = ['exact', 'contains', 'in', 'less', 'greater', 'between'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const CHART_TYPES = ['bar', 'line', 'area', 'pie', 'scatter'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const PREVIEW_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PREVIEW_PAGE_SIZE = 25;
/** The deepest offset the preview pages to (the data API pages further). */
export const MAX_PREVIEW_OFFSET = 100_000;

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const columnName = z.preprocess(blankIsUnset, z.string().trim().min(1).max(200).optional());

export const ResourcePageParamsSchema = z.object({
  datasetId: z.string().min(1).max(100),
  resourceId: z.string().min(1).max(100),
});
export type ResourcePageParams = z.output<typeof ResourcePageParamsSchema>;

/** One filter: `filter=<column>&op=<operator>&value=<text>` (both lists comma-separated). */
const filterShape = {
  filter: columnName,
  op: z.preprocess(blankIsUnset, z.enum(FILTER_OPERATORS).default('exact')),
  value: z.preprocess(blankIsUnset, z.string().max(500).optional()),
};

export const PreviewQuerySchema = z.object({
  ...filterShape,
  /** A column to sort by, `-column` for descending. */
  sort: z.preprocess(blankIsUnset, z.string().trim().min(1).max(201).optional()),
  limit: z.coerce
    .number()
    .int()
    .refine((n) => (PREVIEW_PAGE_SIZES as readonly number[]).includes(n), {
      message: `must be one of ${PREVIEW_PAGE_SIZES.join(', ')}`,
    })
    .default(DEFAULT_PREVIEW_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).max(MAX_PREVIEW_OFFSET).default(0),
});
export type PreviewQuery = z.output<typeof PreviewQuerySchema>;

export const ChartQuerySchema = z.object({
  ...filterShape,
  type: z.preprocess(blankIsUnset, z.enum(CHART_TYPES).default('bar')),
  x: columnName,
  y: columnName,
  agg: z.preprocess(blankIsUnset, z.enum(AGGREGATES).default('count')),
  group: columnName,
  bucket: z.preprocess(blankIsUnset, z.enum(DATE_BUCKETS).optional()),
});
export type ChartQuery = z.output<typeof ChartQuerySchema>;

/** A filter as the tables service takes it, or undefined when the query has none. */
export interface ColumnFilter {
  column: string;
  op: FilterOperator;
  value: string;
}

export function filterOf(query: {
  filter?: string | undefined;
  op: FilterOperator;
  value?: string | undefined;
}): ColumnFilter | undefined {
  if (query.filter === undefined || query.value === undefined) return undefined;
  return { column: query.filter, op: query.op, value: query.value };
}
