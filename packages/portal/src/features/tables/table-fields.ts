import type { ColumnType } from '@odp/convert';
import { detectCoordinateColumns } from '@odp/convert';

/** A column of a normalised table, as the data API describes it. */
export const FIELD_TYPES = [
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'code',
  'coordinate',
  'string',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface TableField {
  name: string;
  type: FieldType;
}

const NUMERIC: ReadonlySet<FieldType> = new Set(['integer', 'decimal', 'coordinate']);

/** Stored as numbers in the Parquet file (INT64 or DOUBLE). */
export const isNumeric = (field: TableField): boolean => NUMERIC.has(field.type);
/** Stored as UTF-8 text (dates as ISO text). */
export const isText = (field: TableField): boolean => !isNumeric(field) && field.type !== 'boolean';
/** ISO dates or date-times: ordered as text, binned as time. */
export const isTemporal = (field: TableField): boolean => field.type === 'date' || field.type === 'datetime';

/** The converter's inferred type as a field type: 民國 dates are ISO dates once converted. */
export function fieldTypeOf(type: ColumnType): FieldType {
  return type === 'roc-date' ? 'date' : type;
}

/** The longitude/latitude pair of a table (WGS84, or converted from TWD97), when it has numeric ones. */
export function coordinateFields(
  fields: readonly TableField[],
): { lon: TableField; lat: TableField } | undefined {
  const found = detectCoordinateColumns(fields.map((f) => f.name));
  if (!found || found.system !== 'geographic') return undefined;
  const lon = fields[found.x];
  const lat = fields[found.y];
  if (!lon || !lat || !isNumeric(lon) || !isNumeric(lat)) return undefined;
  return { lon, lat };
}
