import { viewOf } from '../encoding/byte-view.ts';
import { codePointAt, codePointBefore } from '../encoding/utf8.ts';
import { charFlags, FULL_WIDTH, HAS_CJK, isEdgeSpace, NEEDS_TRIM, scanCell } from '../normalize/cell-scan.ts';
import { isTrimmedNullToken, NULL_FIRST_BYTES, NULL_MAX_BYTES } from '../normalize/null-tokens.ts';
import { trimCell } from '../normalize/trim.ts';
import {
  isBooleanValue,
  isCodeEvidence,
  isCodeValue,
  isDateTimeValue,
  isDateValue,
  isFractionValue,
  isIntegerValue,
  isRocDateValue,
  numberValue,
} from './value-kind.ts';
import {
  codeEvidenceOfBytes,
  codeOfBytes,
  mayBeNumberByte,
  numberShapeOfBytes,
  digitsValueOfBytes,
  lastNumber,
  rocDateOfBytes,
} from './value-kind-bytes.ts';
import { DistinctValues, FULL } from './distinct-values.ts';

/** A cell's text from its UTF-8 bytes (latin1 decoding is the same text for ASCII, and faster). */
const cellString = (b: Buffer, start: number, end: number, ascii: boolean): string =>
  b.toString(ascii ? 'latin1' : 'utf8', start, end);

export type ColumnType =
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'date'
  | 'datetime'
  /** 民國 dates: 1081111, 108/11/11, 民國108年11月11日. */
  | 'roc-date'
  /** Digit strings that must stay strings: phone numbers, codes with leading zeros. */
  | 'code'
  /** Decimal degrees in Taiwan's range, or TWD97 TM2 metres. */
  | 'coordinate'
  | 'string';

export type CoordinateAxis = 'longitude' | 'latitude' | 'twd97-x' | 'twd97-y';

export interface InferredColumnType {
  type: ColumnType;
  /** For coordinates: which axis the values fit. */
  coordinateAxis?: CoordinateAxis;
  /** Values seen, nulls included. */
  count: number;
  nullCount: number;
  /** Distinct non-null values, counted up to `distinctCap`. */
  distinctCount: number;
  distinctCapped: boolean;
  /** Length (in characters) of the shortest and longest non-null value; 0 when all are null. */
  minLength: number;
  maxLength: number;
}

/** Ranges a coordinate column must stay in (Taiwan, Penghu, Kinmen, Matsu and the islands). */
const AXIS_RANGES: Record<CoordinateAxis, [number, number]> = {
  longitude: [114, 125],
  latitude: [10, 27],
  'twd97-x': [100_000, 400_000],
  'twd97-y': [2_400_000, 2_950_000],
};

export const DEFAULT_DISTINCT_CAP = 10_000;

/** The types still possible for a column, as bits (a value clears those it rules out). */
const BOOLEAN = 1;
const INTEGER = 2;
const DECIMAL = 4;
const DATE = 8;
const DATETIME = 16;
const ROC_DATE = 32;
const CODE = 64;
const ALL = BOOLEAN | INTEGER | DECIMAL | DATE | DATETIME | ROC_DATE | CODE;
const AXES = Object.keys(AXIS_RANGES) as CoordinateAxis[];

/** What the converter's pass 2 may skip for a column: no cell needs trimming or width folding. */
export interface ColumnTextFacts {
  /** Some cell had edge whitespace or invisible characters. */
  trims: boolean;
  /** Some cell had full-width forms. */
  fullWidth: boolean;
}

/** An inferrer's whole state as plain data: what a worker thread hands back for merging. */
export interface InferrerState {
  possible: number;
  axes: CoordinateAxis[];
  distinct: string[];
  distinctCapped: boolean;
  codeEvidence: boolean;
  fractional: boolean;
  count: number;
  nullCount: number;
  minLength: number;
  maxLength: number;
  scanned: number;
}

/**
 * Infers a column's type from all its values, fed one at a time (no sampling, bounded
 * memory apart from the capped distinct set). Null tokens (empty, `-`, `無` …) do not vote.
 * Each value is only tested for the types the column can still have.
 */
export class ColumnTypeInferrer {
  private possible = ALL;
  private axes: CoordinateAxis[] = [...AXES];
  /** The intersection of the axes' ranges (empty while two axes remain that do not overlap). */
  private axesLow = Math.max(...AXES.map((axis) => AXIS_RANGES[axis][0]));
  private axesHigh = Math.min(...AXES.map((axis) => AXIS_RANGES[axis][1]));
  private readonly distinct: DistinctValues;
  private codeEvidence = false;
  private fractional = false;
  private count = 0;
  private nullCount = 0;
  private distinctCapped = false;
  private minLength = Number.POSITIVE_INFINITY;
  private maxLength = 0;
  private scanned = 0;

  constructor(distinctCap = DEFAULT_DISTINCT_CAP) {
    this.distinct = new DistinctValues(distinctCap);
  }

  add(raw: string | null | undefined): void {
    this.count++;
    if (raw === null || raw === undefined) {
      this.nullCount++;
      return;
    }
    const flags = scanCell(raw);
    this.scanned |= flags;
    const trimmed = flags & NEEDS_TRIM ? trimCell(raw) : raw;
    if (isTrimmedNullToken(trimmed)) {
      this.nullCount++;
      return;
    }
    const value = flags & NEEDS_TRIM ? raw.trim() : raw;
    const length = value.length;
    if (length < this.minLength) this.minLength = length;
    if (length > this.maxLength) this.maxLength = length;
    if (!this.distinctCapped && this.distinct.insertString(value) === FULL) this.distinctCapped = true;
    if (this.possible !== 0) this.vote(value);
  }

  /** Rules out the types a non-null, trimmed value cannot have. */
  private vote(value: string): void {
    let possible = this.possible;
    if (possible & BOOLEAN && !isBooleanValue(value)) possible &= ~BOOLEAN;
    const integer = (possible & (INTEGER | DECIMAL)) !== 0 && isIntegerValue(value);
    if (!integer) possible &= ~INTEGER;
    if (possible & DECIMAL) {
      if (integer || isFractionValue(value)) {
        if (!integer) this.fractional = true;
        if (this.axes.length > 0) {
          this.narrowAxes(numberValue(value));
        }
      } else possible &= ~DECIMAL;
    }
    if (possible & DATE && !isDateValue(value)) possible &= ~DATE;
    if (possible & DATETIME && !isDateTimeValue(value)) possible &= ~DATETIME;
    if (possible & ROC_DATE && !isRocDateValue(value)) possible &= ~ROC_DATE;
    if (possible & CODE) {
      if (!isCodeValue(value)) possible &= ~CODE;
      else if (!this.codeEvidence && isCodeEvidence(value)) this.codeEvidence = true;
    }
    this.possible = possible;
  }

  /** Rules out the coordinate axes whose range the number is outside. */
  private narrowAxes(number: number): void {
    // Inside every axis's range: inside their intersection. A new array only when an
    // axis is ruled out (once or twice per column).
    if (number >= this.axesLow && number <= this.axesHigh) return;
    this.setAxes(
      this.axes.filter((axis) => {
        const [low, high] = AXIS_RANGES[axis];
        return number >= low && number <= high;
      }),
    );
  }

  private setAxes(axes: CoordinateAxis[]): void {
    this.axes = axes;
    this.axesLow = Math.max(...axes.map((axis) => AXIS_RANGES[axis][0]));
    this.axesHigh = Math.min(...axes.map((axis) => AXIS_RANGES[axis][1]));
  }

  /**
   * add() for a cell given as the bytes b[start, end) of a valid UTF-8 text, without `""`
   * inside (ADR 0010): the same state afterwards, with a string made only where the
   * distinct set or a type test needs one. Cells that need trimming go through add().
   */
  addUtf8(b: Buffer, start: number, end: number): void {
    if (start === end) {
      this.count++;
      this.nullCount++;
      return;
    }
    // One step per character: the length in UTF-16 code units and scanCell's flags.
    // ASCII four bytes at a time first.
    const words = viewOf(b);
    let j = start;
    while (j + 4 <= end && (words.getInt32(j) & 0x80808080) === 0) j += 4;
    let length = j - start;
    let ascii = true;
    let flags = 0;
    while (j < end) {
      const c = b[j]!;
      if (c < 0x80) {
        length++;
        j++;
        continue;
      }
      ascii = false;
      if (c < 0xe0) {
        // Two bytes (U+0080–U+07FF): no flag (U+00A0 matters at an edge only).
        length++;
        j += 2;
      } else if (c >= 0xf0) {
        // Four bytes: a surrogate pair, no flag.
        length += 2;
        j += 4;
      } else {
        length++;
        // U+4000–U+9FFF (lead bytes E4–E9) are all CJK ideographs; the rest are decoded.
        flags |=
          c >= 0xe4 && c <= 0xe9
            ? HAS_CJK
            : charFlags(((c & 0x0f) << 12) | ((b[j + 1]! & 0x3f) << 6) | (b[j + 2]! & 0x3f));
        j += 3;
      }
    }
    if (flags & NEEDS_TRIM || isEdgeSpace(codePointAt(b, start)) || isEdgeSpace(codePointBefore(b, end))) {
      this.add(b.toString('utf8', start, end));
      return;
    }
    this.count++;
    this.scanned |= flags;
    let value: string | undefined;
    if (end - start <= NULL_MAX_BYTES && NULL_FIRST_BYTES[b[start]!] === 1) {
      value = cellString(b, start, end, ascii);
      if (isTrimmedNullToken(value)) {
        this.nullCount++;
        return;
      }
    }
    if (length < this.minLength) this.minLength = length;
    if (length > this.maxLength) this.maxLength = length;
    if (!this.distinctCapped && this.distinct.insert(b, start, end) === FULL) this.distinctCapped = true;
    if (this.possible === 0) return;
    if (ascii) this.voteAscii(b, start, end, value);
    else this.vote(value ?? cellString(b, start, end, false));
  }

  /** vote() for an ASCII cell: character tests on its bytes, its string only for what they cannot tell. */
  private voteAscii(b: Buffer, start: number, end: number, known: string | undefined): void {
    let possible = this.possible;
    const size = end - start;
    const first = b[start]!;
    let value = known;
    const digits = digitsValueOfBytes(b, start, end);
    if (digits !== -1) {
      // Digits only (serial numbers, counts, compact dates): an integer and a code, never
      // a boolean or a date-time; a date only as 20191111, a ROC date only as 1081111.
      possible &= ~(BOOLEAN | DATETIME);
      if (possible & DECIMAL && this.axes.length > 0) {
        this.narrowAxes(size <= 15 ? digits : numberValue(value ?? b.toString('latin1', start, end)));
      }
      if (possible & DATE && !(size === 8 && isDateValue(value ?? b.toString('latin1', start, end))))
        possible &= ~DATE;
      if (possible & ROC_DATE && !(size === 7 && rocDateOfBytes(b, start, end) === 1)) possible &= ~ROC_DATE;
      if (possible & CODE && !this.codeEvidence && size > 1 && first === 0x30) this.codeEvidence = true;
      this.possible = possible;
      return;
    }
    if (possible & BOOLEAN && !(size <= 5 && isBooleanValue((value ??= b.toString('latin1', start, end)))))
      possible &= ~BOOLEAN;
    let shape = 0;
    if (possible & (INTEGER | DECIMAL) && mayBeNumberByte(first)) shape = numberShapeOfBytes(b, start, end);
    if (shape === -1) value ??= b.toString('latin1', start, end);
    const integer = shape === 1 || (shape === -1 && isIntegerValue(value!));
    if (!integer) possible &= ~INTEGER;
    if (possible & DECIMAL) {
      if (integer || shape === 2 || (shape === -1 && isFractionValue(value!))) {
        if (!integer) this.fractional = true;
        if (this.axes.length > 0) {
          const plain = shape === -1 ? Number.NaN : lastNumber.value;
          this.narrowAxes(
            Number.isNaN(plain) ? numberValue((value ??= b.toString('latin1', start, end))) : plain,
          );
        }
      } else possible &= ~DECIMAL;
    }
    if (
      possible & DATE &&
      !(size >= 8 && size <= 10 && isDateValue((value ??= b.toString('latin1', start, end))))
    )
      possible &= ~DATE;
    if (possible & DATETIME && !(size >= 12 && isDateTimeValue((value ??= b.toString('latin1', start, end)))))
      possible &= ~DATETIME;
    if (possible & ROC_DATE) {
      const roc = rocDateOfBytes(b, start, end);
      if (roc === 0 || (roc === -1 && !isRocDateValue((value ??= b.toString('latin1', start, end)))))
        possible &= ~ROC_DATE;
    }
    if (possible & CODE) {
      const code = codeOfBytes(b, start, end);
      if (code === 0 || (code === -1 && !isCodeValue(value ?? b.toString('latin1', start, end))))
        possible &= ~CODE;
      else if (!this.codeEvidence && codeEvidenceOfBytes(b, start, end)) this.codeEvidence = true;
    }
    this.possible = possible;
  }

  state(): InferrerState {
    return {
      possible: this.possible,
      axes: [...this.axes],
      distinct: this.distinct.values(),
      distinctCapped: this.distinctCapped,
      codeEvidence: this.codeEvidence,
      fractional: this.fractional,
      count: this.count,
      nullCount: this.nullCount,
      minLength: this.minLength,
      maxLength: this.maxLength,
      scanned: this.scanned,
    };
  }

  /**
   * Takes in what another inferrer saw (another part of the same column): afterwards
   * `result()` is what one inferrer fed every value of both would give.
   */
  merge(other: InferrerState): void {
    this.possible &= other.possible;
    this.setAxes(this.axes.filter((axis) => other.axes.includes(axis)));
    this.codeEvidence ||= other.codeEvidence;
    this.fractional ||= other.fractional;
    this.count += other.count;
    this.nullCount += other.nullCount;
    this.minLength = Math.min(this.minLength, other.minLength);
    this.maxLength = Math.max(this.maxLength, other.maxLength);
    this.scanned |= other.scanned;
    if (this.distinctCapped) return;
    for (const value of other.distinct) {
      if (this.distinct.insertString(value) === FULL) {
        this.distinctCapped = true;
        return;
      }
    }
    if (other.distinctCapped) this.distinctCapped = true;
  }

  /** Whether any value needed trimming or width folding (for skipping that work in pass 2). */
  textFacts(): ColumnTextFacts {
    return { trims: (this.scanned & NEEDS_TRIM) !== 0, fullWidth: (this.scanned & FULL_WIDTH) !== 0 };
  }

  result(): InferredColumnType {
    const seen = this.count - this.nullCount;
    const type = seen === 0 ? 'string' : this.chooseType();
    const axis = type === 'coordinate' ? this.axes[0] : undefined;
    return {
      type,
      ...(axis ? { coordinateAxis: axis } : {}),
      count: this.count,
      nullCount: this.nullCount,
      distinctCount: this.distinct.size,
      distinctCapped: this.distinctCapped,
      minLength: seen === 0 ? 0 : this.minLength,
      maxLength: this.maxLength,
    };
  }

  private chooseType(): ColumnType {
    const can = (candidate: number): boolean => (this.possible & candidate) !== 0;
    if (can(BOOLEAN)) return 'boolean';
    if (can(DATE)) return 'date';
    if (can(ROC_DATE)) return 'roc-date';
    if (can(DATETIME)) return 'datetime';
    if (can(CODE) && this.codeEvidence) return 'code';
    if (can(INTEGER)) return 'integer';
    if (can(DECIMAL)) return this.fractional && this.axes.length > 0 ? 'coordinate' : 'decimal';
    return 'string';
  }
}
