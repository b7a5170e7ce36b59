/**
 * B4: conversion throughput and memory. Generates a CSV of realistic government rows
 * (Chinese text, ROC dates, TWD97 coordinates, codes), a CP950 copy and an XLSX of the
 * same rows, then times odp-convert against Miller (`mlr --icsv --ojson`), DuckDB
 * (`COPY (SELECT * FROM read_csv(…)) TO … (FORMAT json, ARRAY true)`, through
 * @duckdb/node-api in its own process), csvkit (`csvjson`, on a slice: it is far
 * slower; `in2csv` for XLSX → CSV) and `iconv -f CP950` in the same run. MB/s are input
 * MiB per second of wall time (the median of `--runs` runs); peak RSS from GNU time
 * (the largest of the runs). Before each run the command's earlier output is removed and
 * the page cache's dirty pages are written out (`sync`), so no run pays for the files an
 * earlier one (or the input's generation) left to the kernel. `--xlsx-mb 0` skips the
 * XLSX part.
 *
 *   npm run bench -- convert [--csv-mb 1024] [--cp950-mb 200] [--csvkit-mb 50] [--xlsx-mb 50] [--runs 1]
 *   (needs: apt-get install -y miller csvkit time)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { REPO } from './lib/processes.ts';
import { measure, type Measured } from './lib/measure.ts';
import { median, Report } from './lib/report.ts';
import { SHELTER_CSV_HEADER, shelterCsvRow } from './lib/shelter-rows.ts';
import { generateShelterWorkbook } from './lib/shelter-workbook.ts';

async function generate(file: string, megabytes: number, encoding: 'utf8' | 'cp950'): Promise<number> {
  const out = createWriteStream(file);
  const target = megabytes * 2 ** 20;
  let written = 0;
  let i = 0;
  const write = (text: string) => {
    const bytes = encoding === 'utf8' ? Buffer.from(text) : iconv.encode(text, 'cp950');
    written += bytes.length;
    return out.write(bytes);
  };
  write(SHELTER_CSV_HEADER);
  while (written < target) {
    let chunk = '';
    for (let n = 0; n < 2000; n++) chunk += shelterCsvRow(i++);
    if (!write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return i;
}

const have = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const mbps = (file: string, m: Measured) => statSync(file).size / 2 ** 20 / m.seconds;
const odpConvert = path.join(REPO, 'node_modules/.bin/odp-convert');
const duckdbPeer = path.join(REPO, 'bench/peers/duckdb-copy.ts');
const duckdbXlsxPeer = path.join(REPO, 'bench/peers/duckdb-xlsx.ts');

/**
 * Runs a command `runs` times: the median time, the largest peak RSS. Each run starts
 * with its output (`stdoutFile`, `outputs`) gone and the dirty pages written out.
 */
async function measureRuns(
  runs: number,
  command: string,
  args: string[],
  stdoutFile?: string,
  env?: Record<string, string>,
  outputs: string[] = [],
): Promise<Measured> {
  const all: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    for (const file of stdoutFile ? [stdoutFile, ...outputs] : outputs) rmSync(file, { force: true });
    spawnSync('sync');
    all.push(await measure(command, args, stdoutFile, env));
  }
  return { seconds: median(all.map((m) => m.seconds)), peakMiB: Math.max(...all.map((m) => m.peakMiB)) };
}

/** DuckDB's COPY in its own Node process; the reason (a string) when DuckDB refuses the input. */
async function duckdb(
  runs: number,
  format: 'json' | 'csv',
  input: string,
  output: string,
  encoding?: string,
): Promise<Measured | string> {
  return duckdbProcess(runs, [duckdbPeer, format, input, output, ...(encoding ? [encoding] : [])], [output]);
}

async function duckdbProcess(
  runs: number,
  peerArgs: string[],
  outputs: string[] = [],
): Promise<Measured | string> {
  const args = ['--import', 'tsx', ...peerArgs];
  try {
    return await measureRuns(runs, process.execPath, args, undefined, undefined, outputs);
  } catch (error) {
    const reason = /duckdb: (.*)/.exec((error as Error).message)?.[1];
    return reason ?? (error as Error).message.split('\n')[0] ?? 'failed';
  }
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'csv-mb': { type: 'string', default: '1024' },
      'cp950-mb': { type: 'string', default: '200' },
      'csvkit-mb': { type: 'string', default: '50' },
      'xlsx-mb': { type: 'string', default: '50' },
      runs: { type: 'string', default: '1' },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const report = new Report('convert');
  const work = mkdtempSync(path.join(tmpdir(), 'odp-bench-convert-'));
  const line = (label: string, file: string, m: Measured, peer?: Measured) =>
    report.line(
      `${label.padEnd(40)} ${mbps(file, m).toFixed(1).padStart(7)} MB/s  peak RSS ${m.peakMiB.toFixed(0).padStart(5)} MiB` +
        (peer ? `  = ${(mbps(file, m) / mbps(file, peer)).toFixed(2)}× the peer` : ''),
    );
  const verdict = (what: string, ok: boolean) => report.line(`  target ${what}: ${ok ? 'met' : 'NOT met'}`);
  try {
    report.line(`command: npm run bench -- convert ${argv.join(' ')}`.trimEnd());
    report.line(`runs per command: ${runs} (median time, largest peak RSS)`);
    const csv = path.join(work, 'big.csv');
    const rows = await generate(csv, Number(values['csv-mb']), 'utf8');
    report.line(`CSV: ${rows} rows, ${(statSync(csv).size / 2 ** 20).toFixed(0)} MiB`);
    /** odp-convert on all cores (its default) and on one thread, each output removed after. */
    const convertBoth = async (input: string, output: string, extra: string[] = []) => {
      const args = [input, '-o', output, ...extra, '-q'];
      const all = await measureRuns(runs, odpConvert, args, undefined, undefined, [output]);
      rmSync(output, { force: true });
      const one = await measureRuns(runs, odpConvert, [...args, '--workers', '1'], undefined, undefined, [
        output,
      ]);
      rmSync(output, { force: true });
      return [all, one] as const;
    };
    const [ours, oursOneThread] = await convertBoth(csv, path.join(work, 'out.json'));
    let miller: Measured | undefined;
    if (have('mlr'))
      miller = await measureRuns(runs, 'mlr', ['--icsv', '--ojson', 'cat', csv], path.join(work, 'mlr.json'));
    rmSync(path.join(work, 'mlr.json'), { force: true });
    const duck = await duckdb(runs, 'json', csv, path.join(work, 'duck.json'));
    rmSync(path.join(work, 'duck.json'), { force: true });
    line('odp-convert CSV → JSON (normalised)', csv, ours);
    line('  the same on one thread (--workers 1)', csv, oursOneThread);
    if (miller) line('mlr --icsv --ojson cat', csv, miller);
    else report.line('Miller: not installed (apt-get install -y miller)');
    if (typeof duck === 'string') report.line(`DuckDB COPY … (FORMAT json, ARRAY true): failed: ${duck}`);
    else line('DuckDB COPY read_csv → JSON array', csv, duck);
    if (miller) {
      const ratio = mbps(csv, ours) / mbps(csv, miller);
      report.line(`ours / Miller = ${ratio.toFixed(2)}× (target ≥ 3×)`);
      verdict('≥ 3× Miller', ratio >= 3);
    }
    if (typeof duck !== 'string') {
      const ratio = mbps(csv, ours) / mbps(csv, duck);
      report.line(`ours / DuckDB = ${ratio.toFixed(2)}× (target ≥ 0.5×)`);
      verdict('≥ 0.5× DuckDB', ratio >= 0.5);
    }
    report.line(
      `ours peak RSS = ${ours.peakMiB.toFixed(0)} MiB, ${oursOneThread.peakMiB.toFixed(0)} MiB on one thread (target ≤ 300 MB)`,
    );
    verdict('RSS ≤ 300 MB', ours.peakMiB * 2 ** 20 <= 300e6);

    if (have('csvjson')) {
      const slice = path.join(work, 'slice.csv');
      await generate(slice, Number(values['csvkit-mb']), 'utf8');
      const kit = await measureRuns(runs, 'csvjson', [slice], path.join(work, 'kit.json'));
      const sliceJson = path.join(work, 'slice.json');
      const oursSlice = await measureRuns(
        runs,
        odpConvert,
        [slice, '-o', sliceJson, '-q'],
        undefined,
        undefined,
        [sliceJson],
      );
      line(`csvjson (${values['csvkit-mb']} MiB slice)`, slice, kit);
      line(`odp-convert (same slice)`, slice, oursSlice, kit);
      rmSync(slice, { force: true });
    } else report.line('csvkit: not installed (apt-get install -y csvkit)');
    rmSync(csv, { force: true });

    const big5 = path.join(work, 'big5.csv');
    await generate(big5, Number(values['cp950-mb']), 'cp950');
    report.line(`CP950 CSV: ${(statSync(big5).size / 2 ** 20).toFixed(0)} MiB`);
    const iconvRun = await measureRuns(
      runs,
      'iconv',
      ['-f', 'CP950', '-t', 'UTF-8', big5],
      path.join(work, 'iconv.csv'),
    );
    const [oursBig5, oursBig5OneThread] = await convertBoth(big5, path.join(work, 'utf8.csv'), [
      '--no-normalize',
    ]);
    const duckBig5 = await duckdb(runs, 'csv', big5, path.join(work, 'duck.csv'), 'cp950');
    line('odp-convert CP950 CSV → UTF-8 CSV', big5, oursBig5, iconvRun);
    line('  the same on one thread (--workers 1)', big5, oursBig5OneThread, iconvRun);
    line('iconv -f CP950 -t UTF-8', big5, iconvRun);
    if (typeof duckBig5 === 'string')
      report.line(
        `DuckDB CP950 → CSV: not comparable: DuckDB cannot read CP950 (${duckBig5}; ` +
          'other encodings need its `encodings` extension, which is downloaded at run time)',
      );
    else line('DuckDB COPY read_csv(cp950) → CSV', big5, duckBig5);
    report.line(
      `ours peak RSS = ${oursBig5.peakMiB.toFixed(0)} MiB, ${oursBig5OneThread.peakMiB.toFixed(0)} MiB on one thread (target ≤ 300 MB)`,
    );
    verdict('RSS ≤ 300 MB', oursBig5.peakMiB * 2 ** 20 <= 300e6);
    rmSync(big5, { force: true });

    const xlsxMiB = Number(values['xlsx-mb']);
    if (xlsxMiB > 0) await xlsxPart({ report, line, verdict }, work, runs, xlsxMiB);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  report.save();
}

/** The report and its two line shapes: a measured command, a target verdict. */
interface Output {
  report: Report;
  line(label: string, file: string, m: Measured, peer?: Measured): void;
  verdict(what: string, ok: boolean): void;
}

/** Lines of a text file (its newline count), read in chunks. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return lines;
}

/**
 * XLSX → CSV: odp-convert (normalised, as by default) against csvkit's `in2csv` on the
 * same workbook, and DuckDB's `read_xlsx` only when its `excel` extension is already
 * installed (the bench downloads nothing).
 */
async function xlsxPart(
  { report, line, verdict }: Output,
  work: string,
  runs: number,
  megabytes: number,
): Promise<void> {
  const xlsx = path.join(work, 'big.xlsx');
  const rows = await generateShelterWorkbook(xlsx, megabytes);
  report.line(
    `XLSX: ${rows} rows, ${(statSync(xlsx).size / 2 ** 20).toFixed(1)} MiB (one sheet, shared strings, exceljs WorkbookWriter)`,
  );
  const oursCsv = path.join(work, 'xlsx.csv');
  const ours = await measureRuns(runs, odpConvert, [xlsx, '-o', oursCsv, '-q'], undefined, undefined, [
    oursCsv,
  ]);
  const oursRows = (await countLines(oursCsv)) - 1;
  rmSync(oursCsv, { force: true });
  let kit: Measured | undefined;
  let kitRows = 0;
  if (have('in2csv')) {
    const kitCsv = path.join(work, 'in2csv.csv');
    kit = await measureRuns(runs, 'in2csv', [xlsx], kitCsv);
    kitRows = (await countLines(kitCsv)) - 1;
    rmSync(kitCsv, { force: true });
  }
  const duck = await duckdbProcess(runs, [duckdbXlsxPeer, xlsx, path.join(work, 'duck-xlsx.csv')]);
  rmSync(path.join(work, 'duck-xlsx.csv'), { force: true });
  line('odp-convert XLSX → CSV (normalised)', xlsx, ours, kit);
  if (kit) line('in2csv (csvkit, same file)', xlsx, kit);
  else report.line('csvkit: not installed (apt-get install -y csvkit)');
  if (typeof duck === 'string')
    report.line(
      `DuckDB XLSX → CSV: not comparable: read_xlsx needs DuckDB's \`excel\` extension, which is not built in ` +
        `and would be downloaded at run time (${duck})`,
    );
  else line('DuckDB COPY read_xlsx → CSV', xlsx, duck);
  report.line(`rows written: odp-convert ${oursRows}${kit ? `, in2csv ${kitRows}` : ''} (of ${rows})`);
  if (kit) {
    const ratio = mbps(xlsx, ours) / mbps(xlsx, kit);
    report.line(`ours / in2csv = ${ratio.toFixed(2)}×`);
  }
  if (typeof duck !== 'string') {
    const ratio = mbps(xlsx, ours) / mbps(xlsx, duck);
    report.line(`ours / DuckDB = ${ratio.toFixed(2)}× (target ≥ 0.5×)`);
    verdict('≥ 0.5× DuckDB', ratio >= 0.5);
  }
  report.line(`ours peak RSS = ${ours.peakMiB.toFixed(0)} MiB (target ≤ 300 MB)`);
  verdict('RSS ≤ 300 MB', ours.peakMiB * 2 ** 20 <= 300e6);
  rmSync(xlsx, { force: true });
}
