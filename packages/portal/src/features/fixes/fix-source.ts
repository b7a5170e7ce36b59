import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Settings } from '../../config/settings.ts';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { AppError } from '../../errors/app-error.ts';
import type { DatasetRecord, ResourceRecord } from '../datasets/dataset.record.ts';
import { latestFetchedCopies } from '../formats/fetched-copy.repo.ts';
import { fetchedStore, judgeCopy } from '../formats/other-formats.ts';
import { resourceRowIds } from '../quality/quality.repo.ts';
import { checkedHex } from '../storage/file-key.ts';
import type { FileStore } from '../storage/file-store.ts';
import { resourceFileUrl } from '../storage/upload.service.ts';

/**
 * The bytes a one-click fix starts from: the platform's own file when the resource is
 * served from storage (its downloadURL is the platform's file URL), otherwise the last
 * body the quality checker fetched, when it was fetched whole.
 */

export interface FixSource {
  /** A local file holding the bytes. */
  path: string;
  sha256: string;
  bytes: number;
  fetchedAt: string;
}

export async function fixSource(
  deps: { catalogue: CatalogueContext; settings: Settings; store: FileStore },
  record: DatasetRecord,
  resource: ResourceRecord,
  workDir: string,
): Promise<FixSource> {
  const { catalogue, settings, store } = deps;
  const served = resourceFileUrl(settings.publicUrl, record.datasetId, resource.resourceID);
  if (resource.fileKey && resource.downloadURL === served) {
    const file = await store.get(resource.fileKey);
    if (file) {
      const target = path.join(workDir, 'source');
      await pipeline(file.body, createWriteStream(target, { flags: 'wx' }));
      return {
        path: target,
        sha256: checkedHex(resource.fileKey),
        bytes: file.size,
        fetchedAt: new Date().toISOString(),
      };
    }
  }
  const rowId = (await resourceRowIds(catalogue.db, record.datasetId)).get(resource.resourceID);
  const row = rowId === undefined ? undefined : (await latestFetchedCopies(catalogue.db, [rowId])).get(rowId);
  const verdict = await judgeCopy(fetchedStore(settings.dataDir), row, settings.fetch.maxBytes);
  if ('reason' in verdict)
    throw new AppError(
      'FIX_SOURCE_UNAVAILABLE',
      `Resource ${resource.resourceID} has no whole copy to fix (${verdict.reason}); check it again first`,
    );
  return {
    path: verdict.copy.path,
    sha256: verdict.copy.sha256,
    bytes: verdict.copy.bytes,
    fetchedAt: verdict.copy.fetchedAt,
  };
}
