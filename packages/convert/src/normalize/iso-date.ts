/** Days in each month of a common year; February gains a day in leap years. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `2019-11-11` for a valid Gregorian calendar date, null for an impossible one (2019-02-29, 2019-13-01). */
export function formatIsoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const days = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** `13:05` or `13:05:09` for a valid time of day, null otherwise (24:00, 13:60). */
export function formatIsoTime(hour: number, minute: number, second?: number): string | null {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  if (second === undefined) return `${pad2(hour)}:${pad2(minute)}`;
  if (second < 0 || second > 59) return null;
  return `${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
