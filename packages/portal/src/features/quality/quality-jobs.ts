import type { JobQueue } from '../../jobs/job-queue.ts';
import type { CheckTrigger } from './check-resource.service.ts';

/** The job that checks one resource; data `{ resourceId, trigger }`. */
export const CHECK_RESOURCE_JOB = 'quality.check-resource';
/** The scheduled sweep that sends a check for every resource that is due. */
export const QUALITY_SWEEP_JOB = 'quality.sweep';
/** Every hour, on the hour (UTC). */
export const QUALITY_SWEEP_CRON = '0 * * * *';

export interface CheckResourceJobData {
  resourceId: number;
  trigger: CheckTrigger;
}

/** A check may take this long (fetch, conversion, checks) before it is failed and retried. */
const CHECK_TIMEOUT_SECONDS = 10 * 60;

/**
 * Sends one check job per resource. A resource with a check still waiting is not sent
 * twice (singletonKey), so publish, edit and sweep never pile up checks of one resource.
 */
export async function sendResourceChecks(
  queue: JobQueue,
  resourceIds: readonly number[],
  trigger: CheckTrigger,
): Promise<string[]> {
  const ids: string[] = [];
  for (const resourceId of resourceIds) {
    const id = await queue.send(CHECK_RESOURCE_JOB, { resourceId, trigger } satisfies CheckResourceJobData, {
      singletonKey: `resource:${resourceId}`,
      retryLimit: 2,
      retryDelaySeconds: 60,
      expireInSeconds: CHECK_TIMEOUT_SECONDS,
      // Publishing and editing jump ahead of the background sweep.
      priority: trigger === 'schedule' ? 0 : 10,
    });
    if (id !== null) ids.push(id);
  }
  return ids;
}
