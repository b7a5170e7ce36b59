// Frozen migration: never edit after release; add a new dated file instead.
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * Normalised tables (docs/data-api.md): one row per resource and fetched body, naming
 * the Parquet file (content-addressed by the body's SHA-256) the data API queries, with
 * its row count, its fields and, once computed, its column profile. A body the
 * converter could not read keeps the converter's error code instead, so it is not
 * converted again on every request.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'bigserial' : 'integer';
  await db.schema
    .createTable('resource_tables')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('resource_id', 'integer', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    // SHA-256 (hex) of the fetched body the table was built from.
    .addColumn('sha256', 'text', (c) => c.notNull())
    // Relative to the data directory: tables/<sha256>.parquet; null when the build failed.
    .addColumn('parquet_key', 'text')
    .addColumn('row_count', 'integer')
    // JSON: [{ name, type }]
    .addColumn('fields', 'text')
    // JSON: the column profile, filled in on first request.
    .addColumn('profile', 'text')
    .addColumn('built_at', 'text', (c) => c.notNull())
    // The converter's error code (INVALID_ENCODING, EMPTY_FILE …) when the build failed.
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addUniqueConstraint('resource_tables_resource_sha256', ['resource_id', 'sha256'])
    .execute();
  await db.schema.createIndex('resource_tables_sha256').on('resource_tables').column('sha256').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('resource_tables').execute();
}
