import type { FastifyBaseLogger } from 'fastify';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { CheckTrigger } from './check-resource.service.ts';
import { rescoreDatasets } from './metadata-score.service.ts';
import { sendResourceChecks } from './quality-jobs.ts';
import { resourceRowIds } from './quality.repo.ts';

/**
 * Check on publish and on change: after a write, the dataset's metadata quality score is
 * recomputed and every resource of the dataset is
 * queued for a check (metadata changes move metadata_complete and fields_match too).
 * The write has already succeeded; a queue that fails to take the jobs is logged, and
 * the hourly sweep catches the resources up.
 */
export async function queueChecksAfterWrite(
  queue: JobQueue | undefined,
  catalogue: CatalogueContext,
  datasetId: number,
  trigger: CheckTrigger,
  log: FastifyBaseLogger,
): Promise<void> {
  // The metadata quality score follows every write (docs/quality.md); the CLI recomputes all.
  try {
    await rescoreDatasets(catalogue, [datasetId]);
  } catch (error) {
    log.error({ err: error, datasetId }, 'could not recompute the metadata quality score');
  }
  if (!queue) return;
  try {
    const ids = [...(await resourceRowIds(catalogue.db, datasetId)).values()];
    await sendResourceChecks(queue, ids, trigger);
  } catch (error) {
    log.error({ err: error, datasetId }, 'could not queue quality checks');
  }
}
