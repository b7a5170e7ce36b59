import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The demo's reads: whether the catalogue is empty, and where each agency's 流水號 stands. */

export async function hasDatasets(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('datasets').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function countDatasets(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('datasets')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The highest numeric 流水號 used under each agency code (identifiers are `<code>-<serial>`). */
export async function lastSerialsByAgencyCode(db: Kysely<Database>): Promise<Map<string, number>> {
  const code = sql<string>`substr(identifier, 1, 10)`;
  const rows = await db
    .selectFrom('datasets')
    .select([code.as('code'), sql<string>`max(identifier)`.as('last')])
    .groupBy(code)
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) {
    const serial = Number(r.last.slice(11));
    if (Number.isInteger(serial)) out.set(r.code, serial);
  }
  return out;
}
