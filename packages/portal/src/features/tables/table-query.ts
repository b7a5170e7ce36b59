import { AppError, type FieldProblem } from '../../errors/app-error.ts';

/**
 * The data API's query language (docs/data-api.md) as plain data: what the HTTP routes
 * parse from a query string and what in-process callers (the preview, the charts) build
 * themselves. Column names are checked against the table's fields when the query is
 * compiled (table-sql.ts), never trusted here.
 */

export const FILTER_OPS = [
  'exact',
  'contains',
  'in',
  'less',
  'greater',
  'between',
  'isnull',
  'notnull',
  'null',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface TableFilter {
  column: string;
  op: FilterOp;
  /** The operand as written: one value, a comma list (`in`), `a,b` (`between`), `true|false` (`null`). */
  value: string;
}

export interface TableSort {
  column: string;
  desc: boolean;
}

export const AGGREGATE_FNS = ['count', 'sum', 'avg', 'min', 'max'] as const;
export type AggregateFn = (typeof AGGREGATE_FNS)[number];

export interface AggregateMeasure {
  fn: AggregateFn;
  /** Required except for `count` (count of rows). */
  column?: string;
}

export interface TableQueryInput {
  filters?: TableFilter[];
  sort?: TableSort[];
  /** Columns to return (default: all). */
  fields?: string[];
  /** Words looked for in every text column (case-insensitive). */
  q?: string;
  /** Rows to return (default 100; cut at the row cap with `truncated: true`). */
  limit?: number;
  offset?: number;
  /** Keyset paging: the `next` cursor of the previous page. */
  after?: string;
}

export interface AggregateQueryInput {
  groupBy?: string[];
  measures: AggregateMeasure[];
  filters?: TableFilter[];
  q?: string;
  /** By a group column or a measure's name (`sum_amount`, `count`). */
  sort?: TableSort[];
  limit?: number;
}

export const DEFAULT_LIMIT = 100;

/** Query-string keys that are not `<column>__<op>` filters. */
const RESERVED = new Set(['limit', 'offset', 'sort', 'fields', 'q', 'after', 'group_by', 'agg']);

type RawParams = Record<string, string | string[] | undefined>;

const all = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','));
const last = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[value.length - 1] : value;

function wholeNumber(raw: string | undefined, field: string, problems: FieldProblem[]): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw)) {
    problems.push({ field, code: 'type', message: `${field} must be a whole number from 0` });
    return undefined;
  }
  return Number(raw);
}

/** `-amount,name` → [{ amount, desc }, { name, asc }]. */
export function parseSort(raw: string | string[] | undefined): TableSort[] {
  return all(raw)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s.startsWith('-') ? { column: s.slice(1), desc: true } : { column: s, desc: false }));
}

/** The filters of a query string: every `<column>__<op>=value` key (the last `__` splits). */
export function parseFilters(params: RawParams, problems: FieldProblem[]): TableFilter[] {
  const filters: TableFilter[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (RESERVED.has(key) || raw === undefined) continue;
    const split = key.lastIndexOf('__');
    const op = split > 0 ? key.slice(split + 2) : '';
    if (split <= 0 || !(FILTER_OPS as readonly string[]).includes(op)) {
      problems.push({
        field: key.slice(0, 100),
        code: 'unknown_parameter',
        message: `Not a parameter or a <column>__<op> filter (ops: ${FILTER_OPS.join(', ')})`,
      });
      continue;
    }
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      filters.push({ column: key.slice(0, split), op: op as FilterOp, value });
    }
  }
  return filters;
}

/** `sum:amount,count` → measures. */
export function parseMeasures(
  raw: string | string[] | undefined,
  problems: FieldProblem[],
): AggregateMeasure[] {
  return all(raw).flatMap((entry): AggregateMeasure[] => {
    const [fn, column] = entry.split(':', 2) as [string, string | undefined];
    if (!(AGGREGATE_FNS as readonly string[]).includes(fn)) {
      problems.push({
        field: 'agg',
        code: 'enum',
        message: `${fn.slice(0, 40)} is not one of ${AGGREGATE_FNS.join(', ')}`,
      });
      return [];
    }
    return [{ fn: fn as AggregateFn, ...(column ? { column } : {}) }];
  });
}

export function throwProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `The query has ${problems.length} problem(s)`, problems);
  }
}

/** A rows query from a query string; `group_by`/`agg` make it an aggregate. */
export function parseDataParams(
  params: RawParams,
): { kind: 'rows'; query: TableQueryInput } | { kind: 'aggregate'; query: AggregateQueryInput } {
  const problems: FieldProblem[] = [];
  const filters = parseFilters(params, problems);
  const limit = wholeNumber(last(params.limit), 'limit', problems);
  const offset = wholeNumber(last(params.offset), 'offset', problems);
  const q = last(params.q)?.trim();
  const sort = parseSort(params.sort);
  if (params.group_by !== undefined || params.agg !== undefined) {
    const measures = parseMeasures(params.agg ?? 'count', problems);
    throwProblems(problems);
    return {
      kind: 'aggregate',
      query: {
        groupBy: all(params.group_by).filter((c) => c !== ''),
        measures,
        filters,
        sort,
        ...(q ? { q } : {}),
        ...(limit === undefined ? {} : { limit }),
      },
    };
  }
  throwProblems(problems);
  const fields = all(params.fields).filter((c) => c !== '');
  const after = last(params.after);
  return {
    kind: 'rows',
    query: {
      filters,
      sort,
      ...(fields.length > 0 ? { fields } : {}),
      ...(q ? { q } : {}),
      ...(limit === undefined ? {} : { limit }),
      ...(offset === undefined ? {} : { offset }),
      ...(after ? { after } : {}),
    },
  };
}
