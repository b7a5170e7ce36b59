import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';

/** The SQL of the DCAT-AP export: pages of the publicly listed datasets, in datasetId order. */

export async function countListedDatasets(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('datasets')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', 'in', [...LISTED_STATUSES])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listedDatasetPage(
  db: Kysely<Database>,
  offset: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('datasets')
    .select('id')
    .where('status', 'in', [...LISTED_STATUSES])
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => r.id);
}
