import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';
import type { JobHandler, JobQueue } from '../../jobs/job-queue.ts';
import { checkIntervalMs } from './check-interval.ts';
import { sendResourceChecks } from './quality-jobs.ts';

/** At most this many checks are sent per sweep; the next sweep sends the rest. */
export const SWEEP_BATCH = 5_000;

/** Resources of listed datasets never checked, or last checked longer ago than their interval; oldest first. */
export async function dueResources(
  catalogue: CatalogueContext,
  now: Date,
  limit = SWEEP_BATCH,
): Promise<number[]> {
  const rows = await catalogue.db
    .selectFrom('resources')
    .innerJoin('datasets', 'datasets.id', 'resources.datasetId')
    .select([
      'resources.id as id',
      'resources.qualityCheckedAt as checkedAt',
      'datasets.accrualPeriodicity as frequency',
    ])
    .where('datasets.status', 'in', [...LISTED_STATUSES])
    .execute();
  return rows
    .filter(
      (r) => r.checkedAt === null || Date.parse(r.checkedAt) + checkIntervalMs(r.frequency) <= now.getTime(),
    )
    .sort((a, b) => (a.checkedAt ?? '').localeCompare(b.checkedAt ?? '') || a.id - b.id)
    .slice(0, limit)
    .map((r) => r.id);
}

/**
 * The scheduled sweep (QualitySweepTask): sends one check job per due resource. Each
 * check is its own job, so a sweep cut short by a crash loses nothing: sent checks are
 * still queued, finished ones are stored, and the next sweep sends only what is still due.
 */
export function qualitySweepTask(
  catalogue: CatalogueContext,
  queue: JobQueue,
  log: (message: string) => void,
  now: () => Date = () => new Date(),
): JobHandler<null> {
  return async () => {
    const due = await dueResources(catalogue, now());
    const sent = await sendResourceChecks(queue, due, 'schedule');
    log(`quality sweep: ${due.length} resources due, ${sent.length} checks sent`);
  };
}
