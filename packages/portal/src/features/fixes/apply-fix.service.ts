import { isConvertError } from '@odp/convert';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../../config/settings.ts';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isoNow, taipeiDateTime } from '../../domain/clock.ts';
import { AppError } from '../../errors/app-error.ts';
import type { DatasetRecord, ResourceRecord } from '../datasets/dataset.record.ts';
import type { ResourceInput } from '../datasets/dataset.schema.ts';
import {
  getDataset,
  recordToInput,
  updateDatasetMetadata,
  type ResourceFile,
  type WriteOptions,
} from '../datasets/dataset.service.ts';
import { ConvertedCopyStore } from '../formats/converted-copy-store.ts';
import { OTHER_FORMAT_TYPES } from '../formats/other-formats.ts';
import { datasetChecks } from '../quality/fix-list.repo.ts';
import { listDatasetFixes } from '../quality/fix-list.ts';
import { copyFormatsFor, CSV_REWRITE_KINDS, platformCopyNotes, type Fix } from '../quality/fix-rules.ts';
import { checkedHex } from '../storage/file-key.ts';
import type { FileStore, StoredObject } from '../storage/file-store.ts';
import { storageSettingsOf } from '../storage/open-file-store.ts';
import { recordStoredFile } from '../storage/stored-file.repo.ts';
import { resourceFileUrl } from '../storage/upload.service.ts';
import { rewriteCsv } from './csv-rewrite.ts';
import { fixSource } from './fix-source.ts';

/**
 * Applies a one-click fix of the fix list (docs/quality.md "Fix list and one-click fixes")
 * as a NEW version of the dataset, through the dataset service: a fixed file is kept in
 * the file store and set on its resource with `resourceFiles` (its downloadURL becomes
 * the platform's file URL, so the checker fetches the fixed copy); restoring the
 * previous version (version-restore.ts) brings the old file or URL back. The caller
 * queues the checks afterwards (check-on-write.ts).
 */

export interface FixDeps {
  catalogue: CatalogueContext;
  settings: Settings;
  store: FileStore;
}

export interface AppliedFix {
  fix: Fix;
  record: DatasetRecord;
  /** False when the fix left the dataset as it was (no new version). */
  changed: boolean;
  /** The resources written: the fixed one, or the new copies. */
  resources: string[];
}

/** A file to keep in storage and record on a resource. */
interface NewFile {
  resourceId: string;
  localPath: string;
  mediaType: string;
  name: string;
}

function conversionFailed(resourceId: string, error: unknown): AppError {
  if (!isConvertError(error)) throw error;
  return new AppError(
    'CONVERSION_FAILED',
    `Resource ${resourceId} could not be converted: ${error.message}`,
    {
      convertCode: error.code,
    },
  );
}

/** Stores the files and writes the dataset with them, in one transaction. */
async function writeWithFiles(
  deps: FixDeps,
  record: DatasetRecord,
  distribution: ResourceInput[],
  files: readonly NewFile[],
  write: WriteOptions,
  now: Date,
): Promise<{ record: DatasetRecord; changed: boolean }> {
  const { uploadMaxBytes } = storageSettingsOf(deps.settings);
  const stored: { file: NewFile; object: StoredObject }[] = [];
  for (const file of files) {
    const object = await deps.store.put(createReadStream(file.localPath), { maxBytes: uploadMaxBytes });
    stored.push({ file, object });
  }
  return inTransaction(deps.catalogue.db, async (db) => {
    const resourceFiles = new Map<string, ResourceFile>();
    for (const { file, object } of stored) {
      await recordStoredFile(db, {
        fileKey: object.fileKey,
        size: object.size,
        mediaType: file.mediaType,
        originalName: file.name,
        createdAt: isoNow(now),
      });
      resourceFiles.set(file.resourceId, {
        fileKey: object.fileKey,
        size: object.size,
        checksum: checkedHex(object.fileKey),
        downloadURL: resourceFileUrl(deps.settings.publicUrl, record.datasetId, file.resourceId),
      });
    }
    return updateDatasetMetadata(
      { ...deps.catalogue, db },
      record.datasetId,
      { distribution },
      { ...write, now, mode: 'patch', action: 'fix', resourceFiles },
    );
  });
}

export async function applyFix(
  deps: FixDeps,
  key: string | number,
  fixId: string,
  write: WriteOptions,
): Promise<AppliedFix> {
  const now = write.now ?? new Date();
  const record = await getDataset(deps.catalogue, key);
  write.guard?.(record.organizationId);
  const fixes = await listDatasetFixes(deps.catalogue, record, {
    rules: deps.settings.badgeRules,
    publicUrl: deps.settings.publicUrl,
  });
  const fix = fixes.find((f) => f.id === fixId);
  if (!fix)
    throw new AppError('FIX_NOT_FOUND', `Dataset ${record.identifier} has no fix ${fixId.slice(0, 100)}`);
  if (!fix.oneClick || fix.resourceId === undefined)
    throw new AppError('FIX_NOT_ONE_CLICK', `${fix.id} is not a fix the platform can make: ${fix.how.en}`);
  const resourceId = fix.resourceId;
  const resource = record.distribution.find((r) => r.resourceID === resourceId) as ResourceRecord;
  const distribution = recordToInput(record).distribution;
  const index = distribution.findIndex((r) => r.resourceID === resourceId);
  const input = distribution[index] as ResourceInput;
  const platformUrl = (id: string) => resourceFileUrl(deps.settings.publicUrl, record.datasetId, id);

  if (fix.kind === 'fill_fields') {
    const checks = (await datasetChecks(deps.catalogue.db, [record.datasetId])).get(record.datasetId);
    const evidence = checks?.get(resourceId)?.find((c) => c.checkId === 'fields_match')?.evidence;
    const columns = Array.isArray(evidence?.['columns']) ? evidence['columns'].map(String) : [];
    const described = new Map(input.resourceField.map((f) => [f.name.trim(), f.description]));
    distribution[index] = {
      ...input,
      resourceField: columns.map((name) => ({ name, description: described.get(name.trim()) ?? '' })),
    };
    const result = await updateDatasetMetadata(
      deps.catalogue,
      record.datasetId,
      { distribution },
      { ...write, now, mode: 'patch', action: 'fix' },
    );
    return { fix, ...result, resources: [resourceId] };
  }

  const scratch = path.join(deps.settings.dataDir, 'tmp');
  await mkdir(scratch, { recursive: true });
  const workDir = await mkdtemp(path.join(scratch, 'fix-'));
  try {
    const source = await fixSource(deps, record, resource, workDir);
    if (CSV_REWRITE_KINDS.has(fix.kind as never)) {
      const output = path.join(workDir, 'fixed.csv');
      await rewriteCsv(source.path, output, {
        rocDates: fix.kind === 'roc_dates',
        mask: fix.kind === 'mask_personal_data',
      }).catch((error: unknown) => {
        throw conversionFailed(resourceId, error);
      });
      distribution[index] = { ...input, characterSetCode: 'UTF-8', downloadURL: platformUrl(resourceId) };
      const result = await writeWithFiles(
        deps,
        record,
        distribution,
        [{ resourceId, localPath: output, mediaType: 'text/csv', name: `${resourceId}.csv` }],
        write,
        now,
      );
      return { fix, ...result, resources: [resourceId] };
    }

    // publish_copies: 多元格式參考資料, one new resource a format, marked as platform-generated.
    const structured = (await datasetChecks(deps.catalogue.db, [record.datasetId]))
      .get(record.datasetId)
      ?.get(resourceId)
      ?.find((c) => c.checkId === 'structured');
    const sniffedFormat = String(structured?.evidence['sniffedFormat'] ?? '');
    const converted = new ConvertedCopyStore(deps.settings.dataDir);
    let seq = Math.max(0, ...record.distribution.map((r) => r.seq));
    const day = taipeiDateTime(now).slice(0, 10);
    const files: NewFile[] = [];
    for (const format of copyFormatsFor(sniffedFormat)) {
      const copy = await converted.get({ ...source, sniffedFormat }, format).catch((error: unknown) => {
        throw conversionFailed(resourceId, error);
      });
      seq += 1;
      const id = `${record.identifier}-${String(seq).padStart(3, '0')}`;
      distribution.push({
        resourceID: id,
        resourceDescription: `${input.resourceDescription || record.title}（平臺轉換，${day}）`,
        format: format.toUpperCase(),
        characterSetCode: 'UTF-8',
        downloadURL: platformUrl(id),
        resourceField: input.resourceField,
        resourceNotes: platformCopyNotes(resourceId, isoNow(now)),
      });
      files.push({
        resourceId: id,
        localPath: copy.path,
        mediaType: (OTHER_FORMAT_TYPES[format].split(';')[0] as string).trim(),
        name: `${id}.${format}`,
      });
    }
    const result = await writeWithFiles(deps, record, distribution, files, write, now);
    return { fix, ...result, resources: files.map((f) => f.resourceId) };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
