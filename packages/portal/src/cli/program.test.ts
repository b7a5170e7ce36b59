import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './program.ts';

const docs = readFileSync(new URL('../../../../docs/cli.md', import.meta.url), 'utf8');

describe('odp --help', () => {
  const program = buildProgram();

  it('lists every sub-command', () => {
    const help = program.helpInformation();
    for (const command of program.commands) expect(help).toContain(command.name());
  });

  it.each(buildProgram().commands.map((c) => [c.name(), c] as const))(
    'odp %s --help has a description and an example',
    (_name, command) => {
      let help = '';
      command.configureOutput({ writeOut: (s) => (help += s), writeErr: (s) => (help += s) });
      command.outputHelp();
      expect(command.description().length).toBeGreaterThan(10);
      expect(help).toContain(command.description().slice(0, 30));
      expect(help).toMatch(/Examples?:\n\s+.*odp /);
    },
  );

  it.each(buildProgram().commands.map((c) => c.name()))('odp %s is documented in docs/cli.md', (name) => {
    expect(docs).toMatch(new RegExp(`^## \`odp ${name}`, 'm'));
  });
});
