// Frozen migration: never edit after release; add a new dated file instead.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * The catalogue's facet stamp: one row whose number goes up, in the same transaction,
 * whenever something a search facet counts changes — a dataset's category, agency,
 * organisation, badge, licence, update frequency or type, its themes, its resources'
 * formats, or an organisation's level. Search processes keep the facet values of every
 * dataset in memory and reload them when the stamp they loaded is no longer the
 * database's, so a write by any process or path (API, import, quality sweep, plain SQL)
 * invalidates them. Triggers rather than application code, so no write path can forget.
 *
 * Updates bump the stamp only when a watched value really differs: the quality sweep
 * rewrites badges that mostly stay the same, and each bump costs every web process a
 * reload. Inserts and deletes always bump (on PostgreSQL once per statement).
 * On PostgreSQL the stamp row stays locked until the writing transaction commits, so
 * stamps are handed out in commit order.
 */

/** Table → the columns whose change matters on update. */
const WATCHED: [table: string, columns: string[]][] = [
  [
    'datasets',
    // Not status: it filters in SQL, the facets only count the matched ids.
    [
      'id',
      'organization_id',
      'category_code',
      'publisher_name',
      'quality_badge',
      'license',
      'accrual_periodicity',
      'type',
    ],
  ],
  ['resources', ['dataset_id', 'format']],
  ['dataset_themes', ['dataset_id', 'theme_code']],
  ['organizations', ['id', 'level']],
];

const BUMP = 'update catalogue_facet_stamp set stamp = stamp + 1 where id = 1';

/** `old.a is distinct from new.a or …` in the dialect's spelling. */
const changed = (columns: string[], distinct: string): string =>
  columns.map((c) => `old.${c} ${distinct} new.${c}`).join(' or ');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalogue_facet_stamp')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('stamp', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into catalogue_facet_stamp (id, stamp) values (1, 0)`.execute(db);

  if (isPostgres(db)) {
    await sql`create function bump_catalogue_facet_stamp() returns trigger language plpgsql as $$
      begin
        ${sql.raw(BUMP)};
        return null;
      end $$`.execute(db);
    for (const [table, columns] of WATCHED) {
      await sql`create trigger ${sql.raw(`${table}_facet_stamp`)}
        after insert or delete or truncate on ${sql.table(table)}
        for each statement execute function bump_catalogue_facet_stamp()`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_facet_stamp_update`)}
        after update of ${sql.raw(columns.join(', '))} on ${sql.table(table)}
        for each row when (${sql.raw(changed(columns, 'is distinct from'))})
        execute function bump_catalogue_facet_stamp()`.execute(db);
    }
    return;
  }
  // SQLite has no statement-level triggers: one cheap update per changed row.
  for (const [table, columns] of WATCHED) {
    for (const event of ['insert', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_facet_stamp_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)}
        begin ${sql.raw(BUMP)}; end`.execute(db);
    }
    await sql`create trigger ${sql.raw(`${table}_facet_stamp_update`)}
      after update of ${sql.raw(columns.join(', '))} on ${sql.table(table)}
      when ${sql.raw(changed(columns, 'is not'))}
      begin ${sql.raw(BUMP)}; end`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  for (const [table] of WATCHED) {
    const names = postgres ? ['', '_update'] : ['_insert', '_delete', '_update'];
    for (const name of names) {
      await sql`drop trigger ${sql.raw(`${table}_facet_stamp${name}`)}${postgres ? sql` on ${sql.table(table)}` : sql``}`.execute(
        db,
      );
    }
  }
  if (postgres) await sql`drop function bump_catalogue_facet_stamp()`.execute(db);
  await db.schema.dropTable('catalogue_facet_stamp').execute();
}
