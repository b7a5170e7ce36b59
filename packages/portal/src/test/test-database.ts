import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { isPostgresUrl, openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or — when
 * DATABASE_URL is a postgres:// URL — a new schema in that database, dropped after.
 */
export interface TestDatabase extends DatabaseHandle {
  /** PostgreSQL only: the schema this test file owns. */
  schema?: string;
  destroy(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = openDatabase({ databaseUrl: url, sqlitePath: ':memory:', pgSchema: schema, poolSize: 4 });
    await migrateToLatest(handle.db, schema);
    return {
      ...handle,
      schema,
      async destroy() {
        await handle.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        // And pg-boss's schema beside it, if a job queue ran (jobs/open-job-queue.ts).
        await c.query(`drop schema if exists ${schema}_jobs cascade`);
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'odp-test-'));
  const handle = openDatabase({ sqlitePath: path.join(dir, 'odp.db') });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async destroy() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
