import { loadSettings, type Settings } from '../config/settings.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** Opens the configured database and migrates it: what every CLI command starts with. */
export async function openRuntime(env: Record<string, string | undefined> = process.env): Promise<{
  settings: Settings;
  handle: DatabaseHandle;
}> {
  const settings = loadSettings(env);
  const handle = openDatabase({
    databaseUrl: settings.databaseUrl,
    sqlitePath: settings.sqlitePath,
    poolSize: settings.dbPoolSize,
  });
  await migrateToLatest(handle.db);
  return { settings, handle };
}
