import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isoNow } from '../../domain/clock.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { updateDatasetMetadata, type WriteOptions } from '../datasets/dataset.service.ts';
import { checkedHex } from './file-key.ts';
import type { StoredObject } from './file-store.ts';
import { recordStoredFile } from './stored-file.repo.ts';

/**
 * Records an uploaded file (already in the store) on a resource, in one transaction:
 * the stored_files row, and through the dataset service a new version of the dataset
 * whose resource carries the file's key, size and checksum and whose download URL is
 * the platform's address of the file. The service checks the writer's role (the
 * route's guard) and writes the audit row in the same transaction; uploading the same
 * bytes again changes nothing and makes no version.
 */

/** Where the platform serves a resource's current file. */
export function resourceFileUrl(publicUrl: string, datasetId: number, resourceId: string): string {
  return `${publicUrl}/dataset/${datasetId}/resource/${encodeURIComponent(resourceId)}/file`;
}

export interface UploadFacts {
  stored: StoredObject;
  mediaType: string;
  originalName: string | null;
}

export async function recordUpload(
  ctx: CatalogueContext,
  target: { datasetId: number; resourceId: string; publicUrl: string },
  upload: UploadFacts,
  options: WriteOptions,
): Promise<{ record: DatasetRecord; changed: boolean }> {
  const now = options.now ?? new Date();
  const { stored } = upload;
  return inTransaction(ctx.db, async (db) => {
    await recordStoredFile(db, {
      fileKey: stored.fileKey,
      size: stored.size,
      mediaType: upload.mediaType,
      originalName: upload.originalName,
      createdAt: isoNow(now),
    });
    const file = {
      fileKey: stored.fileKey,
      size: stored.size,
      checksum: checkedHex(stored.fileKey),
      downloadURL: resourceFileUrl(target.publicUrl, target.datasetId, target.resourceId),
    };
    return updateDatasetMetadata(
      { ...ctx, db },
      target.datasetId,
      {},
      {
        ...options,
        now,
        mode: 'patch',
        action: 'upload',
        resourceFiles: new Map([[target.resourceId, file]]),
      },
    );
  });
}
