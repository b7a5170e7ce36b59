import { parseUpdateFrequency } from '@odp/quality/metadata';

const DAY = 86_400_000;
const UNIT_DAYS = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30, quarter: 91, year: 365 };

/**
 * How often the sweep re-checks a resource (偵測頻率), from its dataset's 更新頻率: as
 * often as it is updated, but at most daily and at least monthly; irregular or unknown
 * frequencies weekly.
 */
export function checkIntervalMs(accrualPeriodicity: string): number {
  const frequency = parseUpdateFrequency(accrualPeriodicity);
  if (!frequency || !frequency.regular || !frequency.unit) return frequency?.realtime ? DAY : 7 * DAY;
  const days = (frequency.every ?? 1) * UNIT_DAYS[frequency.unit];
  return Math.min(30, Math.max(1, days)) * DAY;
}
