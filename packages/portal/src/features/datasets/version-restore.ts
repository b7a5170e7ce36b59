import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { AppError } from '../../errors/app-error.ts';
import type { DatasetRecord } from './dataset.record.ts';
import { getVersion } from './dataset.repo.ts';
import {
  getDataset,
  recordToInput,
  updateDatasetMetadata,
  type ResourceFile,
  type WriteOptions,
} from './dataset.service.ts';

/**
 * 還原版本: writes an old version's metadata and resources back through the dataset
 * service, as a new version (action `restore`) with its diff against the current one.
 * Restored: every field a publisher writes (recordToInput) and the resources with their
 * resourceIDs and their uploaded files (old file versions stay in storage). Not rolled back:
 * the identifier and datasetId, the status (and its 預計下架日期), the publication date,
 * the publication method, badges and check results (they follow the next check).
 */

export interface RestoreResult {
  record: DatasetRecord;
  /** False when version k equals the current metadata: no new version was written. */
  changed: boolean;
  restoredFrom: number;
}

/** The uploaded files of version k, where the current version has another file or no such resource. */
function filesToRestore(current: DatasetRecord, old: DatasetRecord): Map<string, ResourceFile> {
  const now = new Map(current.distribution.map((r) => [r.resourceID, r]));
  const files = new Map<string, ResourceFile>();
  for (const r of old.distribution ?? []) {
    const present = now.get(r.resourceID);
    if (!r.fileKey || r.fileKey === present?.fileKey) continue;
    files.set(r.resourceID, {
      fileKey: r.fileKey,
      size: r.size ?? 0,
      checksum: r.checksum ?? '',
      downloadURL: r.downloadURL ?? '',
    });
  }
  return files;
}

export async function restoreVersion(
  ctx: CatalogueContext,
  key: string | number,
  version: number,
  options: WriteOptions,
): Promise<RestoreResult> {
  const current = await getDataset(ctx, key);
  // Refuse before saying anything about the dataset's versions.
  options.guard?.(current.organizationId);
  const row = await getVersion(ctx.db, current.datasetId, version);
  if (!row)
    throw new AppError('VERSION_NOT_FOUND', `Dataset ${current.identifier} has no version ${version}`);
  const old = { ...row.snapshot, distribution: row.snapshot.distribution ?? [] };
  const input = { ...recordToInput(old), identifier: current.identifier, status: current.status };
  const files = filesToRestore(current, old);
  const { record, changed } = await updateDatasetMetadata(ctx, current.datasetId, input, {
    ...options,
    action: 'restore',
    mode: 'replace',
    ...(files.size > 0 ? { resourceFiles: files } : {}),
  });
  return { record, changed, restoredFrom: version };
}
