import type { Writable } from 'node:stream';
import { TextOutput, type CellValue, type SinkColumn, type TableSink } from './table-sink.ts';

/**
 * Serialises rows as JSON objects in column order. The keys' JSON text is built once;
 * each row only serialises its values (column names are unique, so the object is the
 * same as JSON.stringify of a record would give, keys in column order).
 */
function recordSerializer(columns: readonly SinkColumn[]): (row: readonly CellValue[]) => string {
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  return (row) => {
    let text = '';
    for (let i = 0; i < keys.length; i++) text += keys[i] + JSON.stringify(row[i] ?? null);
    return keys.length === 0 ? '{}' : `${text}}`;
  };
}

/** A JSON array of objects keyed by column name, values typed; streamed row by row. */
export function createJsonWriter(out: Writable, columns: readonly SinkColumn[]): TableSink {
  const output = new TextOutput(out);
  const record = recordSerializer(columns);
  let count = 0;
  return {
    async write(row) {
      await output.write(`${count === 0 ? '[\n' : ',\n'}${record(row)}`);
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
  const record = recordSerializer(columns);
  return {
    async write(row) {
      await output.write(`${record(row)}\n`);
    },
    async end() {
      await output.flush();
    },
  };
}
