import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ConvertError } from '../errors/convert-error.ts';
import { emptySummary, type RecordReader, type SourceRecord, type SourceSummary } from './record-source.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const isJsonObject = (value: unknown): value is Record<string, JsonValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One record as `column → text`: nested objects become dotted columns (`address.city`),
 * arrays of scalars are joined with `;`, arrays holding objects stay JSON text, null is ''.
 */
export function flattenJsonRecord(
  value: JsonValue,
  prefix = '',
  out = new Map<string, string>(),
): Map<string, string> {
  if (isJsonObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.set(prefix, '');
    for (const [key, inner] of entries) flattenJsonRecord(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (Array.isArray(value)) {
    const scalars = value.every((item) => typeof item !== 'object' || item === null);
    out.set(
      prefix || 'value',
      scalars ? value.map((item) => (item === null ? '' : String(item))).join(';') : JSON.stringify(value),
    );
  } else {
    out.set(prefix || 'value', value === null ? '' : String(value));
  }
  return out;
}

/** The header record, then each record's cells in the order of `columns`. */
export async function* tableRecords(
  columns: readonly string[],
  records: AsyncIterable<{ value: Map<string, string>; line: number }>,
): AsyncGenerator<SourceRecord> {
  let first = true;
  for await (const { value, line } of records) {
    if (first) yield { cells: [...columns], line: Math.max(1, line - 1) };
    first = false;
    yield { cells: columns.map((column) => value.get(column) ?? ''), line };
  }
}

/** One object a line, flattened; blank lines skipped; a bad line is INVALID_JSON naming it. */
async function* ndjsonRecords(
  file: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<{ value: Map<string, string>; line: number }> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
  if (onBytes) stream.on('data', () => onBytes(stream.bytesRead));
  let line = 0;
  for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ConvertError('INVALID_JSON', `Line ${line} is not valid JSON: ${detail}`, {
        line,
        cause: error,
      });
    }
    if (!isJsonObject(value)) {
      throw new ConvertError('INVALID_JSON', `Line ${line} is not a JSON object`, { line });
    }
    yield { value: flattenJsonRecord(value), line };
  }
}

/**
 * NDJSON (JSON Lines): one object a line, flattened like JSON; record lines are the
 * file's lines. Columns are the union of keys in first-seen order, from a first scan.
 */
export const readNdjsonFile: RecordReader = (file, options) => {
  const summary: SourceSummary = emptySummary();
  async function* read(): AsyncGenerator<SourceRecord> {
    const columns = new Set<string>();
    for await (const { value } of ndjsonRecords(file)) for (const column of value.keys()) columns.add(column);
    yield* tableRecords([...columns], ndjsonRecords(file, options.onBytes));
  }
  return { [Symbol.asyncIterator]: read, summary, headerIsFirstRecord: true };
};
