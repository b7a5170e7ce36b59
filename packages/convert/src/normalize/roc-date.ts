import { formatIsoDate, formatIsoTime, isCalendarDate } from './iso-date.ts';
import { toHalfWidth } from './width.ts';

/** 民國 year 1 is 1912: the Gregorian year is the ROC year + 1911. */
export const ROC_YEAR_OFFSET = 1911;
/** ROC years accepted: 1 (1912) to 200 (2111). */
export const MAX_ROC_YEAR = 200;

export interface RocDateOptions {
  /**
   * The caller knows the column holds ROC dates, so a 6-digit value with a 2-digit
   * year (981111 → 民國98年11月11日) is a date too. Off by default: on its own a
   * 6-digit number is more often a count or a code than a date.
   */
  sixDigit?: boolean;
}

const TIME = String.raw`(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?`;
/** 1081111, 0981111, and with `sixDigit` 981111. */
const COMPACT = /^(\d{2,3})(\d{2})(\d{2})$/;
/** 108/11/11, 108-11-11, 108.11.11, optionally 民國 before and a time after. */
const SEPARATED = new RegExp(
  String.raw`^(?:民國)?\s*(\d{1,3})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})${TIME}$`,
);
/** 民國108年11月11日, 108年11月11日 (日 optional), optionally a time after. */
const WRITTEN = new RegExp(
  String.raw`^(?:民國)?\s*(\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?${TIME}$`,
);

/**
 * A Taiwan ROC (民國) date → ISO 8601 (`2019-11-11`, or `2019-11-11T13:05` with a time).
 * Null when the value is not a valid ROC date (1081341, 民國108年2月29日, 2019/11/11); never throws.
 */
export function parseRocDate(value: string, options: RocDateOptions = {}): string | null {
  const length = value.length;
  if ((length === 7 || length === 6) && isAsciiDigits(value)) {
    // The common compact form, without the regular expressions below.
    if (length === 6 && !options.sixDigit) return null;
    const [year, month, day] = compactParts(value);
    return year >= 1 && year <= MAX_ROC_YEAR ? formatIsoDate(year + ROC_YEAR_OFFSET, month, day) : null;
  }
  const text = toHalfWidth(value).trim();
  const compact = COMPACT.exec(text);
  if (compact) {
    if ((compact[1] as string).length === 2 && !options.sixDigit) return null;
    return rocToIso(compact[1], compact[2], compact[3]);
  }
  const separated = SEPARATED.exec(text);
  if (separated) return rocToIso(separated[1], separated[3], separated[4], separated.slice(5));
  const written = WRITTEN.exec(text);
  if (written) return rocToIso(written[1], written[2], written[3], written.slice(4));
  return null;
}

/**
 * Whether parseRocDate would read the value, without formatting the ISO text (type
 * inference asks this of every cell; only the compact form is common enough to matter).
 */
export function isRocDate(value: string, options: RocDateOptions = {}): boolean {
  const length = value.length;
  if ((length === 7 || length === 6) && isAsciiDigits(value)) {
    if (length === 6 && !options.sixDigit) return false;
    const [year, month, day] = compactParts(value);
    return year >= 1 && year <= MAX_ROC_YEAR && isCalendarDate(year + ROC_YEAR_OFFSET, month, day);
  }
  return parseRocDate(value, options) !== null;
}

/** Year, month and day of a 6- or 7-digit ROC date (1081111), read from the character codes. */
function compactParts(value: string): [number, number, number] {
  const n = value.length;
  const year =
    n === 7
      ? digitAt(value, 0) * 100 + digitAt(value, 1) * 10 + digitAt(value, 2)
      : digitAt(value, 0) * 10 + digitAt(value, 1);
  return [
    year,
    digitAt(value, n - 4) * 10 + digitAt(value, n - 3),
    digitAt(value, n - 2) * 10 + digitAt(value, n - 1),
  ];
}

const digitAt = (value: string, i: number): number => value.charCodeAt(i) - 0x30;

function isAsciiDigits(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function rocToIso(
  rocYear: string | undefined,
  month: string | undefined,
  day: string | undefined,
  time: (string | undefined)[] = [],
): string | null {
  const year = Number(rocYear);
  if (!(year >= 1 && year <= MAX_ROC_YEAR)) return null;
  const date = formatIsoDate(year + ROC_YEAR_OFFSET, Number(month), Number(day));
  const [hour, minute, second] = time;
  if (date === null || hour === undefined || minute === undefined) return date;
  const clock = formatIsoTime(
    Number(hour),
    Number(minute),
    second === undefined ? undefined : Number(second),
  );
  return clock === null ? null : `${date}T${clock}`;
}
