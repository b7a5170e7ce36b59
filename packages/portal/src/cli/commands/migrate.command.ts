import type { Command } from 'commander';
import { loadSettings } from '../../config/settings.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply every pending database migration (the server also does this on start)')
    .addHelpText('after', '\nExample:\n  DATABASE_URL=postgres://localhost/odp odp migrate')
    .action(async () => {
      const settings = loadSettings();
      const handle = openDatabase({ databaseUrl: settings.databaseUrl, sqlitePath: settings.sqlitePath });
      try {
        const result = await migrateToLatest(handle.db);
        const applied =
          result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
        console.log(applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`);
      } finally {
        await handle.close();
      }
    });
}
