import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { TableField } from './table-fields.ts';

/** A built (or failed) normalised table of one resource's fetched body. */
export interface ResourceTableRow {
  resourceId: number;
  sha256: string;
  parquetKey: string | null;
  rowCount: number | null;
  fields: TableField[];
  profile: unknown;
  builtAt: string;
  errorCode: string | null;
  errorMessage: string | null;
}

type Stored = Database['resourceTables'];

function rowOf(r: {
  resourceId: number;
  sha256: string;
  parquetKey: string | null;
  rowCount: number | null;
  fields: string | null;
  profile: string | null;
  builtAt: string;
  errorCode: string | null;
  errorMessage: string | null;
}): ResourceTableRow {
  return {
    resourceId: Number(r.resourceId),
    sha256: r.sha256,
    parquetKey: r.parquetKey,
    rowCount: r.rowCount === null ? null : Number(r.rowCount),
    fields: r.fields ? (JSON.parse(r.fields) as TableField[]) : [],
    profile: r.profile ? (JSON.parse(r.profile) as unknown) : null,
    builtAt: r.builtAt,
    errorCode: r.errorCode,
    errorMessage: r.errorMessage,
  };
}

const COLUMNS = [
  'resourceId',
  'sha256',
  'parquetKey',
  'rowCount',
  'fields',
  'profile',
  'builtAt',
  'errorCode',
  'errorMessage',
] as const;

/** The table of this resource built from this body, if any. */
export async function findResourceTable(
  db: Kysely<Database>,
  resourceRowId: number,
  sha256: string,
): Promise<ResourceTableRow | undefined> {
  const row = await db
    .selectFrom('resourceTables')
    .select(COLUMNS)
    .where('resourceId', '=', resourceRowId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row && rowOf(row);
}

/** Any resource's table of this body (the same bytes make the same table). */
export async function findTableOfContent(
  db: Kysely<Database>,
  sha256: string,
): Promise<ResourceTableRow | undefined> {
  const row = await db
    .selectFrom('resourceTables')
    .select(COLUMNS)
    .where('sha256', '=', sha256)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && rowOf(row);
}

/** Records a build (or a failed one) for a resource; a row already there is kept. */
export async function saveResourceTable(db: Kysely<Database>, row: ResourceTableRow): Promise<void> {
  const values: Omit<Stored, 'id'> = {
    resourceId: row.resourceId,
    sha256: row.sha256,
    parquetKey: row.parquetKey,
    rowCount: row.rowCount,
    fields: row.errorCode ? null : JSON.stringify(row.fields),
    profile: row.profile === null ? null : JSON.stringify(row.profile),
    builtAt: row.builtAt,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
  };
  await db
    .insertInto('resourceTables')
    .values(values)
    .onConflict((oc) => oc.columns(['resourceId', 'sha256']).doNothing())
    .execute();
}

/** Keeps a computed profile with every table of the body. */
export async function saveProfile(db: Kysely<Database>, sha256: string, profile: unknown): Promise<void> {
  await db
    .updateTable('resourceTables')
    .set({ profile: JSON.stringify(profile) })
    .where('sha256', '=', sha256)
    .execute();
}
