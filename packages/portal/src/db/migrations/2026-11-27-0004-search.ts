// Frozen migration: never edit after release; add a new dated file instead.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * The search index (docs/search.md, "Index and query"). Each column holds the analyser's
 * tokens of one field, joined by spaces (indexText), so both engines see the same terms.
 *
 * SQLite: an FTS5 table whose rowid is datasets.id, with the unicode61 tokenizer that
 * keeps the analyser's tokens unchanged, and an fts5vocab view of its terms (did you mean).
 * PostgreSQL: one row per dataset with the weighted tsvector (A title, B keywords,
 * C fields and agency, D description) under a GIN index, plus the same token columns
 * (read back to re-rank candidates identically on both databases).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema
      .createTable('search_documents')
      .addColumn('dataset_id', 'integer', (c) => c.primaryKey().references('datasets.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('document', sql`tsvector`, (c) =>
        c
          .generatedAlwaysAs(
            sql`setweight(to_tsvector('simple', title), 'A') ||
            setweight(to_tsvector('simple', keywords), 'B') ||
            setweight(to_tsvector('simple', fields), 'C') ||
            setweight(to_tsvector('simple', agency), 'C') ||
            setweight(to_tsvector('simple', description), 'D')`,
          )
          .stored(),
      )
      .execute();
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
    return;
  }
  await sql`create virtual table search_fts using fts5(
    title, keywords, fields, description, agency,
    tokenize = 'unicode61 remove_diacritics 0'
  )`.execute(db);
  await sql`create virtual table search_fts_vocab using fts5vocab(search_fts, 'row')`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema.dropTable('search_documents').execute();
    return;
  }
  await sql`drop table search_fts_vocab`.execute(db);
  await sql`drop table search_fts`.execute(db);
}
