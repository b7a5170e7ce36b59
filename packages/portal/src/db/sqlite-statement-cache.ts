import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running
 * a small indexed query. This wraps better-sqlite3 so repeated SQL text reuses its
 * prepared statement (least-recently-used, bounded). Safe because Kysely runs one
 * query at a time on its single SQLite connection; very long statements (bulk inserts
 * with thousands of parameters) are not cached.
 */
const MAX_STATEMENTS = 500;
const MAX_CACHED_SQL_LENGTH = 4_000;

export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      if (sql.length > MAX_CACHED_SQL_LENGTH) return database.prepare(sql) as unknown as SqliteStatement;
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement as unknown as SqliteStatement;
    },
  };
}
