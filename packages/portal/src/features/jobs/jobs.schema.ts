import { z } from 'zod';
import { JOB_STATES } from '../../jobs/job-queue.ts';

/** Input and output of the admin jobs route. */

export const JobListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('How many of the latest jobs'),
  name: z
    .string()
    .trim()
    .regex(/^[\w.\-/]{1,100}$/)
    .optional()
    .describe('Only jobs of this name, e.g. maintenance.purge-jobs'),
  state: z.enum(JOB_STATES).optional().describe('Only jobs in this state'),
});

export const JobSummarySchema = z
  .object({
    id: z.string(),
    name: z.string().describe('The job name (its queue)'),
    state: z.enum(JOB_STATES),
    attempts: z.number().int().describe('Attempts started so far'),
    retryLimit: z.number().int().describe('Retries allowed after the first attempt'),
    createdAt: z.string().describe('ISO-8601 UTC'),
    startedAt: z.string().nullable().describe('The latest attempt’s start'),
    completedAt: z.string().nullable().describe('When it completed or finally failed'),
    lastError: z.string().nullable().describe('The last failure’s message'),
  })
  .meta({ id: 'JobSummary' });

export const JobOverviewSchema = z
  .object({
    counts: z.object(
      Object.fromEntries(JOB_STATES.map((s) => [s, z.number().int()])) as Record<
        (typeof JOB_STATES)[number],
        z.ZodNumber
      >,
    ),
    jobs: z.array(JobSummarySchema).describe('The latest jobs, newest first'),
  })
  .meta({ id: 'JobOverview' });
