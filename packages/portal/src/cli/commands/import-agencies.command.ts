import { decodeText } from '@odp/convert';
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { importAgencyRegistry } from '../../features/organizations/agency-registry.import.ts';
import { openRuntime } from '../runtime.ts';

export function registerImportAgencies(program: Command): void {
  program
    .command('import-agencies')
    .description(
      'Import organisations from the government OID registry (機關名稱,OID,電話,地址,DN): upsert by OID',
    )
    .argument('<file>', 'the registry CSV (UTF-8 with or without BOM, or CP950/Big5)')
    .addHelpText(
      'after',
      [
        '',
        'Parents come from the OID tree (the longest registered prefix), 中央/地方 from the OID branch.',
        'All or nothing: a malformed row stops the import with IMPORT_INVALID, naming the line and',
        'column. Re-importing the same file changes nothing; agency codes are left as they are.',
        '',
        'Examples:',
        '  odp import-agencies packages/portal/demo/real/agency-oid-registry-2016.csv',
        '  DATABASE_URL=postgres://localhost/odp odp import-agencies GDS.csv',
      ].join('\n'),
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const started = performance.now();
      const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) =>
        command.error(`odp: cannot read ${file}: ${error.code ?? error.message}`, { exitCode: 2 }),
      );
      const decoded = decodeText(bytes);
      const { handle } = await openRuntime();
      try {
        const r = await importAgencyRegistry(handle, decoded.text);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `Imported ${r.created + r.updated + r.unchanged} agencies from ${file} (${decoded.encoding}): ` +
            `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged in ${seconds} s`,
        );
      } finally {
        await handle.close();
      }
    });
}
