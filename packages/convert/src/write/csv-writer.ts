import type { Writable } from 'node:stream';
import { TextOutput, type CellValue, type SinkColumn, type TableSink } from './table-sink.ts';

export interface CsvWriterOptions {
  /** Start with a UTF-8 byte order mark so Excel opens the file as UTF-8. */
  bom?: boolean;
  /** Line ending; RFC 4180 says CRLF. */
  recordDelimiter?: '\r\n' | '\n';
}

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180, and
 * what csv-stringify did here), with quotes doubled; as it is otherwise.
 */
export function csvField(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string')
    return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x2c || c === 0x22 || c === 0x0a || c === 0x0d) return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** UTF-8 CSV (RFC 4180): header row, quoting only where needed, rows streamed. */
export function createCsvWriter(
  out: Writable,
  columns: readonly SinkColumn[],
  options: CsvWriterOptions = {},
): TableSink {
  const output = new TextOutput(out);
  const eol = options.recordDelimiter === '\n' ? '\n' : '\r\n';
  const line = (cells: readonly CellValue[]): string => {
    let text = '';
    for (let i = 0; i < cells.length; i++) text += i === 0 ? csvField(cells[i]) : `,${csvField(cells[i])}`;
    return text + eol;
  };
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    await output.write((options.bom ? '\uFEFF' : '') + line(columns.map((c) => c.name)));
  };
  return {
    async write(row) {
      await start();
      await output.write(line(row));
    },
    async writeRows(rows) {
      await start();
      let text = '';
      for (const row of rows) text += line(row);
      await output.write(text);
    },
    async end() {
      await start();
      await output.flush();
    },
  };
}
