import { Command } from 'commander';
import { registerCheck } from './commands/check.command.ts';
import { registerDemo } from './commands/demo.command.ts';
import { registerExport } from './commands/export.command.ts';
import { registerImportAgencies } from './commands/import-agencies.command.ts';
import { registerImport } from './commands/import.command.ts';
import { registerMigrate } from './commands/migrate.command.ts';
import { registerQuality } from './commands/quality.command.ts';
import { registerQualitySnapshot } from './commands/quality-snapshot.command.ts';
import { registerReindex } from './commands/reindex.command.ts';
import { registerServe } from './commands/serve.command.ts';
import { registerStats } from './commands/stats.command.ts';
import { registerUser } from './commands/user.command.ts';
import { registerWorker } from './commands/worker.command.ts';

/** The `odp` command line: one sub-command a file under cli/commands/. */
export function buildProgram(): Command {
  const program = new Command('odp')
    .description(
      'odp — open government data portal: serve, run jobs, migrate, import, export and seed the catalogue',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nSettings come from environment variables (see docs/configuration.md):\n  PORT, HOST, ODP_DATA_DIR, DATABASE_URL, ODP_ADMIN_TOKEN, …',
    );
  registerServe(program);
  registerWorker(program);
  registerMigrate(program);
  registerImport(program);
  registerExport(program);
  registerImportAgencies(program);
  registerDemo(program);
  registerCheck(program);
  registerQuality(program);
  registerQualitySnapshot(program);
  registerReindex(program);
  registerStats(program);
  registerUser(program);
  return program;
}
