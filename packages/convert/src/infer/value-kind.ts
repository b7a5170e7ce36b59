import { formatIsoDate, formatIsoTime } from '../normalize/iso-date.ts';
import { isRocDate } from '../normalize/roc-date.ts';

/** What one non-null cell value could be; a column's type is what all its values agree on. */
export interface ValueKinds {
  boolean: boolean;
  integer: boolean;
  decimal: boolean;
  date: boolean;
  datetime: boolean;
  rocDate: boolean;
  /** Digits with phone/code punctuation: `0937600483`, `00123`, `(089)325301分機12`. */
  code: boolean;
  /** A code that an integer column would spoil: a leading zero or punctuation. */
  codeEvidence: boolean;
  /** The numeric value, for integers and decimals. */
  number: number | undefined;
}

const BOOLEANS = new Set(['true', 'false', '是', '否', 'y', 'n', 'yes', 'no']);
const INTEGER = /^[-+]?(\d+|\d{1,3}(,\d{3})+)$/;
const DECIMAL = /^[-+]?(\d+|\d{1,3}(,\d{3})+)?\.\d+([eE][-+]?\d+)?$/;
/** Phone numbers may end in an extension: (089)325301分機12, 03-9907755#808. */
const CODE = /^[(+]?\d[\d()\- #]*((分機|轉|ext\.?\s*)\d+)?$/i;
const PLAIN_DIGITS = /^\d+$/;
/** 2019-11-11, 2019/11/11, 2019.11.11, and 20191111 (years 1900–2199 for the compact form). */
const GREGORIAN = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const GREGORIAN_COMPACT = /^(19\d{2}|2[01]\d{2})(\d{2})(\d{2})$/;
const DATETIME =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function gregorianDate(text: string): boolean {
  const parts = GREGORIAN.exec(text) ?? GREGORIAN_COMPACT.exec(text);
  if (!parts) return false;
  const [year, month, day] = parts.length === 5 ? [parts[1], parts[3], parts[4]] : parts.slice(1, 4);
  return formatIsoDate(Number(year), Number(month), Number(day)) !== null;
}

function gregorianDateTime(text: string): boolean {
  const parts = DATETIME.exec(text);
  if (!parts) return false;
  const [, year, , month, day, hour, minute, second] = parts;
  return (
    formatIsoDate(Number(year), Number(month), Number(day)) !== null &&
    formatIsoTime(Number(hour), Number(minute), second === undefined ? undefined : Number(second)) !== null
  );
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Cheap first-character tests run before each regular expression: most cells of a
 * text column fail them, so a column's candidates fall away without a regex each.
 */
const mayBeNumber = (c: number): boolean => isDigit(c) || c === 0x2d || c === 0x2b || c === 0x2e;
const mayBeCode = (c: number): boolean => isDigit(c) || c === 0x28 || c === 0x2b;
/** ROC dates may be written in full-width digits or start with 民國. */
const mayBeRocDate = (c: number): boolean => isDigit(c) || c === 0x6c11 || (c >= 0xff10 && c <= 0xff19);

export const isBooleanValue = (value: string): boolean =>
  value.length <= 5 && BOOLEANS.has(value.toLowerCase());
/**
 * The shape of a plain number, read with character tests: 1 = digits (an integer),
 * 2 = digits with one point and digits after it (a decimal), 0 = neither, -1 = it has
 * a comma or an exponent, for the regular expressions to decide.
 */
function plainNumberShape(value: string): number {
  const n = value.length;
  let i = value.charCodeAt(0) === 0x2d || value.charCodeAt(0) === 0x2b ? 1 : 0;
  let before = 0;
  let after = 0;
  let point = false;
  for (; i < n; i++) {
    const c = value.charCodeAt(i);
    if (isDigit(c)) {
      if (point) after++;
      else before++;
    } else if (c === 0x2e && !point) point = true;
    else if (c === 0x2c || c === 0x65 || c === 0x45) return -1;
    else return 0;
  }
  if (!point) return before > 0 ? 1 : 0;
  return after > 0 ? 2 : 0;
}

export function isIntegerValue(value: string): boolean {
  if (!mayBeNumber(value.charCodeAt(0))) return false;
  const shape = plainNumberShape(value);
  return shape === -1 ? INTEGER.test(value) : shape === 1;
}

/** A decimal, given that the value is not an integer. */
export function isFractionValue(value: string): boolean {
  if (!mayBeNumber(value.charCodeAt(0))) return false;
  const shape = plainNumberShape(value);
  return shape === -1 ? DECIMAL.test(value) : shape === 2;
}
export const isDateValue = (value: string): boolean =>
  value.length >= 8 && value.length <= 10 && isDigit(value.charCodeAt(0)) && gregorianDate(value);
export const isDateTimeValue = (value: string): boolean =>
  value.length >= 12 && isDigit(value.charCodeAt(0)) && gregorianDateTime(value);
export const isRocDateValue = (value: string): boolean =>
  mayBeRocDate(value.charCodeAt(0)) && !GREGORIAN_COMPACT.test(value) && isRocDate(value);
/** Characters of a code's body: digits, parentheses, hyphen, space, `#`. */
const isCodeBody = (c: number): boolean =>
  isDigit(c) || c === 0x28 || c === 0x29 || c === 0x2d || c === 0x20 || c === 0x23;

export function isCodeValue(value: string): boolean {
  const first = value.charCodeAt(0);
  if (!mayBeCode(first)) return false;
  // The common form (0937600483, 089-325301, (02)2331-1312) without the regex.
  const start = isDigit(first) ? 1 : 2;
  if (start === 2 && !isDigit(value.charCodeAt(1))) return false;
  for (let i = start; i < value.length; i++) if (!isCodeBody(value.charCodeAt(i))) return CODE.test(value);
  return true;
}
/** A code an integer column would spoil: punctuation, or a leading zero. */
export const isCodeEvidence = (value: string): boolean =>
  value.length > 1 && (value.charCodeAt(0) === 0x30 || !PLAIN_DIGITS.test(value));
export const numberValue = (value: string): number =>
  Number(value.includes(',') ? value.replace(/,/g, '') : value);

/** Classifies one trimmed, non-null value. */
export function classifyValue(value: string): ValueKinds {
  const integer = isIntegerValue(value);
  const decimal = integer || isFractionValue(value);
  const code = isCodeValue(value);
  return {
    boolean: isBooleanValue(value),
    integer,
    decimal,
    date: isDateValue(value),
    datetime: isDateTimeValue(value),
    rocDate: isRocDateValue(value),
    code,
    codeEvidence: code && isCodeEvidence(value),
    number: decimal ? numberValue(value) : undefined,
  };
}
