import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Both databases cap bound parameters per statement (SQLite 32766, PostgreSQL 65535). */
const MAX_PARAMETERS = 30_000;

/** Inserts many rows in as few statements as the parameter limit allows. */
export async function insertChunked<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length || 1;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size) as Parameters<ReturnType<typeof db.insertInto<T>>['values']>[0];
    await db.insertInto(table).values(chunk).execute();
  }
}
