import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { importCatalogue } from '../../features/catalogue-io/catalogue-import.ts';
import { openRuntime } from '../runtime.ts';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'Import a catalogue file (the data.gov.tw 22-column CSV or the JSON export): all rows or none',
    )
    .argument('<file>', 'the 22-column CSV (UTF-8 with or without BOM, or CP950/Big5) or the JSON export')
    .addHelpText(
      'after',
      [
        '',
        'A bad row stops the import with IMPORT_INVALID, naming the line and column; nothing is written.',
        'Rows whose 資料集識別碼 exists update that dataset and record a version (actor import:<file>).',
        '',
        'Examples:',
        '  odp import export.csv',
        '  DATABASE_URL=postgres://localhost/odp odp import catalogue.json',
      ].join('\n'),
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const started = performance.now();
      const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) =>
        command.error(`odp: cannot read ${file}: ${error.code ?? error.message}`, { exitCode: 2 }),
      );
      const { handle } = await openRuntime();
      try {
        const s = await importCatalogue(handle, bytes, { fileName: file });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `Imported ${s.datasets} datasets from ${file} (${s.format}, ${s.encoding}${s.bom ? ' with BOM' : ''}): ` +
            `${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged in ${seconds} s`,
        );
      } finally {
        await handle.close();
      }
    });
}
