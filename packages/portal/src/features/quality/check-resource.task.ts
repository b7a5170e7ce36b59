import { AppError } from '../../errors/app-error.ts';
import type { JobHandler } from '../../jobs/job-queue.ts';
import { checkResource, type QualityDeps } from './check-resource.service.ts';
import { rescoreDatasetOfResource } from './metadata-score.service.ts';
import type { CheckResourceJobData } from './quality-jobs.ts';

/** CheckResourceTask: one resource's fetch, checks and badge. A resource deleted meanwhile is skipped. */
export function checkResourceTask(
  deps: QualityDeps,
  log: (message: string) => void,
  /** Runs after a successful check (the job handlers queue the resource's table build). */
  afterCheck?: (resourceRowId: number) => Promise<void>,
): JobHandler<CheckResourceJobData> {
  return async (job) => {
    try {
      const outcome = await checkResource(deps, job.data.resourceId, job.data.trigger);
      log(`checked resource ${outcome.resourceId}: ${outcome.badge} (dataset ${outcome.datasetBadge})`);
      // The URLs' answers move the metadata quality score (docs/quality.md).
      await rescoreDatasetOfResource(deps.catalogue, outcome.resourceId).catch((error: unknown) =>
        log(`could not rescore the dataset of resource ${outcome.resourceId}: ${String(error)}`),
      );
      await afterCheck?.(outcome.resourceId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        log(`resource ${job.data.resourceId} is gone: check skipped`);
        return;
      }
      throw error;
    }
  };
}
