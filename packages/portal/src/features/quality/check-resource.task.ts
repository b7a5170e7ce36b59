import { AppError } from '../../errors/app-error.ts';
import type { JobHandler } from '../../jobs/job-queue.ts';
import { checkResource, type QualityDeps } from './check-resource.service.ts';
import type { CheckResourceJobData } from './quality-jobs.ts';

/** CheckResourceTask: one resource's fetch, checks and badge. A resource deleted meanwhile is skipped. */
export function checkResourceTask(
  deps: QualityDeps,
  log: (message: string) => void,
): JobHandler<CheckResourceJobData> {
  return async (job) => {
    try {
      const outcome = await checkResource(deps, job.data.resourceId, job.data.trigger);
      log(`checked resource ${outcome.resourceId}: ${outcome.badge} (dataset ${outcome.datasetBadge})`);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        log(`resource ${job.data.resourceId} is gone: check skipped`);
        return;
      }
      throw error;
    }
  };
}
