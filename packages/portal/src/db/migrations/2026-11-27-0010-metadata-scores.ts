// Frozen migration: never edit after release; add a new dated file instead.
import type { Kysely } from 'kysely';

/**
 * The metadata quality score of each dataset (docs/quality.md "Metadata quality score"):
 * the 405-point total, its band, the points of each dimension and each indicator with
 * its evidence, recomputed after every write and every check.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dataset_metadata_scores')
    .addColumn('dataset_id', 'integer', (c) => c.primaryKey().references('datasets.id').onDelete('cascade'))
    .addColumn('total', 'integer', (c) => c.notNull())
    // excellent / good / sufficient / bad
    .addColumn('band', 'text', (c) => c.notNull())
    // JSON: { findability: { points, max }, … }
    .addColumn('dimensions', 'text', (c) => c.notNull())
    // JSON: { keyword: { points, max, evidence }, … }
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dataset_metadata_scores_total')
    .on('dataset_metadata_scores')
    .column('total')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dataset_metadata_scores').execute();
}
