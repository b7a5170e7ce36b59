import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../db/database.ts';
import type { Database, SearchTokenColumns } from '../db/schema.ts';
import { LISTED_STATUSES, type DatasetStatus } from '../domain/dataset-status.ts';
import type { DatasetRecord } from '../features/datasets/dataset.record.ts';
import { indexText } from './analysis/index.ts';
import { vocabularyChanged } from './vocabulary.ts';

/**
 * Index maintenance: the search index holds the listed datasets (LISTED_STATUSES) only.
 * Drafts and delisted datasets are removed, so the index never holds text the public may
 * not see, stays smaller, and a search needs no status filter to be safe (queries still
 * join datasets for facets and filter by status as well).
 *
 * Callers pass the transaction of the catalogue write, so the index changes with it.
 */

/** The fields of a dataset that are indexed. */
export type IndexedDataset = Pick<
  DatasetRecord,
  | 'datasetId'
  | 'status'
  | 'title'
  | 'titleEn'
  | 'description'
  | 'descriptionEn'
  | 'fieldDescription'
  | 'keyword'
  | 'publisher'
>;

const join = (...parts: (string | null | undefined)[]): string => parts.filter((p) => p).join('\n');

/** The token columns of one dataset (the analyser's indexText of each field). */
export function searchTokens(d: IndexedDataset): SearchTokenColumns {
  return {
    title: indexText(join(d.title, d.titleEn)),
    // Keywords one per line: a line break ends a token run, so no bigram spans two keywords.
    keywords: indexText(d.keyword.join('\n')),
    fields: indexText(d.fieldDescription),
    description: indexText(join(d.description, d.descriptionEn)),
    agency: indexText(d.publisher),
  };
}

export function isSearchable(status: string): boolean {
  return LISTED_STATUSES.includes(status as DatasetStatus);
}

const CHUNK = 500;

/** Removes datasets from the search index. */
export async function removeFromIndex(
  db: Kysely<Database>,
  dialect: DialectName,
  datasetIds: readonly number[],
): Promise<void> {
  for (let i = 0; i < datasetIds.length; i += CHUNK) {
    const part = datasetIds.slice(i, i + CHUNK);
    if (dialect === 'postgres')
      await db.deleteFrom('searchDocuments').where('datasetId', 'in', part).execute();
    else await db.deleteFrom('searchFts').where('rowid', 'in', part).execute();
  }
}

/** Writes (or rewrites) the index entries of datasets; unlisted ones are removed. */
export async function indexDatasets(
  db: Kysely<Database>,
  dialect: DialectName,
  records: readonly IndexedDataset[],
): Promise<void> {
  await removeFromIndex(
    db,
    dialect,
    records.map((r) => r.datasetId),
  );
  vocabularyChanged();
  const listed = records.filter((r) => isSearchable(r.status));
  for (let i = 0; i < listed.length; i += CHUNK) {
    const part = listed.slice(i, i + CHUNK);
    if (dialect === 'postgres') {
      await db
        .insertInto('searchDocuments')
        .values(part.map((r) => ({ datasetId: r.datasetId, ...searchTokens(r) })))
        .execute();
    } else {
      await db
        .insertInto('searchFts')
        .values(part.map((r) => ({ rowid: r.datasetId, ...searchTokens(r) })))
        .execute();
    }
  }
}

/** Empties the index (the first step of `odp reindex`). */
export async function clearIndex(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`truncate search_documents`.execute(db);
  else await sql`delete from search_fts`.execute(db);
}
