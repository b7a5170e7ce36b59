import type { CatalogueContext } from '../db/catalogue-context.ts';
import { LISTED_STATUSES, type DatasetStatus } from '../domain/dataset-status.ts';
import { DATASET_IDENTIFIER_PATTERN } from '@odp/quality/metadata';
import { AppError } from '../errors/app-error.ts';
import type { DatasetRecord } from '../features/datasets/dataset.record.ts';
import { listDatasetIds, loadDatasets } from '../features/datasets/dataset.repo.ts';
import type { DatasetListQuery } from '../features/datasets/dataset.schema.ts';
import { getDataset } from '../features/datasets/dataset.service.ts';

const MAX_DATASET_ID = 2_147_483_647;

/** A `{datasetId}` path parameter: a numeric datasetId or an identifier (機關代碼-流水號). */
export function parseDatasetKey(raw: string): string | number {
  const key = raw.trim();
  if (/^\d+$/.test(key)) {
    const id = Number(key);
    if (id > MAX_DATASET_ID) throw new AppError('DATASET_NOT_FOUND', `No dataset ${key.slice(0, 60)}`);
    return id;
  }
  if (DATASET_IDENTIFIER_PATTERN.test(key)) return key;
  throw new AppError(
    'INVALID_IDENTIFIER',
    `${key.slice(0, 60)} is neither a datasetId nor an identifier like A41000000G-000001`,
  );
}

/** Drafts and delisted datasets exist only for the admin; the public sees the listed statuses. */
export function isVisible(record: DatasetRecord, isAdmin: boolean): boolean {
  return isAdmin || LISTED_STATUSES.includes(record.status as DatasetStatus);
}

/** Loads a dataset the requester may see, or throws DATASET_NOT_FOUND (never revealing drafts). */
export async function findVisibleDataset(
  ctx: CatalogueContext,
  raw: string,
  isAdmin: boolean,
): Promise<DatasetRecord> {
  const key = parseDatasetKey(raw);
  const record = await getDataset(ctx, key);
  if (!isVisible(record, isAdmin)) throw new AppError('DATASET_NOT_FOUND', `No dataset ${String(key)}`);
  return record;
}

/** A page of the datasets the requester may see, with the total that match. */
export async function listVisibleDatasets(
  ctx: CatalogueContext,
  query: DatasetListQuery,
  isAdmin: boolean,
): Promise<{ total: number; records: DatasetRecord[] }> {
  // An all-digit organisation is an id: one past the integer range matches nothing.
  if (query.organization && /^\d+$/.test(query.organization) && Number(query.organization) > MAX_DATASET_ID) {
    return { total: 0, records: [] };
  }
  const { total, ids } = await listDatasetIds(ctx.db, query, { includeUnlisted: isAdmin });
  return { total, records: await loadDatasets(ctx.db, ids) };
}
