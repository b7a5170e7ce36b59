import { Option, type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import {
  CATALOGUE_FORMATS,
  exportCatalogue,
  type CatalogueFormat,
} from '../../features/catalogue-io/catalogue-export.ts';
import { openRuntime } from '../runtime.ts';

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  );
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Export the public catalogue as the data.gov.tw 22-column CSV, as JSON or as XML')
    .addOption(new Option('--format <format>', 'csv, json or xml').choices(CATALOGUE_FORMATS).default('csv'))
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .addHelpText(
      'after',
      [
        '',
        'Exports published, scheduled-for-delisting and historical datasets (not drafts or delisted), by datasetId.',
        'csv is UTF-8 with BOM with the exact data.gov.tw header; per-resource values are joined with ;.',
        '',
        'Examples:',
        '  odp export --format csv -o export.csv',
        '  odp export --format json > catalogue.json',
        '  odp export --format xml -o catalogue.xml',
      ].join('\n'),
    )
    .action(async (options: { format: CatalogueFormat; output?: string }) => {
      const { handle } = await openRuntime();
      try {
        const text = await exportCatalogue(handle, options.format);
        if (options.output) await writeFile(options.output, text, 'utf8');
        else await writeStdout(text);
      } finally {
        await handle.close();
      }
    });
}
