import { AppError } from '../../errors/app-error.ts';
import type { JobHandler, JobQueue } from '../../jobs/job-queue.ts';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { assertNoPersonalData } from '../privacy/personal-data-gate.ts';
import { ensureResourceTable, type TableBuildSettings } from './table-build.ts';

/** Builds a resource's normalised table after a check fetched its body; data `{ resourceId }` (row id). */
export const BUILD_RESOURCE_TABLE_JOB = 'tables.build-resource';

export interface BuildResourceTableJobData {
  resourceId: number;
}

/** Queues the build; a build still waiting for the same resource is not queued twice. */
export async function sendTableBuild(queue: JobQueue, resourceRowId: number): Promise<void> {
  await queue.send(
    BUILD_RESOURCE_TABLE_JOB,
    { resourceId: resourceRowId } satisfies BuildResourceTableJobData,
    {
      singletonKey: `table:${resourceRowId}`,
      retryLimit: 1,
      expireInSeconds: 30 * 60,
    },
  );
}

/**
 * BuildResourceTableTask: the table of the resource's latest whole fetched body. A
 * resource without one (not structured, cut at the byte limit) or gone meanwhile is
 * skipped; a body the converter cannot read is recorded as such and not retried.
 */
export function buildResourceTableTask(
  catalogue: CatalogueContext,
  settings: TableBuildSettings,
  log: (message: string) => void,
): JobHandler<BuildResourceTableJobData> {
  return async (job) => {
    const row = await catalogue.db
      .selectFrom('resources')
      .select(['id', 'resourceId'])
      .where('id', '=', job.data.resourceId)
      .executeTakeFirst();
    if (!row) {
      log(`resource ${job.data.resourceId} is gone: table skipped`);
      return;
    }
    try {
      // No derived table of what the privacy guard blocked.
      await assertNoPersonalData(catalogue.db, Number(row.id), row.resourceId);
      const built = await ensureResourceTable(catalogue, settings, {
        rowId: Number(row.id),
        resourceId: row.resourceId,
      });
      log(`table of ${row.resourceId}: ${built.row.rowCount} rows`);
    } catch (error) {
      if (
        error instanceof AppError &&
        (error.code === 'TABLE_UNAVAILABLE' ||
          error.code === 'CONVERSION_FAILED' ||
          error.code === 'PRIVACY_BLOCKED')
      ) {
        log(`table of ${row.resourceId} not built: ${error.message}`);
        return;
      }
      throw error;
    }
  };
}
