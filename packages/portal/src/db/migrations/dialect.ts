import { PostgresAdapter, type Kysely } from 'kysely';

/** Migrations may differ by dialect only where SQL forces it (identity columns). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
