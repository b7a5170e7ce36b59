/**
 * The value tests of value-kind.ts for a cell given as ASCII bytes, where a character
 * test decides (digits, a point, a sign). Each answers exactly as its string twin for
 * the same text, or -1 when only the twin's regular expression can tell (a comma or an
 * exponent, punctuation outside the common code shapes).
 */

import { isCalendarDate } from '../normalize/iso-date.ts';
import { MAX_ROC_YEAR, ROC_YEAR_OFFSET } from '../normalize/roc-date.ts';

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;

/** Like value-kind's mayBeNumber. */
export const mayBeNumberByte = (c: number): boolean => isDigit(c) || c === MINUS || c === PLUS || c === DOT;

/** The value numberShapeOfBytes last read: Number(text) for a shape 1 or 2 of at most 15 digits, else NaN. */
export const lastNumber = { value: Number.NaN };

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * plainNumberShape on bytes: 1 = digits, 2 = digits with one point and digits after it,
 * 0 = neither, -1 = a comma or an exponent (the regular expressions decide). For shapes
 * 1 and 2 it also leaves the number in `lastNumber` — exactly Number(text) when it has at
 * most 15 digits: they form an integer below 2^53, and one division by an exact power of
 * ten rounds once, as Number does.
 */
export function numberShapeOfBytes(b: Uint8Array, start: number, end: number): number {
  const sign = b[start];
  let i = sign === MINUS || sign === PLUS ? start + 1 : start;
  let before = 0;
  let after = 0;
  let point = false;
  let mantissa = 0;
  for (; i < end; i++) {
    const c = b[i]!;
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - 0x30);
      if (point) after++;
      else before++;
    } else if (c === DOT && !point) point = true;
    else if (c === 0x2c || c === 0x65 || c === 0x45) return -1;
    else return 0;
  }
  const shape = point ? (after > 0 ? 2 : 0) : before > 0 ? 1 : 0;
  if (shape !== 0) {
    const value = before + after > 15 ? Number.NaN : after > 0 ? mantissa / POWERS[after]! : mantissa;
    lastNumber.value = sign === MINUS ? -value : value;
  }
  return shape;
}

/** Number(text) of a plain number (shape 1 or 2) of at most 15 digits, or NaN when it has more. */
export function plainNumberOfBytes(b: Uint8Array, start: number, end: number): number {
  return numberShapeOfBytes(b, start, end) > 0 ? lastNumber.value : Number.NaN;
}

/**
 * For a cell of digits only: its value (exact up to 15 digits; past that a rounded one the
 * caller must not use), else -1.
 */
export function digitsValueOfBytes(b: Uint8Array, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

/** Characters of a code's body: digits, parentheses, hyphen, space, `#`. */
const isCodeBody = (c: number): boolean =>
  isDigit(c) || c === 0x28 || c === 0x29 || c === MINUS || c === 0x20 || c === 0x23;

/** isCodeValue on bytes: 1 or 0, or -1 when the CODE expression must decide. */
export function codeOfBytes(b: Uint8Array, start: number, end: number): number {
  const first = b[start]!;
  if (!(isDigit(first) || first === 0x28 || first === PLUS)) return 0;
  const from = isDigit(first) ? start + 1 : start + 2;
  if (from === start + 2 && !(start + 1 < end && isDigit(b[start + 1]!))) return 0;
  for (let i = from; i < end; i++) if (!isCodeBody(b[i]!)) return -1;
  return 1;
}

/** isCodeEvidence on bytes: more than one character, and a leading zero or a non-digit. */
export function codeEvidenceOfBytes(b: Uint8Array, start: number, end: number): boolean {
  if (end - start <= 1) return false;
  if (b[start] === 0x30) return true;
  for (let i = start; i < end; i++) if (!isDigit(b[i]!)) return true;
  return false;
}

/**
 * isRocDateValue on bytes for the common compact form (seven digits, 1081111): 1 or 0,
 * or -1 for any other text (the string test decides).
 */
export function rocDateOfBytes(b: Uint8Array, start: number, end: number): number {
  if (end - start !== 7) return -1;
  for (let i = start; i < end; i++) if (!isDigit(b[i]!)) return -1;
  const year = (b[start]! - 0x30) * 100 + (b[start + 1]! - 0x30) * 10 + (b[start + 2]! - 0x30);
  const month = (b[start + 3]! - 0x30) * 10 + (b[start + 4]! - 0x30);
  const day = (b[start + 5]! - 0x30) * 10 + (b[start + 6]! - 0x30);
  return year >= 1 && year <= MAX_ROC_YEAR && isCalendarDate(year + ROC_YEAR_OFFSET, month, day) ? 1 : 0;
}
