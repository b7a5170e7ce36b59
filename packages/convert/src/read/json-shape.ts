/**
 * What a JSON document is, as a table: rows from an array of objects, or one record.
 *
 * A file's outline (gathered while streaming it once) says how the document is built;
 * `chooseJsonShape` turns it into the path the reader takes. The rule, and why:
 *
 * - A root array: its objects are the rows.
 * - A root object with no array of objects in it: one record (a metadata file, a
 *   settings export). Turning it into one row loses nothing.
 * - A root object holding arrays of objects: look at the largest such array (most
 *   objects) and at the object that directly holds it. The holder is **one record**
 *   when it has at least {@link MIN_RECORD_FIELDS} fields of its own (scalars or arrays
 *   of scalars), more than each array item has on average, and at least as many as
 *   the array has items — its own fields are the main content and the array is a
 *   detail of it (data.gov.tw metadata v1: 32 fields and a `distribution` of 3). Any
 *   other holder **wraps the table**: envelopes carry a handful of fields (`success`,
 *   `total`, `limit`, `resource_id`) around many wider items (CKAN datastore
 *   `{"success":true,"result":{"records":[…]}}`, data.gov.tw `{"data":[…]}`, GeoJSON
 *   `features`), so the array's objects are the rows.
 *
 * A record is held in memory, so one with more than {@link MAX_RECORD_VALUES} values is
 * read as the array's rows instead, or refused when there is no array.
 */

/** Fewer fields than this around an array: an envelope, never a record (APIs add up to ~8). */
export const MIN_RECORD_FIELDS = 8;
/** The most scalar values read as one record (one row of at most this many columns). */
export const MAX_RECORD_VALUES = 10_000;

export interface JsonArrayOutline {
  /** Object keys from the root to the array (`['result', 'records']`). */
  keys: string[];
  objects: number;
  /** Scalar values anywhere inside the array. */
  values: number;
  /** Keys from the root to the object directly holding the array. */
  holderKeys: string[];
  /** The holder's own fields: scalars and arrays without objects. */
  holderFields: number;
  /** Scalar values anywhere inside the holder, the array's included. */
  holderValues: number;
}

export interface JsonOutline {
  root: 'array' | 'object' | 'scalar' | 'empty';
  /** Properties of the root object. */
  rootProperties: number;
  /** Scalar values in the whole document. */
  values: number;
  /** The array of objects with the most objects, reached from the root through object properties only. */
  largest: JsonArrayOutline | undefined;
}

export type JsonShape =
  | { kind: 'rows'; keys: string[]; reason?: string }
  | { kind: 'record'; keys: string[]; reason: string }
  | { kind: 'none'; reason: string };

export const jsonPath = (keys: readonly string[]): string => `$${keys.map((key) => `.${key}`).join('')}`;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const leftOut = (n: number, where: string): string =>
  n > 0 ? `; the ${plural(n, 'value')} outside ${where} ${n === 1 ? 'was' : 'were'} left out` : '';

export function chooseJsonShape(outline: JsonOutline): JsonShape {
  if (outline.root === 'array') return { kind: 'rows', keys: [] };
  if (outline.root === 'empty') return { kind: 'none', reason: 'holds no JSON value' };
  if (outline.root === 'scalar') return { kind: 'none', reason: 'holds a single value, not records' };
  const array = outline.largest;
  if (!array) {
    if (outline.rootProperties === 0) return { kind: 'none', reason: 'holds an empty object' };
    if (outline.values > MAX_RECORD_VALUES) {
      return {
        kind: 'none',
        reason: `holds no array of objects, and its ${outline.values} values are too many for one record (at most ${MAX_RECORD_VALUES})`,
      };
    }
    return {
      kind: 'record',
      keys: [],
      reason: 'JSON: the top-level object holds no array of objects; read as one record (one row)',
    };
  }
  const perItem = array.values / array.objects;
  const record =
    array.holderFields >= MIN_RECORD_FIELDS &&
    array.holderFields > perItem &&
    array.holderFields >= array.objects &&
    array.holderValues <= MAX_RECORD_VALUES;
  const holder = jsonPath(array.holderKeys);
  const items = `${plural(array.objects, 'object')} of ${jsonPath(array.keys)}`;
  const around = `${plural(array.holderFields, 'field')} of its own`;
  if (record) {
    const index = `${array.keys.at(-1) ?? ''}.0.…`;
    return {
      kind: 'record',
      keys: array.holderKeys,
      reason:
        `JSON: read ${holder} as one record (one row): it has ${around}, more than each of the ` +
        `${items} (about ${Math.round(perItem)}); those objects became indexed columns (${index})` +
        leftOut(outline.values - array.holderValues, holder),
    };
  }
  return {
    kind: 'rows',
    keys: array.keys,
    reason:
      `JSON: read the ${items} as rows; the object around them (${holder}, ${around}) was taken for a ` +
      `wrapper${leftOut(outline.values - array.values, 'the array')}`,
  };
}
