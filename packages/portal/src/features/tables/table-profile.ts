import { saveProfile } from './resource-tables.repo.ts';
import { quoteIdentifier, tableEngine } from './table-engine.ts';
import { isNumeric, isTemporal, type FieldType, type TableField } from './table-fields.ts';
import { resourceTable, timeoutOf, type TablesContext } from './tables.service.ts';

/**
 * Column profiles (type, nulls, distinct, min/max, top values, and a histogram for
 * number and date columns), computed by DuckDB over the whole table once and kept
 * with the table's row: the preview's column headers and the chart suggestions read it.
 */

export const TOP_VALUES = 5;
export const HISTOGRAM_BINS = 10;

export interface ColumnProfile {
  name: string;
  type: FieldType;
  nulls: number;
  distinct: number;
  min: unknown;
  max: unknown;
  top: { value: unknown; count: number }[];
  /** Number and date columns: equal-width bins from min to max (dates as ISO text). */
  histogram?: { from: unknown; to: unknown; count: number }[];
}

export interface TableProfile {
  rows: number;
  columns: ColumnProfile[];
}

/** A column's values as numbers for binning: themselves, or seconds since 1970 for dates. */
function binnedExpression(field: TableField): string | undefined {
  const column = quoteIdentifier(field.name);
  if (isNumeric(field)) return `CAST(${column} AS DOUBLE)`;
  if (isTemporal(field)) return `epoch(TRY_CAST(${column} AS TIMESTAMP))`;
  return undefined;
}

const isoOf = (seconds: number, field: TableField): string => {
  const iso = new Date(seconds * 1000).toISOString();
  return field.type === 'date' ? iso.slice(0, 10) : iso;
};

async function histogram(
  file: string,
  field: TableField,
  timeout: number,
): Promise<ColumnProfile['histogram']> {
  const expression = binnedExpression(field);
  if (!expression) return undefined;
  const range = await tableEngine.run(
    `SELECT min(v), max(v) FROM (SELECT ${expression} AS v FROM read_parquet(?))`,
    [file],
    timeout,
  );
  const [low, high] = (range.rows[0] ?? []) as [number | null, number | null];
  if (low === null || high === null || low === undefined || high === undefined) return [];
  const width = high > low ? (high - low) / HISTOGRAM_BINS : 1;
  const bins = high > low ? HISTOGRAM_BINS : 1;
  const counted = await tableEngine.run(
    `SELECT least(CAST(floor((v - ?) / ?) AS INTEGER), ?) AS bin, count(*) FROM (SELECT ${expression} AS v FROM read_parquet(?)) WHERE v IS NOT NULL GROUP BY bin`,
    [low, width, bins - 1, file],
    timeout,
  );
  const counts = new Map(counted.rows.map((r) => [Number(r[0]), Number(r[1])]));
  return Array.from({ length: bins }, (_, i) => {
    const from = low + i * width;
    const to = i === bins - 1 ? high : low + (i + 1) * width;
    return {
      from: isTemporal(field) ? isoOf(from, field) : from,
      to: isTemporal(field) ? isoOf(to, field) : to,
      count: counts.get(i) ?? 0,
    };
  });
}

/** Profiles every column of a Parquet table. */
export async function profileTable(
  file: string,
  fields: readonly TableField[],
  timeout: number,
): Promise<TableProfile> {
  const stats = fields.flatMap((f) => {
    const c = quoteIdentifier(f.name);
    return [`count(${c})`, `count(DISTINCT ${c})`, `min(${c})`, `max(${c})`];
  });
  const summary = await tableEngine.run(
    `SELECT count(*), ${stats.join(', ')} FROM read_parquet(?)`,
    [file],
    timeout,
  );
  const values = summary.rows[0] ?? [];
  const rows = Number(values[0] ?? 0);
  const columns: ColumnProfile[] = [];
  for (const [i, field] of fields.entries()) {
    const c = quoteIdentifier(field.name);
    const top = await tableEngine.run(
      `SELECT ${c}, count(*) AS n FROM read_parquet(?) WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?`,
      [file, TOP_VALUES],
      timeout,
    );
    const bins = await histogram(file, field, timeout);
    columns.push({
      name: field.name,
      type: field.type,
      nulls: rows - Number(values[1 + i * 4] ?? 0),
      distinct: Number(values[2 + i * 4] ?? 0),
      min: values[3 + i * 4] ?? null,
      max: values[4 + i * 4] ?? null,
      top: top.rows.map((r) => ({ value: r[0], count: Number(r[1]) })),
      ...(bins === undefined ? {} : { histogram: bins }),
    });
  }
  return { rows, columns };
}

/** The resource's table profile: computed on first request, then kept with the table. */
export async function profileResourceTable(ctx: TablesContext, resourceId: string): Promise<TableProfile> {
  const { row, file } = await resourceTable(ctx, resourceId);
  if (row.profile) return row.profile as TableProfile;
  const profile = await profileTable(file, row.fields, timeoutOf(ctx));
  await saveProfile(ctx.catalogue.db, row.sha256, profile);
  return profile;
}
