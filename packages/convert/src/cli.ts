import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { isConvertError } from './errors/convert-error.ts';
import { convertFile } from './pipeline/convert-file.ts';
import { formatReport } from './pipeline/conversion-report.ts';
import { readerFor, sniffInputKind } from './pipeline/input-kind.ts';
import { OUTPUT_FORMATS, outputFormatFor } from './pipeline/output-format.ts';
import type { Delimiter } from './delimited/sniff-delimiter.ts';

interface CliOptions {
  output: string;
  to?: string;
  report?: string;
  normalize: boolean;
  bom: boolean;
  delimiter?: string;
  sheet?: string;
  workers: number;
  quiet: boolean;
}

const DELIMITERS: Record<string, Delimiter> = {
  comma: ',',
  ',': ',',
  semicolon: ';',
  ';': ';',
  tab: '\t',
  '\\t': '\t',
  pipe: '|',
  '|': '|',
};

const defaultWorkers = (): number => Math.min(8, availableParallelism());

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('a whole number from 1 to 64');
  return n;
}

export function buildConvertProgram(): Command {
  return new Command('odp-convert')
    .description(
      'Convert a messy government data file into clean UTF-8 CSV, JSON, NDJSON, XML, GeoJSON, XLSX or Parquet',
    )
    .argument(
      '<input>',
      'the file to convert (delimited text in any encoding: UTF-8 ± BOM, CP950/Big5, UTF-16)',
    )
    .requiredOption(
      '-o, --output <file>',
      'where to write; the format follows the extension unless --to is given',
    )
    .addOption(new Option('--to <format>', 'output format').choices([...OUTPUT_FORMATS]))
    .option('--report <file>', 'also write the conversion report as JSON')
    .option('--no-normalize', 'keep values as they are (no ROC date, width, null or TWD97 normalisation)')
    .option('--bom', 'CSV output: start with a UTF-8 byte order mark (for Excel)', false)
    .addOption(
      new Option('--delimiter <delimiter>', 'input delimiter instead of sniffing').choices(
        Object.keys(DELIMITERS),
      ),
    )
    .option('--sheet <name>', 'spreadsheets: the sheet to convert (default: the first with data)')
    .addOption(
      new Option('--workers <n>', 'threads for big CSV/TSV files (1: no worker threads)')
        .argParser(workerCount)
        .default(defaultWorkers(), 'the cores, up to 8'),
    )
    .option('-q, --quiet', 'print nothing but errors', false)
    .addHelpText(
      'after',
      `
Examples:
  odp-convert yilan-catalog-cp950.csv -o yilan.csv --bom      Big5 → UTF-8 CSV for Excel
  odp-convert real-estate.csv -o real-estate.json --report r.json
  odp-convert shelters-twd97.csv -o shelters.geojson           TWD97 X/Y → WGS84 points

Exit status 0 on success; on bad input 2, with "ERROR <CODE>: <message>" on stderr.
Nothing is written to the output unless the whole conversion succeeds.`,
    )
    .action(async (input: string, options: CliOptions) => {
      const to = outputFormatFor(options.output, options.to);
      const reader = await readerFor(await sniffInputKind(input), input);
      const temporary = path.join(
        path.dirname(path.resolve(options.output)),
        `.${path.basename(options.output)}.${process.pid}.tmp`,
      );
      const out = createWriteStream(temporary);
      const bar =
        process.stderr.isTTY && !options.quiet
          ? new SingleBar({ format: 'converting [{bar}] {percentage}% | {eta}s left', hideCursor: true })
          : undefined;
      try {
        bar?.start(100, 0);
        const report = await convertFile(input, reader, out, {
          to,
          normalize: options.normalize,
          bom: options.bom,
          workers: options.workers,
          outputPath: options.output,
          ...(options.sheet ? { sheet: options.sheet } : {}),
          ...(options.delimiter ? { delimiter: DELIMITERS[options.delimiter] as Delimiter } : {}),
          ...(bar
            ? {
                onProgress: (done: number, total: number) =>
                  bar.update(Math.floor((100 * done) / Math.max(total, 1))),
              }
            : {}),
        });
        out.end();
        await finished(out);
        await rename(temporary, options.output);
        bar?.update(100);
        bar?.stop();
        if (options.report) await writeFile(options.report, `${JSON.stringify(report, null, 2)}\n`);
        if (!options.quiet) process.stderr.write(formatReport(report));
      } catch (error) {
        bar?.stop();
        out.destroy();
        await rm(temporary, { force: true });
        throw error;
      }
    });
}

/** Runs the CLI; bad input exits 2 with `ERROR <CODE>: <message>`. */
export async function runConvertCli(argv: string[]): Promise<number> {
  try {
    await buildConvertProgram().exitOverride().parseAsync(argv);
    return 0;
  } catch (error) {
    if (isConvertError(error)) {
      process.stderr.write(
        `ERROR ${error.code}: ${error.message}${error.line ? ` (line ${error.line})` : ''}\n`,
      );
      return 2;
    }
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      return code === 'commander.helpDisplayed' || code === 'commander.version' ? 0 : 2;
    }
    process.stderr.write(`ERROR INTERNAL: ${(error as Error).message}\n`);
    return 1;
  }
}
