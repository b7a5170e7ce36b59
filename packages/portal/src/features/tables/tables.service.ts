import { RESOURCE_ID_PATTERN } from '@odp/quality/metadata';
import type { Settings } from '../../config/settings.ts';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';
import { AppError, type FieldProblem } from '../../errors/app-error.ts';
import { assertNoPersonalData } from '../privacy/personal-data-gate.ts';
import { ensureResourceTable, type BuiltTable } from './table-build.ts';
import { quoteIdentifier, tableEngine } from './table-engine.ts';
import { isNumeric, type FieldType, type TableField } from './table-fields.ts';
import { decodeCursor, encodeCursor, keysetSql } from './table-cursor.ts';
import {
  DEFAULT_LIMIT,
  throwProblems,
  type AggregateQueryInput,
  type TableQueryInput,
} from './table-query.ts';
import { Binder, checkedSort, fieldNamed, orderTerm, whereSql } from './table-sql.ts';

/**
 * The row-level data API as services (docs/data-api.md): rows, aggregates and profiles
 * of a resource's normalised table, through DuckDB over its Parquet file. The HTTP
 * routes and the preview and chart pages call these in-process. Public resources only:
 * a draft's resource is RESOURCE_NOT_FOUND unless the caller is the admin.
 */

export interface TablesContext {
  catalogue: CatalogueContext;
  settings: Pick<Settings, 'dataDir' | 'fetch' | 'dataQuery'>;
  isAdmin?: boolean;
}

export interface TableRows {
  /** Rows matching the filters (before limit and offset). */
  total: number;
  fields: TableField[];
  records: Record<string, unknown>[];
  /** More rows match than were returned, and the row cap cut the answer. */
  truncated: boolean;
  /** Keyset cursor for the next page (`after=`), null on the last page. */
  next: string | null;
}

export interface TableAggregate {
  /** Groups in all. */
  total: number;
  fields: TableField[];
  records: Record<string, unknown>[];
  truncated: boolean;
}

/** A resource the caller may see, with its dataset. */
export interface VisibleResource {
  rowId: number;
  resourceId: string;
  datasetId: number;
  identifier: string;
  title: string;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_ROWS = 10_000;

export const timeoutOf = (ctx: TablesContext): number =>
  ctx.settings.dataQuery?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
export const maxRowsOf = (ctx: TablesContext): number => ctx.settings.dataQuery?.maxRows ?? DEFAULT_MAX_ROWS;

/** INVALID_IDENTIFIER for a malformed resourceID; RESOURCE_NOT_FOUND for one the caller may not see. */
export async function findVisibleResource(ctx: TablesContext, rawId: string): Promise<VisibleResource> {
  const resourceId = rawId.trim();
  if (!RESOURCE_ID_PATTERN.test(resourceId)) {
    throw new AppError(
      'INVALID_IDENTIFIER',
      `${resourceId.slice(0, 60)} is not a resourceID like A41000000G-000001-001`,
    );
  }
  const row = await ctx.catalogue.db
    .selectFrom('resources as r')
    .innerJoin('datasets as d', 'd.id', 'r.datasetId')
    .select(['r.id', 'r.resourceId', 'd.id as datasetId', 'd.identifier', 'd.status', 'd.titleZh'])
    .where('r.resourceId', '=', resourceId)
    .executeTakeFirst();
  if (!row || (!ctx.isAdmin && !(LISTED_STATUSES as readonly string[]).includes(row.status))) {
    throw new AppError('RESOURCE_NOT_FOUND', `No resource ${resourceId}`);
  }
  return {
    rowId: Number(row.id),
    resourceId: row.resourceId,
    datasetId: Number(row.datasetId),
    identifier: row.identifier,
    title: row.titleZh,
  };
}

/** The resource's table, built on first use. */
export async function resourceTable(
  ctx: TablesContext,
  resourceId: string,
): Promise<BuiltTable & { resource: VisibleResource }> {
  const resource = await findVisibleResource(ctx, resourceId);
  await assertNoPersonalData(ctx.catalogue.db, resource.rowId, resource.resourceId);
  const built = await ensureResourceTable(ctx.catalogue, ctx.settings, resource);
  return { ...built, resource };
}

const FROM = 'FROM read_parquet(?, file_row_number = true)';
const PLAIN_FROM = 'FROM read_parquet(?)';

/** Rows of a resource's table: filters, search, sort, fields, offset or keyset paging, the row cap. */
export async function queryResourceTable(
  ctx: TablesContext,
  resourceId: string,
  query: TableQueryInput,
): Promise<TableRows> {
  const { row, file } = await resourceTable(ctx, resourceId);
  return queryTable(ctx, row.fields, file, row.rowCount ?? 0, query);
}

export async function queryTable(
  ctx: TablesContext,
  fields: readonly TableField[],
  file: string,
  rowCount: number,
  query: TableQueryInput,
): Promise<TableRows> {
  const problems: FieldProblem[] = [];
  const cap = maxRowsOf(ctx);
  const wanted = query.limit ?? Math.min(DEFAULT_LIMIT, cap);
  const limit = Math.min(wanted, cap);
  const offset = query.after ? 0 : (query.offset ?? 0);
  const selected = (query.fields ?? fields.map((f) => f.name)).flatMap(
    (name) => fieldNamed(fields, name, 'fields', problems) ?? [],
  );
  const sort = checkedSort(fields, query.sort ?? [], problems);

  const count = new Binder();
  count.bind(file);
  const countWhere = whereSql(fields, query.filters ?? [], query.q, count, problems);

  const rows = new Binder();
  rows.bind(file);
  const keys = [
    ...sort.map((s) => ({ expression: quoteIdentifier(s.field.name), desc: s.desc, field: s.field })),
  ];
  // Filter values are bound first, then the cursor's: the same order as in the SQL text.
  let rowsWhere = whereSql(fields, query.filters ?? [], query.q, rows, problems);
  if (query.after) {
    const cursor = decodeCursor(
      query.after,
      keys.map((k) => k.field),
      problems,
    );
    if (cursor)
      rowsWhere = `${rowsWhere === '' ? 'WHERE' : `${rowsWhere} AND`} ${keysetSql(keys, cursor, rows)}`;
  }
  throwProblems(problems);

  const order = [...keys.map((k) => orderTerm(k.expression, k.desc)), 'file_row_number'].join(', ');
  const columns = [
    ...selected.map((f) => quoteIdentifier(f.name)),
    ...keys.map((k) => k.expression),
    'file_row_number',
  ];
  const rowsSql = `SELECT ${columns.join(', ')} ${FROM} ${rowsWhere} ORDER BY ${order} LIMIT ${rows.bind(limit)} OFFSET ${rows.bind(offset)}`;
  const timeout = timeoutOf(ctx);
  const [result, total] = await Promise.all([
    tableEngine.run(rowsSql, rows.values, timeout),
    countWhere === ''
      ? Promise.resolve(rowCount)
      : tableEngine
          .run(`SELECT count(*) ${PLAIN_FROM} ${countWhere}`, count.values, timeout)
          .then((r) => Number(r.rows[0]?.[0] ?? 0)),
  ]);
  const records = result.rows.map((r) => Object.fromEntries(selected.map((f, i) => [f.name, r[i] ?? null])));
  const lastRow = result.rows[result.rows.length - 1];
  // Keyset pages cannot count what came before them: a full page means there may be more.
  const more = query.after ? records.length === limit : offset + records.length < total;
  const next =
    lastRow && records.length === limit && more
      ? encodeCursor(
          keys.map((_, i) => lastRow[selected.length + i] ?? null),
          Number(lastRow[selected.length + keys.length]),
        )
      : null;
  return { total, fields: selected, records, truncated: wanted > cap && more, next };
}

function measureField(fn: string, field: TableField | undefined): TableField {
  if (!field) return { name: 'count', type: 'integer' };
  const type: FieldType =
    fn === 'count'
      ? 'integer'
      : fn === 'avg'
        ? 'decimal'
        : fn === 'sum' && field.type === 'coordinate'
          ? 'decimal'
          : field.type;
  return { name: `${fn}_${field.name}`, type };
}

/** Group-by with count/sum/avg/min/max, for charts: `{ total groups, fields, records, truncated }`. */
export async function aggregateResourceTable(
  ctx: TablesContext,
  resourceId: string,
  query: AggregateQueryInput,
): Promise<TableAggregate> {
  const { row, file } = await resourceTable(ctx, resourceId);
  return aggregateTable(ctx, row.fields, file, query);
}

export async function aggregateTable(
  ctx: TablesContext,
  fields: readonly TableField[],
  file: string,
  query: AggregateQueryInput,
): Promise<TableAggregate> {
  const problems: FieldProblem[] = [];
  const groups = (query.groupBy ?? []).flatMap(
    (name) => fieldNamed(fields, name, 'group_by', problems) ?? [],
  );
  const measures = (query.measures.length > 0 ? query.measures : [{ fn: 'count' as const }]).flatMap((m) => {
    if (!m.column) {
      if (m.fn !== 'count')
        problems.push({
          field: 'agg',
          code: 'required',
          message: `${m.fn} needs a column: ${m.fn}:<column>`,
        });
      return m.fn === 'count' ? [{ sql: 'count(*)', field: measureField('count', undefined) }] : [];
    }
    const field = fieldNamed(fields, m.column, 'agg', problems);
    if (!field) return [];
    if ((m.fn === 'sum' || m.fn === 'avg') && !isNumeric(field)) {
      problems.push({
        field: 'agg',
        code: 'type',
        message: `${m.fn} needs a number column; ${field.name} is ${field.type}`,
      });
      return [];
    }
    return [{ sql: `${m.fn}(${quoteIdentifier(field.name)})`, field: measureField(m.fn, field) }];
  });
  const outFields = [...groups, ...measures.map((m) => m.field)];
  const binder = new Binder();
  binder.bind(file);
  const where = whereSql(fields, query.filters ?? [], query.q, binder, problems);
  const order = (query.sort ?? []).flatMap((s) => {
    const index = outFields.findIndex((f) => f.name === s.column);
    if (index < 0) {
      problems.push({
        field: 'sort',
        code: 'unknown_column',
        message: `Sort by a group column or a measure (${outFields.map((f) => f.name).join(', ')})`,
      });
      return [];
    }
    return [orderTerm(String(index + 1), s.desc)];
  });
  throwProblems(problems);
  const cap = maxRowsOf(ctx);
  const wanted = query.limit ?? Math.min(DEFAULT_LIMIT, cap);
  const limit = Math.min(wanted, cap);
  const select = [
    ...groups.map((g) => quoteIdentifier(g.name)),
    ...measures.map((m) => m.sql),
    'count(*) OVER ()',
  ].join(', ');
  const groupBy = groups.length > 0 ? `GROUP BY ${groups.map((_, i) => String(i + 1)).join(', ')}` : '';
  const orderBy = [...order, ...groups.map((_, i) => orderTerm(String(i + 1), false))];
  const sqlText = `SELECT ${select} ${PLAIN_FROM} ${where} ${groupBy} ${orderBy.length > 0 ? `ORDER BY ${orderBy.join(', ')}` : ''} LIMIT ${binder.bind(limit)}`;
  const result = await tableEngine.run(sqlText, binder.values, timeoutOf(ctx));
  const total = Number(result.rows[0]?.[outFields.length] ?? 0);
  return {
    total,
    fields: outFields,
    records: result.rows.map((r) => Object.fromEntries(outFields.map((f, i) => [f.name, r[i] ?? null]))),
    truncated: wanted > cap && total > limit,
  };
}
