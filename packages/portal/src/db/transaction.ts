import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Runs `fn` in a transaction, or inside the caller's transaction when there is one. */
export async function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
