import type { Writable } from 'node:stream';
import { TextOutput, type CellValue, type SinkColumn, type TableSink } from './table-sink.ts';

/** JSON text of a string: JSON.stringify only when something needs escaping. */
export function jsonString(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(value);
  }
  return `"${value}"`;
}

/** JSON text of a cell value (what JSON.stringify gives, without its call for the common cases). */
export function jsonValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return value ? 'true' : 'false';
}

/** Names that would not keep their place as object keys: array indexes sort first, `__proto__` is special. */
const UNSAFE_KEY = /^(0|[1-9]\d*)$|^__proto__$/;

/**
 * Serialises rows as JSON objects in column order. Usually each row becomes an object
 * (same keys in the same order, so one hidden class) given to JSON.stringify: one native
 * call per row, about twice as fast as joining the values' JSON in JavaScript. Where a
 * column name would not keep its place as a key, the keys' JSON text is built once and
 * each row only serialises its values.
 */
function recordSerializer(columns: readonly SinkColumn[]): (row: readonly CellValue[]) => string {
  if (columns.length === 0) return () => '{}';
  const names = columns.map((c) => c.name);
  if (!names.some((name) => UNSAFE_KEY.test(name))) {
    return (row) => {
      const record: Record<string, CellValue> = {};
      for (let i = 0; i < names.length; i++) record[names[i]!] = row[i] ?? null;
      return JSON.stringify(record);
    };
  }
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  return (row) => {
    let text = '';
    for (let i = 0; i < keys.length; i++) text += keys[i] + jsonValue(row[i]);
    return `${text}}`;
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
    async writeRows(rows) {
      let text = '';
      for (const row of rows) {
        text += `${count === 0 ? '[\n' : ',\n'}${record(row)}`;
        count++;
      }
      await output.write(text);
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
    async writeRows(rows) {
      let text = '';
      for (const row of rows) text += `${record(row)}\n`;
      await output.write(text);
    },
    async end() {
      await output.flush();
    },
  };
}
