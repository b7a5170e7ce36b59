import type { CatalogueContext } from '../db/catalogue-context.ts';
import type { JobHandler } from './job-queue.ts';

/** Deletes finished jobs (completed or failed) older than some days: the jobs table's retention. */

export const PURGE_JOBS = 'maintenance.purge-jobs';
/** Daily at 03:17 UTC (off the hour, when little else runs). */
export const PURGE_JOBS_CRON = '17 3 * * *';
export const PURGE_JOBS_DEFAULT_DAYS = 30;

export interface PurgeJobsData {
  olderThanDays?: number;
}

/**
 * SQLite: deletes completed and failed jobs that finished more than `olderThanDays` ago.
 * PostgreSQL: nothing to do — pg-boss keeps its own retention (it deletes completed and
 * failed jobs after deleteAfterSeconds, 7 days by default), so this returns 0.
 */
export async function purgeFinishedJobs(
  catalogue: CatalogueContext,
  olderThanDays: number,
  now: Date = new Date(),
): Promise<number> {
  if (catalogue.dialect === 'postgres') return 0;
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000).toISOString();
  const result = await catalogue.db
    .deleteFrom('jobs')
    .where('state', 'in', ['completed', 'failed'])
    .where('completedAt', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function purgeJobsTask(
  catalogue: CatalogueContext,
  log: (message: string) => void,
): JobHandler<PurgeJobsData | null> {
  return async (job) => {
    const days = job.data?.olderThanDays ?? PURGE_JOBS_DEFAULT_DAYS;
    const deleted = await purgeFinishedJobs(catalogue, days);
    if (deleted > 0) log(`${PURGE_JOBS}: deleted ${deleted} jobs finished more than ${days} days ago`);
  };
}
