import type { CatalogueContext } from '../../db/catalogue-context.ts';
import type { JobHandler } from '../../jobs/job-queue.ts';
import { takeQualitySnapshot } from './quality-snapshot.service.ts';

/** The daily quality snapshot the dashboards' trends read (docs/quality.md); data `{ day? }`. */
export const QUALITY_SNAPSHOT_JOB = 'quality.snapshot';
/** Daily at 15:50 UTC: 23:50 in Taipei, the badges as a day ends. */
export const QUALITY_SNAPSHOT_CRON = '50 15 * * *';

export interface QualitySnapshotJobData {
  /** The day to file the snapshot under (YYYY-MM-DD); default: today in Taipei. */
  day?: string;
}

export function qualitySnapshotTask(
  catalogue: CatalogueContext,
  log: (message: string) => void,
  now: () => Date = () => new Date(),
): JobHandler<QualitySnapshotJobData | null> {
  return async (job) => {
    const outcome = await takeQualitySnapshot(catalogue, { day: job.data?.day, now: now() });
    log(
      `${QUALITY_SNAPSHOT_JOB}: ${outcome.day}: ${outcome.datasets} datasets of ${outcome.organizations} agencies, ` +
        `${outcome.badgedPercent}% badged`,
    );
  };
}
