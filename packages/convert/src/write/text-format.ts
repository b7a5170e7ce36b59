import type { CellValue, SinkColumn } from './table-sink.ts';

/**
 * How a text output format lays out a table: the document is `begin`, the rows' text
 * joined by `separator`, then `end` — or `empty` when no row is written. Rows render
 * independently of each other, so a range of rows can be rendered anywhere (a worker
 * thread converting one chunk of a big file) and the pieces concatenated in order.
 */
export interface TextFormat {
  begin: string;
  separator: string;
  row(row: readonly CellValue[]): string;
  end: string;
  empty: string;
}

/** The document of `rows` in `format` (tests and small tables). */
export function renderDocument(format: TextFormat, rows: readonly (readonly CellValue[])[]): string {
  if (rows.length === 0) return format.empty;
  return format.begin + rows.map((row) => format.row(row)).join(format.separator) + format.end;
}

export type { CellValue, SinkColumn };
