// Frozen migration: never edit after release; add a new dated file instead.
import type { Kysely } from 'kysely';

/**
 * Whether a quality run's fetched body was cut at the fetch byte budget (1) or is the
 * whole file (0): only a whole body may be converted into other formats. Null for runs
 * recorded before this column, and for runs that fetched no body; such bodies count as
 * incomplete until the next check.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('quality_runs').addColumn('body_truncated', 'integer').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('quality_runs').dropColumn('body_truncated').execute();
}
