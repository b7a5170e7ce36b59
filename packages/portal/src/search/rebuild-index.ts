import type { CatalogueContext } from '../db/catalogue-context.ts';
import { inTransaction } from '../db/transaction.ts';
import { LISTED_STATUSES } from '../domain/dataset-status.ts';
import { loadDatasets } from '../features/datasets/dataset.repo.ts';
import { clearIndex, indexDatasets } from './search-index.ts';

/**
 * Empties the search index and indexes every listed dataset again, `batchSize` datasets
 * a transaction; `onProgress` hears how many are done. Returns how many were indexed.
 */
export async function rebuildSearchIndex(
  { db, dialect }: CatalogueContext,
  options: { batchSize: number; onStart?: (total: number) => void; onProgress?: (done: number) => void },
): Promise<number> {
  const ids = (
    await db
      .selectFrom('datasets')
      .select('id')
      .where('status', 'in', [...LISTED_STATUSES])
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  await clearIndex(db, dialect);
  options.onStart?.(ids.length);
  for (let done = 0; done < ids.length;) {
    const part = ids.slice(done, done + options.batchSize);
    await inTransaction(db, async (trx) => indexDatasets(trx, dialect, await loadDatasets(trx, part)));
    done += part.length;
    options.onProgress?.(done);
  }
  return ids.length;
}
