/**
 * Statistics days are calendar days in Asia/Taipei (UTC+8, no daylight saving), as the
 * portal's readers count them; events are stored with their UTC time.
 */

const TAIPEI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The Taipei day (YYYY-MM-DD) of an instant. */
export function taipeiDay(date: Date): string {
  return new Date(date.getTime() + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `n` days after `day` (before, when negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC instants a Taipei day spans: [from, to) as ISO strings, comparable as text. */
export function dayRange(day: string): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00Z`) - TAIPEI_OFFSET_MS;
  return { from: new Date(start).toISOString(), to: new Date(start + DAY_MS).toISOString() };
}

/** Days from `first` to `last`, both included (empty when first is after last). */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}
