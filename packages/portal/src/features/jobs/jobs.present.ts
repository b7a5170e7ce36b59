import type { z } from 'zod';
import type { JobRecord } from '../../jobs/job-queue.ts';
import type { JobSummarySchema } from './jobs.schema.ts';

/** What admins see of a job: its bookkeeping, not its payload. */
export function presentJob(job: JobRecord): z.output<typeof JobSummarySchema> {
  return {
    id: job.id,
    name: job.name,
    state: job.state,
    attempts: job.attempts,
    retryLimit: job.retryLimit,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    lastError: job.lastError,
  };
}
