import type { HostLimiter } from '@odp/quality';
import type { Settings } from '../config/settings.ts';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import { createHostLimiter } from '../features/quality/check-resource.service.ts';
import { checkResourceTask } from '../features/quality/check-resource.task.ts';
import {
  CHECK_RESOURCE_JOB,
  QUALITY_SWEEP_CRON,
  QUALITY_SWEEP_JOB,
} from '../features/quality/quality-jobs.ts';
import { qualitySweepTask } from '../features/quality/quality-sweep.task.ts';
import {
  QUALITY_SNAPSHOT_CRON,
  QUALITY_SNAPSHOT_JOB,
  qualitySnapshotTask,
} from '../features/quality-dashboard/quality-snapshot.task.ts';
import {
  AGGREGATE_USAGE_CRON,
  AGGREGATE_USAGE_JOB,
  aggregateUsageTask,
} from '../features/stats/aggregate-usage.task.ts';
import { AppError } from '../errors/app-error.ts';
import {
  BUILD_RESOURCE_TABLE_JOB,
  buildResourceTableTask,
  sendTableBuild,
} from '../features/tables/build-resource-table.task.ts';
import type { JobHandler, JobQueue } from './job-queue.ts';
import { PURGE_JOBS, PURGE_JOBS_CRON, PURGE_JOBS_DEFAULT_DAYS, purgeJobsTask } from './purge-jobs.task.ts';

/**
 * Every job the portal knows: its name, its handler, and its schedule if it has one.
 * A worker process (`odp worker`, or `odp serve` without --no-worker) registers them.
 */

export interface JobHandlerDeps {
  catalogue: CatalogueContext;
  settings: Pick<Settings, 'dataDir' | 'publicUrl' | 'fetch' | 'badgeRules' | 'mail'>;
  log: (message: string) => void;
}

interface JobDefinition {
  name: string;
  handler: (deps: JobHandlerDeps, queue: JobQueue, shared: SharedState) => JobHandler<never>;
  schedule?: { cron: string; data: object | null };
  /** Jobs of this name at once in one process (default: the worker's concurrency). */
  concurrency?: number;
}

/** What the handlers of one worker process share: one per-host limiter for every fetch. */
interface SharedState {
  limiter: HostLimiter;
}

const JOB_DEFINITIONS: JobDefinition[] = [
  {
    name: PURGE_JOBS,
    handler: (deps) => purgeJobsTask(deps.catalogue, deps.log),
    schedule: { cron: PURGE_JOBS_CRON, data: { olderThanDays: PURGE_JOBS_DEFAULT_DAYS } },
  },
  {
    name: CHECK_RESOURCE_JOB,
    handler: (deps, queue, shared) =>
      checkResourceTask(
        { catalogue: deps.catalogue, settings: deps.settings, limiter: shared.limiter },
        deps.log,
        (resourceRowId) => sendTableBuild(queue, resourceRowId),
      ),
  },
  {
    name: BUILD_RESOURCE_TABLE_JOB,
    handler: (deps) => buildResourceTableTask(deps.catalogue, deps.settings, deps.log),
    concurrency: 1,
  },
  {
    name: QUALITY_SWEEP_JOB,
    handler: (deps, queue) => qualitySweepTask(deps.catalogue, queue, deps.log),
    schedule: { cron: QUALITY_SWEEP_CRON, data: null },
    concurrency: 1,
  },
  {
    name: AGGREGATE_USAGE_JOB,
    handler: (deps) => aggregateUsageTask(deps.catalogue, deps.log),
    schedule: { cron: AGGREGATE_USAGE_CRON, data: null },
    concurrency: 1,
  },
  {
    name: QUALITY_SNAPSHOT_JOB,
    handler: (deps) => qualitySnapshotTask(deps.catalogue, deps.log),
    schedule: { cron: QUALITY_SNAPSHOT_CRON, data: null },
    concurrency: 1,
  },
];

export const JOB_NAMES: readonly string[] = JOB_DEFINITIONS.map((d) => d.name);

export interface RegisterJobHandlersOptions {
  /** Only these job names (default: all). */
  only?: readonly string[];
  /** Jobs of one name run at once in this process (default 1). */
  concurrency?: number;
}

/** Registers the handlers (and schedules) of the portal's jobs; returns the names registered. */
export async function registerJobHandlers(
  queue: JobQueue,
  deps: JobHandlerDeps,
  options: RegisterJobHandlersOptions = {},
): Promise<string[]> {
  const unknown = (options.only ?? []).filter((name) => !JOB_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new AppError(
      'JOB_INVALID',
      `Unknown job names: ${unknown.join(', ')} (known: ${JOB_NAMES.join(', ')})`,
    );
  }
  const chosen = JOB_DEFINITIONS.filter((d) => !options.only || options.only.includes(d.name));
  const shared: SharedState = { limiter: createHostLimiter(deps.settings) };
  for (const definition of chosen) {
    const concurrency = definition.concurrency ?? options.concurrency ?? 1;
    await queue.work(definition.name, { concurrency }, definition.handler(deps, queue, shared));
    if (definition.schedule) {
      await queue.schedule(definition.name, definition.schedule.cron, definition.schedule.data);
    }
  }
  return chosen.map((d) => d.name);
}
