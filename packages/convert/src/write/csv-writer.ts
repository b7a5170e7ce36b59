import { stringify } from 'csv-stringify/sync';
import type { Writable } from 'node:stream';
import { TextOutput, type CellValue, type SinkColumn, type TableSink } from './table-sink.ts';

export interface CsvWriterOptions {
  /** Start with a UTF-8 byte order mark so Excel opens the file as UTF-8. */
  bom?: boolean;
  /** Line ending; RFC 4180 says CRLF. */
  recordDelimiter?: '\r\n' | '\n';
}

function cell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** UTF-8 CSV (RFC 4180): header row, quoting only where needed, rows streamed. */
export function createCsvWriter(
  out: Writable,
  columns: readonly SinkColumn[],
  options: CsvWriterOptions = {},
): TableSink {
  const output = new TextOutput(out);
  const record_delimiter = options.recordDelimiter === '\n' ? 'unix' : 'windows';
  // RFC 4180: a field with a line break is quoted, whatever the record delimiter.
  const line = (cells: string[]) => stringify([cells], { record_delimiter, quoted_match: /[\r\n]/ });
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    await output.write((options.bom ? '\uFEFF' : '') + line(columns.map((c) => c.name)));
  };
  return {
    async write(row) {
      await start();
      await output.write(line(row.map(cell)));
    },
    async end() {
      await start();
      await output.flush();
    },
  };
}
