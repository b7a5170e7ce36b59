import { formatIsoDate, formatIsoTime } from '../normalize/iso-date.ts';
import { parseRocDate } from '../normalize/roc-date.ts';

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

/** Classifies one trimmed, non-null value. */
export function classifyValue(value: string): ValueKinds {
  const integer = INTEGER.test(value);
  const decimal = integer || DECIMAL.test(value);
  const code = CODE.test(value);
  const digitsOnly = PLAIN_DIGITS.test(value);
  const rocDate = !GREGORIAN_COMPACT.test(value) && parseRocDate(value) !== null;
  return {
    boolean: BOOLEANS.has(value.toLowerCase()),
    integer,
    decimal,
    date: gregorianDate(value),
    datetime: gregorianDateTime(value),
    rocDate,
    code,
    codeEvidence: code && value.length > 1 && (!digitsOnly || value.startsWith('0')),
    number: decimal ? Number(value.replace(/,/g, '')) : undefined,
  };
}
