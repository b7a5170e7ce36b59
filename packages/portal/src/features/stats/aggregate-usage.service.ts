import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { addDays, dayRange, daysBetween, isDay, taipeiDay } from './usage-day.ts';
import {
  deleteEventsBefore,
  firstEventAt,
  lastAggregatedDay,
  rebuildTotals,
  replaceDayCounts,
} from './usage.repo.ts';

/**
 * The daily roll-up (docs/counting.md): each complete day's events become per-dataset and
 * site-wide daily counts, then every dataset's totals (all days, last 7 days) are rebuilt
 * from the daily counts. Each day is replaced whole, so running it again — for one day or
 * for all — gives the same numbers.
 */

/** Raw events are kept this many days, then deleted: older days keep their daily counts. */
export const EVENT_RETENTION_DAYS = 90;
/** Days one run catches up at most (a worker that was off for longer). */
const MAX_CATCH_UP_DAYS = EVENT_RETENTION_DAYS;

export interface AggregateUsageOptions {
  /** Aggregate only this day (YYYY-MM-DD, Asia/Taipei); default: every day not yet aggregated, to yesterday. */
  day?: string | undefined;
  /** The clock (tests simulate days). */
  now?: Date;
}

export interface AggregateUsageOutcome {
  /** The days aggregated, oldest first. */
  days: string[];
  /** The last complete day: the 7-day window ends on it. */
  asOf: string;
  /** Datasets with totals. */
  datasets: number;
  /** Raw events deleted for being older than EVENT_RETENTION_DAYS. */
  purgedEvents: number;
}

function max(a: string, b: string): string {
  return a > b ? a : b;
}

/** The days to aggregate: the one asked for, or from the last aggregated (again) to yesterday. */
async function daysToAggregate(
  catalogue: CatalogueContext,
  day: string | undefined,
  today: string,
  horizon: string,
): Promise<string[]> {
  const yesterday = addDays(today, -1);
  if (day !== undefined) {
    if (!isDay(day))
      throw new AppError('VALIDATION_FAILED', `${day.slice(0, 40)} is not a day like 2026-11-27`);
    if (day >= today) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${day} is not over yet: days up to ${yesterday} can be aggregated`,
      );
    }
    if (day < horizon) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The events of ${day} were deleted after ${EVENT_RETENTION_DAYS} days; its daily counts stay as aggregated`,
      );
    }
    return [day];
  }
  // The last aggregated day is done again: events written late (another process's buffer) join it.
  const last = await lastAggregatedDay(catalogue.db);
  const first =
    last ?? (await firstEventAt(catalogue.db).then((at) => (at ? taipeiDay(new Date(at)) : null)));
  if (first === null) return [];
  return daysBetween(max(max(first, horizon), addDays(yesterday, 1 - MAX_CATCH_UP_DAYS)), yesterday);
}

export async function aggregateUsage(
  catalogue: CatalogueContext,
  options: AggregateUsageOptions = {},
): Promise<AggregateUsageOutcome> {
  const now = options.now ?? new Date();
  const today = taipeiDay(now);
  const asOf = addDays(today, -1);
  const horizon = addDays(today, -EVENT_RETENTION_DAYS);
  const days = await daysToAggregate(catalogue, options.day, today, horizon);
  for (const day of days) {
    await inTransaction(catalogue.db, (trx) => replaceDayCounts(trx, day, dayRange(day), now.toISOString()));
  }
  const datasets = await inTransaction(catalogue.db, (trx) =>
    rebuildTotals(trx, { weekFrom: addDays(asOf, -6), asOf }),
  );
  const purgedEvents = await deleteEventsBefore(catalogue.db, dayRange(horizon).from);
  return { days, asOf, datasets, purgedEvents };
}
