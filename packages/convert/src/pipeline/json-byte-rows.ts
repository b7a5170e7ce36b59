import { isUtf8 } from 'node:buffer';
import { ByteRecords, GIVE_BACK } from '../delimited/byte-records.ts';
import { rejectBinary } from '../delimited/text-source.ts';
import type { EncodingName } from '../encoding/encoding-name.ts';
import { detectCoordinateColumns } from '../normalize/coordinate-columns.ts';
import type { NormalizeCounts } from '../normalize/normalize-counts.ts';
import { isTrimmedNullToken, NULL_FIRST_BYTES, NULL_MAX_BYTES } from '../normalize/null-tokens.ts';
import { rulesOutSummary } from '../normalize/summary-rows.ts';
import { rocDateOfBytes, plainNumberOfBytes } from '../infer/value-kind-bytes.ts';
import { ROC_YEAR_OFFSET } from '../normalize/roc-date.ts';
import { wgs84OfTwd97PairInto, type RoundedLonLat } from '../normalize/twd97-pair.ts';
import { jsonValue } from '../write/json-writer.ts';
import type { CellValue, TextFormat } from '../write/text-format.ts';
import type { ColumnPlan } from './column-plan.ts';
import type { RowConversion } from './record-passes.ts';

/**
 * Pass 2 for JSON output straight from a range's UTF-8 bytes (ADR 0009): fields are
 * found by scanning bytes, and the cells of columns that no normaliser changes are
 * copied into the output (escaped, or as raw numbers) without a string per cell. Rows
 * it cannot vouch for (a possible total or footnote, a null word, a number whose text
 * is not the one JSON would print, a ragged row) go through the general conversion,
 * from their decoded cells; a range it cannot read the general parser's way (a quote
 * the relaxed rules reread, an unclosed quote, invalid UTF-8) is given back
 * whole. The output is byte for byte what RowConversion and the JSON TextFormat give.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * How a column's cells are written: through the general conversion, copied as a string,
 * copied as a number, or copied as a number and also given to the general conversion
 * (TWD97 X/Y, from which it computes longitude and latitude).
 */
const GENERAL = 0;
const STRING = 1;
const NUMBER = 2;
const FEEDING_NUMBER = 3;
/** A roc-date column: seven-digit dates (1081111) are written as ISO dates from their digits. */
const ROC_DATE = 4;

/** What a range's byte conversion needs from the plan, worked out once per file. */
export interface JsonByteRows {
  /** Per input column: GENERAL, STRING, NUMBER, FEEDING_NUMBER or ROC_DATE. */
  modes: Uint8Array;
  /** TWD97 X/Y columns whose longitude/latitude (the plan's last two outputs) are worked out here. */
  projection: { x: number; y: number } | undefined;
  /** `{"name":` then `,"name":` for every output column, as UTF-8. */
  keys: Buffer[];
  anyGeneral: boolean;
  normalize: boolean;
}

/**
 * The byte conversion for JSON output with this plan, or undefined when it does not
 * apply (another format, another encoding, a delimiter outside ASCII, output names
 * that repeat: a JSON object keeps only one of them).
 */
export function jsonByteRows(
  plan: ColumnPlan,
  options: { to: string; normalize: boolean; encoding: EncodingName; delimiter: string },
): JsonByteRows | undefined {
  if (options.to !== 'json' || options.encoding !== 'UTF-8') return undefined;
  if (options.delimiter.length !== 1 || options.delimiter.charCodeAt(0) >= 0x80) return undefined;
  const names = plan.output.map((c) => c.name);
  if (names.length === 0 || new Set(names).size !== names.length) return undefined;
  const modes = new Uint8Array(plan.columns.length);
  // X/Y columns feed the longitude/latitude the plan adds, whatever their type.
  const coordinates = detectCoordinateColumns(plan.columns.map((c) => c.name));
  plan.columns.forEach((column, i) => {
    const facts = column.facts;
    // Normalising a column changes its cells only by trimming, width folding, null words and dates.
    const untouched = !options.normalize || (facts !== undefined && !facts.trims && !facts.fullWidth);
    if (!untouched) return;
    const type = column.inferred.type;
    const numeric = type === 'integer' || type === 'decimal' || type === 'coordinate';
    if (coordinates && (i === coordinates.x || i === coordinates.y)) {
      if (numeric) modes[i] = FEEDING_NUMBER;
    } else if (numeric) modes[i] = NUMBER;
    else if (type === 'string' || type === 'code' || type === 'datetime') modes[i] = STRING;
    else if (!options.normalize && (type === 'date' || type === 'roc-date')) modes[i] = STRING;
    else if (type === 'roc-date') modes[i] = ROC_DATE;
  });
  const projected = plan.output.length === plan.columns.length + 2 && coordinates !== undefined;
  const projection =
    projected && modes[coordinates.x] === FEEDING_NUMBER && modes[coordinates.y] === FEEDING_NUMBER
      ? { x: coordinates.x, y: coordinates.y }
      : undefined;
  return {
    modes,
    projection,
    keys: names.map((name, i) => Buffer.from(`${i === 0 ? '{' : ','}${JSON.stringify(name)}:`, 'utf8')),
    anyGeneral:
      modes.includes(GENERAL) ||
      (projection === undefined &&
        (modes.includes(FEEDING_NUMBER) || plan.output.length > plan.columns.length)),
    normalize: options.normalize,
  };
}

/** True when String(Number(text)) is the text itself: a plain decimal of at most 15 significant digits, ≥ 1e-6. */
function isJsonNumber(b: Buffer, start: number, end: number): boolean {
  let j = start;
  const negative = b[j] === MINUS;
  if (negative) j++;
  if (j === end) return false;
  let digits = 0;
  let zeroInteger = false;
  if (b[j] === ZERO) {
    j++;
    if (j === end) return !negative;
    zeroInteger = true;
  } else {
    while (j < end && b[j]! >= ZERO && b[j]! <= NINE) {
      j++;
      digits++;
    }
    if (digits === 0) return false;
    if (j === end) return digits <= 15;
  }
  if (b[j] !== DOT) return false;
  j++;
  const fraction = j;
  while (j < end && b[j] === ZERO) j++;
  const leadingZeros = j - fraction;
  while (j < end && b[j]! >= ZERO && b[j]! <= NINE) j++;
  if (j !== end || end === fraction || b[end - 1] === ZERO) return false;
  if (zeroInteger) return leadingZeros <= 5 && end - fraction - leadingZeros <= 15;
  return digits + (end - fraction) <= 15;
}

/** Output bytes of one range, grown as needed and reused from range to range. */
let own: Buffer = Buffer.allocUnsafe(1 << 20);
/** Where rows are written: the caller's buffer (a range's output slot) until it is outgrown, then `own`. */
let out: Buffer = own;
/** `out` as a DataView, for copying four bytes at a time. */
let outView = viewOf(out);
function writeInto(buffer: Buffer): void {
  out = buffer;
  outView = viewOf(buffer);
}
function reserve(at: number, bytes: number): void {
  if (at + bytes <= out.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(2 * out.length, at + bytes));
  out.copy(bigger, 0, 0, at);
  writeInto(bigger);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Copies bytes four at a time (numbers). */
function copyWords(from: Uint8Array, words: DataView, start: number, end: number, at: number): number {
  let o = at;
  let j = start;
  for (; j + 4 <= end; j += 4, o += 4) outView.setInt32(o, words.getInt32(j));
  for (; j < end; j++) out[o++] = from[j]!;
  return o;
}

/**
 * Whether a word (four bytes) holds a byte JSON escapes: below 0x20, `"` or `\`. Exact
 * (the "has a byte less than n" and "has a zero byte" word tests, which never miss and
 * never report one that is not there).
 */
function needsEscape(w: number): boolean {
  const quote = w ^ 0x22222222;
  const backslash = w ^ 0x5c5c5c5c;
  return (
    ((w - 0x20202020) & ~w & 0x80808080) !== 0 ||
    ((quote - 0x01010101) & ~quote & 0x80808080) !== 0 ||
    ((backslash - 0x01010101) & ~backslash & 0x80808080) !== 0
  );
}

const HEX = '0123456789abcdef';
const NULL = Buffer.from('null', 'latin1');

/** Copies a few bytes (keys, numbers) with a loop: cheaper than Buffer#copy's call for short runs. */
function copyBytes(from: Uint8Array, start: number, end: number, at: number): number {
  let o = at;
  for (let j = start; j < end; j++) out[o++] = from[j]!;
  return o;
}

/** Writes ASCII text; false (nothing written) when it has other characters or needs escaping as JSON. */
function writeAscii(text: string, at: number, json: boolean): number {
  let o = at;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80 || (json && (c < 0x20 || c === QUOTE || c === BACKSLASH))) return -1;
    out[o++] = c;
  }
  return o;
}

/** Writes the digits of a non-negative integer below 2^31, at least `width` of them (zero-padded). */
function writeDigits(n: number, width: number, at: number): number {
  let length = 1;
  for (let t = n; t >= 10; t = (t / 10) | 0) length++;
  if (length < width) length = width;
  let o = at + length;
  let t = n;
  while (o > at) {
    const q = (t / 10) | 0;
    out[--o] = ZERO + t - 10 * q;
    t = q;
  }
  return at + length;
}

/**
 * Writes a number with at most 7 decimals (integers, longitudes and latitudes rounded to
 * 7) as String gives it, without making the string: such a number is the nearest double
 * to a decimal of at most 15 significant digits, which is then its shortest form. -1
 * (nothing written) for any other number.
 */
function writeSevenDecimals(value: number, at: number): number {
  const scaled = Math.round(value * 1e7);
  const size = Math.abs(scaled);
  if (scaled / 1e7 !== value || size >= 1e15 || (size < 10 && scaled !== 0)) return -1;
  let o = at;
  if (scaled < 0) out[o++] = MINUS;
  const whole = Math.floor(size / 1e7);
  o = writeDigits(whole, 1, o);
  const fraction = size - whole * 1e7;
  if (fraction === 0) return o;
  // All seven decimals, then the trailing zeros dropped (the fraction is not 0).
  out[o++] = DOT;
  o = writeDigits(fraction, 7, o);
  while (out[o - 1] === ZERO) o--;
  return o;
}

/** Writes a typed cell as JSON.stringify would (see jsonValue). */
function writeValue(value: CellValue | undefined, at: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    reserve(at, 25);
    const o = writeSevenDecimals(value, at);
    return o !== -1 ? o : writeAscii(String(value), at, false);
  }
  if (typeof value === 'string') {
    reserve(at, 3 * value.length + 2);
    out[at] = QUOTE;
    const o = writeAscii(value, at + 1, true);
    if (o !== -1) {
      out[o] = QUOTE;
      return o + 1;
    }
  }
  const text = jsonValue(value);
  reserve(at, 3 * text.length);
  return at + out.write(text, at, 'utf8');
}

/** 1 for the bytes JSON.stringify escapes: control characters, `"` and `\`. */
const ESCAPED = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) ESCAPED[c] = 1;
ESCAPED[QUOTE] = ESCAPED[BACKSLASH] = 1;

/** Copies a cell's bytes as a JSON string's content (JSON.stringify's escapes); `doubled`: `""` is one quote. */
function copyEscaped(
  b: Buffer,
  words: DataView,
  start: number,
  end: number,
  doubled: boolean,
  at: number,
): number {
  let o = at;
  let j = start;
  // Four bytes at a time while none needs escaping (with `""` inside, byte by byte).
  if (!doubled) {
    for (; j + 4 <= end; j += 4, o += 4) {
      const w = words.getInt32(j);
      if (needsEscape(w)) break;
      outView.setInt32(o, w);
    }
  }
  for (; j < end; j++) {
    const c = b[j]!;
    if (ESCAPED[c] === 0) {
      out[o++] = c;
      continue;
    }
    out[o++] = BACKSLASH;
    if (c === QUOTE) {
      out[o++] = QUOTE;
      if (doubled) j++;
    } else if (c === BACKSLASH) out[o++] = BACKSLASH;
    else if (c === 0x08)
      out[o++] = 0x62; // b
    else if (c === 0x09)
      out[o++] = 0x74; // t
    else if (c === LF)
      out[o++] = 0x6e; // n
    else if (c === 0x0c)
      out[o++] = 0x66; // f
    else if (c === CR)
      out[o++] = 0x72; // r
    else o += out.write(`u00${HEX[c >> 4]}${HEX[c & 15]}`, o, 'latin1');
  }
  return o;
}

/** A row's longitude/latitude, reused from row to row. */
const lonLat: RoundedLonLat = { lon: null, lat: null };

/** A TWD97 cell that passed isJsonNumber, as parseCoordinate reads it (null when empty). */
function coordinateOfBytes(b: Buffer, start: number, end: number): number | null {
  if (start === end) return null;
  const plain = plainNumberOfBytes(b, start, end);
  return Number.isNaN(plain) ? Number(b.toString('latin1', start, end)) : plain;
}

/** Writes a valid seven-digit ROC date (1081111) as parseRocDate gives it: `"2019-11-11"`. */
function writeRocDate(b: Buffer, start: number, at: number): number {
  const year =
    (b[start]! - ZERO) * 100 + (b[start + 1]! - ZERO) * 10 + (b[start + 2]! - ZERO) + ROC_YEAR_OFFSET;
  let o = at;
  out[o++] = QUOTE;
  o = writeDigits(year, 4, o);
  out[o++] = MINUS;
  out[o++] = b[start + 3]!;
  out[o++] = b[start + 4]!;
  out[o++] = MINUS;
  out[o++] = b[start + 5]!;
  out[o++] = b[start + 6]!;
  out[o++] = QUOTE;
  return o;
}

/** What the caller's general conversion does with one record's decoded cells. */
export interface ByteRangeTarget {
  plan: ColumnPlan;
  format: TextFormat;
  conversion: RowConversion;
  counts: NormalizeCounts;
  /** Records to skip first (the title and header rows at the start of range 0). */
  skip: number;
  /** Where to write the rows when they fit (they are copied elsewhere when they do not). */
  into?: Buffer;
}

/**
 * Converts a range's bytes to JSON rows (each preceded by the format's separator).
 * Undefined when the range must go through the general parser instead.
 */
export function convertJsonBytes(
  rows: JsonByteRows,
  b: Buffer,
  delimiter: string,
  target: ByteRangeTarget,
): { bytes: Buffer; rows: number; inPlace: boolean } | undefined {
  rejectBinary(b, 'UTF-8');
  if (!isUtf8(b)) return undefined;
  writeInto(target.into ?? own);
  const bWords = viewOf(b);
  const { modes, keys, normalize } = rows;
  const { plan, format, conversion, counts } = target;
  const width = modes.length;
  const separator = Buffer.from(format.separator, 'utf8');
  const records = new ByteRecords(b, delimiter.charCodeAt(0), width);
  const cells: string[] = new Array<string>(width).fill('');
  const lonLatRow: CellValue[] = new Array<CellValue>(width + 2).fill(null);
  const cellText = (f: number) => records.text(f);
  let skip = target.skip;
  let o = 0;
  let written = 0;
  for (;;) {
    const fields = records.next();
    if (fields === 0) break;
    if (fields === GIVE_BACK) return undefined;
    const { starts, ends, doubled } = records;
    if (skip > 0) {
      skip--;
      continue;
    }

    // The row straight from bytes, when every check passes.
    let direct = fields === width;
    if (direct) {
      let f = 0;
      while (f < width && starts[f] === ends[f]) f++;
      if (f < width) {
        const first = b[starts[f]!]!;
        const firstChar = first < 0x80 ? first : cellText(f).charCodeAt(0);
        direct = rulesOutSummary(firstChar);
      }
    }
    // Rows with columns for the general conversion are checked before it runs (it counts
    // what it normalises); the others are checked while they are written.
    const checked = rows.anyGeneral;
    for (let f = 0; checked && direct && f < width; f++) {
      const mode = modes[f]!;
      const start = starts[f]!;
      const end = ends[f]!;
      if (mode === GENERAL || start === end) continue;
      if (mode === NUMBER || mode === FEEDING_NUMBER)
        direct = doubled[f] === 0 && isJsonNumber(b, start, end);
      else if (mode === ROC_DATE) direct = end - start === 7 && rocDateOfBytes(b, start, end) === 1;
      else if (normalize && end - start <= NULL_MAX_BYTES && NULL_FIRST_BYTES[b[start]!] === 1) {
        direct = !isTrimmedNullToken(cellText(f));
      }
    }
    if (direct) {
      const rowStart = o;
      let rocDates = 0;
      let typed: ReturnType<ColumnPlan['convertTyped']> | undefined;
      if (checked) {
        for (let f = 0; f < width; f++) {
          const mode = modes[f]!;
          cells[f] = mode === GENERAL || mode === FEEDING_NUMBER ? cellText(f) : '';
        }
        typed = plan.convertTyped(cells, counts);
      }
      reserve(o, separator.length);
      o = copyBytes(separator, 0, separator.length, o);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const mode = i < width ? modes[i]! : GENERAL;
        if (mode === GENERAL) {
          if (typed === undefined) {
            // Past the input columns, all of them written: longitude and latitude.
            const { x, y } = rows.projection!;
            wgs84OfTwd97PairInto(
              coordinateOfBytes(b, starts[x]!, ends[x]!),
              coordinateOfBytes(b, starts[y]!, ends[y]!),
              counts,
              lonLat,
            );
            lonLatRow[width] = lonLat.lon;
            lonLatRow[width + 1] = lonLat.lat;
            typed = lonLatRow;
          }
          reserve(o, key.length + 25);
          out.set(key, o);
          o = writeValue(typed[i], o + key.length);
          continue;
        }
        const start = starts[i]!;
        const end = ends[i]!;
        if (start === end) {
          reserve(o, key.length + 4);
          out.set(key, o);
          o = copyBytes(NULL, 0, 4, o + key.length);
          continue;
        }
        if (!checked) {
          const fits =
            mode === NUMBER || mode === FEEDING_NUMBER
              ? doubled[i] === 0 && isJsonNumber(b, start, end)
              : mode === ROC_DATE
                ? end - start === 7 && rocDateOfBytes(b, start, end) === 1
                : !(normalize && end - start <= NULL_MAX_BYTES && NULL_FIRST_BYTES[b[start]!] === 1) ||
                  !isTrimmedNullToken(cellText(i));
          if (!fits) {
            direct = false;
            break;
          }
        }
        reserve(o, key.length + 6 * (end - start) + 14);
        out.set(key, o);
        o += key.length;
        if (mode === NUMBER || mode === FEEDING_NUMBER) o = copyWords(b, bWords, start, end, o);
        else if (mode === ROC_DATE) {
          o = writeRocDate(b, start, o);
          rocDates++;
        } else {
          out[o++] = QUOTE;
          o = copyEscaped(b, bWords, start, end, doubled[i] === 1, o);
          out[o++] = QUOTE;
        }
      }
      if (direct) {
        reserve(o, 1);
        out[o++] = 0x7d; // }
        counts.rocDates += rocDates;
        written++;
        continue;
      }
      o = rowStart;
    }

    // The general conversion, from the record's decoded cells.
    const record: string[] = [];
    for (let f = 0; f < fields; f++) record.push(cellText(f));
    const converted = conversion.convert(record, counts);
    if (!converted) continue;
    const text = format.separator + format.row(converted);
    reserve(o, 3 * text.length);
    o += out.write(text, o, 'utf8');
    written++;
  }
  const bytes = out.subarray(0, o);
  if (out !== target.into) own = out;
  return { bytes, rows: written, inPlace: out === target.into };
}
