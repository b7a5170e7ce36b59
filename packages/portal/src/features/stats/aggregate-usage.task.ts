import type { CatalogueContext } from '../../db/catalogue-context.ts';
import type { JobHandler } from '../../jobs/job-queue.ts';
import { aggregateUsage } from './aggregate-usage.service.ts';

/** The daily roll-up of usage events (docs/counting.md); data `{ day? }`. */
export const AGGREGATE_USAGE_JOB = 'stats.aggregate-usage';
/** Daily at 16:20 UTC: 00:20 in Taipei, just after a statistics day ends. */
export const AGGREGATE_USAGE_CRON = '20 16 * * *';

export interface AggregateUsageJobData {
  /** One day (YYYY-MM-DD) to aggregate again; default: the days not aggregated yet. */
  day?: string;
}

export function aggregateUsageTask(
  catalogue: CatalogueContext,
  log: (message: string) => void,
  now: () => Date = () => new Date(),
): JobHandler<AggregateUsageJobData | null> {
  return async (job) => {
    const outcome = await aggregateUsage(catalogue, { day: job.data?.day, now: now() });
    if (outcome.days.length > 0) {
      log(
        `${AGGREGATE_USAGE_JOB}: aggregated ${outcome.days[0]}` +
          (outcome.days.length > 1 ? ` to ${outcome.days.at(-1)}` : '') +
          `; ${outcome.datasets} datasets with counts, ${outcome.purgedEvents} old events deleted`,
      );
    }
  };
}
