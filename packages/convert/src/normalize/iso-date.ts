/** Days in each month of a common year; February gains a day in leap years. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether year-month-day is a real Gregorian calendar date (not 2019-02-29 or 2019-13-01). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** `2019-11-11` for a valid Gregorian calendar date, null for an impossible one (2019-02-29, 2019-13-01). */
export function formatIsoDate(year: number, month: number, day: number): string | null {
  if (!isCalendarDate(year, month, day)) return null;
  return `${year >= 1000 ? String(year) : String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** `13:05` or `13:05:09` for a valid time of day, null otherwise (24:00, 13:60). */
export function formatIsoTime(hour: number, minute: number, second?: number): string | null {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  if (second === undefined) return `${pad2(hour)}:${pad2(minute)}`;
  if (second < 0 || second > 59) return null;
  return `${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
}

/** `00` … `99`: months, days and clock fields are formatted by one array read. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

function pad2(value: number): string {
  return TWO_DIGITS[value] ?? String(value).padStart(2, '0');
}
