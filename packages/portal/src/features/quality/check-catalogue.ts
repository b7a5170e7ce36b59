import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';
import { checkResource, type CheckOutcomeSummary, type QualityDeps } from './check-resource.service.ts';

/** The resources of one dataset, or of every listed dataset: row ids in datasetId order. */
export async function resourcesToCheck(
  catalogue: CatalogueContext,
  datasetId: number | 'all',
): Promise<number[]> {
  let query = catalogue.db
    .selectFrom('resources')
    .innerJoin('datasets', 'datasets.id', 'resources.datasetId')
    .select('resources.id as id')
    .orderBy('resources.datasetId')
    .orderBy('resources.seq');
  query =
    datasetId === 'all'
      ? query.where('datasets.status', 'in', [...LISTED_STATUSES])
      : query.where('datasets.id', '=', datasetId);
  return (await query.execute()).map((r) => r.id);
}

/**
 * Checks resources in this process, `concurrency` at a time (the host limiter keeps each
 * host polite), reporting each outcome. A resource that fails to check is reported and
 * the rest go on.
 */
export async function checkResources(
  deps: QualityDeps,
  ids: readonly number[],
  options: {
    concurrency: number;
    onDone: (outcome: CheckOutcomeSummary | { resourceId: number; error: string }) => void;
  },
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      try {
        options.onDone(await checkResource(deps, id, 'manual'));
      } catch (error) {
        options.onDone({ resourceId: id, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, ids.length)) }, lane));
}
