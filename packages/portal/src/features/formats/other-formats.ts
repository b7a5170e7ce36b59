import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ContentStore } from '../quality/content-store.ts';
import { resourceRowIds } from '../quality/quality.repo.ts';
import { personalDataBlocked } from '../privacy/personal-data-gate.ts';
import { latestFetchedCopies, type FetchedCopyRow } from './fetched-copy.repo.ts';

/**
 * 多元格式參考資料: the platform's own CSV (UTF-8), JSON and XML copies of a structured
 * resource, converted by @odp/convert from the last body the quality checker fetched.
 * Offered only when that body is stored whole (not cut at the fetch byte budget, and no
 * larger than the budget now is) and the checker sniffed it as structured data the
 * converter reads.
 */

export const OTHER_FORMATS = ['csv', 'json', 'xml'] as const;
export type OtherFormat = (typeof OTHER_FORMATS)[number];

export const OTHER_FORMAT_TYPES: Record<OtherFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

/** Sniffed formats (the checker's names) that @odp/convert reads into a table. */
export const CONVERTIBLE_FORMATS: ReadonlySet<string> = new Set(['CSV', 'TSV', 'JSON', 'XML', 'XLSX', 'ODS']);

/** A whole stored body that the platform converts. */
export interface ConvertibleCopy {
  sha256: string;
  /** The stored body's file. */
  path: string;
  bytes: number;
  sniffedFormat: string;
  fetchedAt: string;
}

/** Why a resource has no converted copies. */
export type NoCopyReason = 'not-fetched' | 'truncated' | 'not-structured' | 'too-large';

export type CopyVerdict = { copy: ConvertibleCopy } | { reason: NoCopyReason };

/** The fetched-body store under ODP_DATA_DIR. */
export function fetchedStore(dataDir: string): ContentStore {
  return new ContentStore(path.join(dataDir, 'fetched'));
}

/** Decides from the recorded run and the stored file whether the copy can be converted. */
export async function judgeCopy(
  store: ContentStore,
  row: FetchedCopyRow | undefined,
  maxBytes: number,
): Promise<CopyVerdict> {
  if (!row) return { reason: 'not-fetched' };
  if (row.bodyTruncated !== 0) return { reason: 'truncated' };
  if (!row.sniffedFormat || !CONVERTIBLE_FORMATS.has(row.sniffedFormat)) return { reason: 'not-structured' };
  const file = store.pathOf(row.sha256);
  let bytes: number;
  try {
    bytes = (await stat(file)).size;
  } catch {
    return { reason: 'not-fetched' };
  }
  if (bytes > maxBytes) return { reason: 'too-large' };
  return {
    copy: {
      sha256: row.sha256,
      path: file,
      bytes,
      sniffedFormat: row.sniffedFormat,
      fetchedAt: row.fetchedAt,
    },
  };
}

/** The convertible copies of a dataset's resources, by resourceID (for the dataset page). */
export async function datasetConvertibleCopies(
  db: Kysely<Database>,
  options: { dataDir: string; maxBytes: number },
  datasetId: number,
  rowIds?: ReadonlyMap<string, number>,
): Promise<Map<string, ConvertibleCopy>> {
  const ids = rowIds ?? (await resourceRowIds(db, datasetId));
  const rows = await latestFetchedCopies(db, [...ids.values()]);
  const store = fetchedStore(options.dataDir);
  const copies = new Map<string, ConvertibleCopy>();
  // No copies of what the privacy guard blocked (features/privacy/).
  const blocked = await personalDataBlocked(db, [...ids.values()]);
  for (const [resourceId, rowId] of ids) {
    if (blocked.has(rowId)) continue;
    const verdict = await judgeCopy(store, rows.get(rowId), options.maxBytes);
    if ('copy' in verdict) copies.set(resourceId, verdict.copy);
  }
  return copies;
}
