import type { Kysely } from 'kysely';
import type { DialectName } from './database.ts';
import type { Database } from './schema.ts';

/** What services need from the database: a connection (or transaction) and its dialect. */
export interface CatalogueContext {
  db: Kysely<Database>;
  dialect: DialectName;
}
