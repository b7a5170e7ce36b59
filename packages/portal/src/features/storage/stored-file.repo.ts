import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** All SQL of stored files: one row per content (by key), with its sniffed type. */

export interface StoredFileRow {
  fileKey: string;
  size: number;
  /** The sniffed media type, never the uploader's claim. */
  mediaType: string;
  /** The uploader's file name without any path, when one was given. */
  originalName: string | null;
  createdAt: string;
}

/** Records a stored file; the same bytes uploaded again keep their first row. */
export async function recordStoredFile(db: Kysely<Database>, row: StoredFileRow): Promise<void> {
  await db
    .insertInto('storedFiles')
    .values(row)
    .onConflict((conflict) => conflict.column('fileKey').doNothing())
    .execute();
}

export async function findStoredFile(
  db: Kysely<Database>,
  fileKey: string,
): Promise<StoredFileRow | undefined> {
  const row = await db
    .selectFrom('storedFiles')
    .selectAll()
    .where('fileKey', '=', fileKey)
    .executeTakeFirst();
  return row ? { ...row, size: Number(row.size) } : undefined;
}
