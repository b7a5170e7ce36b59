import { Command } from 'commander';
import { registerMigrate } from './commands/migrate.command.ts';

/** The `odp` command line: one sub-command a file under cli/commands/. */
export function buildProgram(): Command {
  const program = new Command('odp')
    .description('odp — open government data portal: serve, migrate, import, export and seed the catalogue')
    .version('0.1.0')
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nSettings come from environment variables (see docs/configuration.md):\n  PORT, HOST, ODP_DATA_DIR, DATABASE_URL, ODP_ADMIN_TOKEN, …',
    );
  registerMigrate(program);
  return program;
}
