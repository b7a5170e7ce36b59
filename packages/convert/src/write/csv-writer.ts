import type { Writable } from 'node:stream';
import type { CellValue, SinkColumn, TableSink } from './table-sink.ts';
import type { TextFormat } from './text-format.ts';
import { createTextWriter } from './text-writer.ts';

export interface CsvWriterOptions {
  /** Start with a UTF-8 byte order mark so Excel opens the file as UTF-8. */
  bom?: boolean;
  /** Line ending; RFC 4180 says CRLF. */
  recordDelimiter?: '\r\n' | '\n';
}

/** A comma, a quote or a line break (a regular expression: native, faster than a loop over characters). */
const NEEDS_QUOTES = /[,"\n\r]/;

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180, and
 * what csv-stringify did here), with quotes doubled; as it is otherwise.
 */
export function csvField(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string')
    return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** UTF-8 CSV (RFC 4180) as a TextFormat: header row, quoting only where needed. */
export function csvFormat(columns: readonly SinkColumn[], options: CsvWriterOptions = {}): TextFormat {
  const eol = options.recordDelimiter === '\n' ? '\n' : '\r\n';
  const line = (cells: readonly CellValue[]): string => {
    let text = '';
    for (let i = 0; i < cells.length; i++) text += i === 0 ? csvField(cells[i]) : `,${csvField(cells[i])}`;
    return text + eol;
  };
  const header = (options.bom ? '\uFEFF' : '') + line(columns.map((c) => c.name));
  return { begin: header, separator: '', row: line, end: '', empty: header };
}

/** UTF-8 CSV (RFC 4180): header row, quoting only where needed, rows streamed. */
export function createCsvWriter(
  out: Writable,
  columns: readonly SinkColumn[],
  options: CsvWriterOptions = {},
): TableSink {
  return createTextWriter(out, csvFormat(columns, options));
}
