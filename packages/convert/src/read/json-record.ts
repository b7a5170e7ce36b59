import type { JsonValue } from './ndjson-reader.ts';
import { isJsonObject } from './ndjson-reader.ts';

const isScalar = (value: JsonValue): boolean => typeof value !== 'object' || value === null;
const text = (value: JsonValue): string => (value === null ? '' : String(value));

/**
 * A whole JSON object as one row, `column → text`: nested objects become dotted columns
 * (`contact.email`), arrays of scalars are joined with `;` as in rows, and arrays of
 * objects are indexed (`distribution.0.resourceID`, `distribution.1.resourceID`).
 *
 * Indexing rather than JSON text, because the result is a single row: every value gets
 * a cell of its own that spreadsheets, type inference and the normalisers can use (a
 * download URL, a date, a format), where a cell of JSON text is unreadable in Excel and
 * would need parsing again. The width is bounded by the record's size (see json-shape).
 */
export function flattenJsonDocument(
  value: JsonValue,
  prefix = '',
  out = new Map<string, string>(),
): Map<string, string> {
  const key = (inner: string) => (prefix ? `${prefix}.${inner}` : inner);
  if (isJsonObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.set(prefix, '');
    for (const [name, inner] of entries) flattenJsonDocument(inner, key(name), out);
  } else if (Array.isArray(value)) {
    if (value.every(isScalar)) out.set(prefix || 'value', value.map(text).join(';'));
    else value.forEach((item, i) => flattenJsonDocument(item, key(String(i)), out));
  } else {
    out.set(prefix || 'value', text(value));
  }
  return out;
}
