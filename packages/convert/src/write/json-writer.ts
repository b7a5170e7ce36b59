import type { Writable } from 'node:stream';
import { TextOutput, type CellValue, type SinkColumn, type TableSink } from './table-sink.ts';

function record(columns: readonly SinkColumn[], row: readonly CellValue[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  columns.forEach((c, i) => {
    out[c.name] = row[i] ?? null;
  });
  return out;
}

/** A JSON array of objects keyed by column name, values typed; streamed row by row. */
export function createJsonWriter(out: Writable, columns: readonly SinkColumn[]): TableSink {
  const output = new TextOutput(out);
  let count = 0;
  return {
    async write(row) {
      await output.write(`${count === 0 ? '[\n' : ',\n'}${JSON.stringify(record(columns, row))}`);
      count++;
    },
    async end() {
      await output.write(count === 0 ? '[]\n' : '\n]\n');
      await output.flush();
    },
  };
}

/** Newline-delimited JSON: one object a line. */
export function createNdjsonWriter(out: Writable, columns: readonly SinkColumn[]): TableSink {
  const output = new TextOutput(out);
  return {
    async write(row) {
      await output.write(`${JSON.stringify(record(columns, row))}\n`);
    },
    async end() {
      await output.flush();
    },
  };
}
