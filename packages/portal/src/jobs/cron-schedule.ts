import { CronExpressionParser } from 'cron-parser';
import { AppError } from '../errors/app-error.ts';

/**
 * Cron expressions of schedules: 5 fields (minute first) or 6 (seconds first), read in
 * UTC on both databases, as pg-boss reads them by default.
 */
export const CRON_TIME_ZONE = 'UTC';

export function checkCron(expression: string): void {
  const fields = expression.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6) {
    throw new AppError(
      'JOB_CRON_INVALID',
      `Cron expression ${JSON.stringify(expression)} must have 5 fields (or 6 with seconds first)`,
    );
  }
  try {
    CronExpressionParser.parse(expression, { tz: CRON_TIME_ZONE, strict: false });
  } catch (error) {
    throw new AppError(
      'JOB_CRON_INVALID',
      `Cron expression ${JSON.stringify(expression)} cannot be read: ${(error as Error).message}`,
    );
  }
}

/** The latest occurrence at or before `now`, or null when there is none. */
export function latestOccurrence(expression: string, now: Date): Date | null {
  const cron = CronExpressionParser.parse(expression, {
    tz: CRON_TIME_ZONE,
    currentDate: new Date(now.getTime() + 1),
  });
  return cron.hasPrev() ? cron.prev().toDate() : null;
}
