/**
 * B4: conversion throughput and memory. Generates a CSV of realistic government rows
 * (Chinese text, ROC dates, TWD97 coordinates, codes) and a CP950 copy, then times
 * odp-convert against Miller (`mlr --icsv --ojson`), csvkit (`csvjson`, on a slice:
 * it is far slower) and `iconv -f CP950` in the same run. MB/s are input MB per
 * second of wall time; peak RSS from GNU time.
 *
 *   npm run bench -- convert [--csv-mb 1024] [--cp950-mb 200] [--csvkit-mb 50]
 *   (needs: apt-get install -y miller csvkit time)
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { REPO } from './lib/processes.ts';
import { measure, type Measured } from './lib/measure.ts';
import { Report } from './lib/report.ts';

const DISTRICTS = [
  '臺東市',
  '成功鎮',
  '關山鎮',
  '卑南鄉',
  '大武鄉',
  '太麻里鄉',
  '東河鄉',
  '長濱鄉',
  '鹿野鄉',
  '池上鄉',
];
const KINDS = ['避難收容處所', '社區活動中心', '國民小學', '衛生所', '派出所'];

function row(i: number): string {
  const d = DISTRICTS[i % DISTRICTS.length] as string;
  const k = KINDS[i % KINDS.length] as string;
  const roc = `1${String(8 + (i % 5)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const x = (250000 + (i % 30000) + 0.25).toFixed(2);
  const y = (2500000 + (i % 50000) + 0.75).toFixed(2);
  return `${i},SV950-${String(i % 10000).padStart(4, '0')},${d}${k}${i % 97},"臺東縣${d}中山路${i % 500}號",${roc},${i % 400},${x},${y},089-${String(300000 + (i % 99999))}\n`;
}

const HEADER = '序號,收容所編號,收容所名稱,地址,設立日期,收容人數,X坐標,Y坐標,連絡電話\n';

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
  write(HEADER);
  while (written < target) {
    let chunk = '';
    for (let n = 0; n < 2000; n++) chunk += row(i++);
    if (!write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return i;
}

const have = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const mbps = (file: string, m: Measured) => statSync(file).size / 2 ** 20 / m.seconds;
const odpConvert = path.join(REPO, 'node_modules/.bin/odp-convert');

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'csv-mb': { type: 'string', default: '1024' },
      'cp950-mb': { type: 'string', default: '200' },
      'csvkit-mb': { type: 'string', default: '50' },
    },
  });
  const report = new Report('convert');
  const work = mkdtempSync(path.join(tmpdir(), 'odp-bench-convert-'));
  const line = (label: string, file: string, m: Measured, peer?: Measured) =>
    report.line(
      `${label.padEnd(34)} ${mbps(file, m).toFixed(1).padStart(7)} MB/s  peak RSS ${m.peakMiB.toFixed(0).padStart(5)} MiB` +
        (peer ? `  = ${(mbps(file, m) / mbps(file, peer)).toFixed(2)}× the peer` : ''),
    );
  try {
    const csv = path.join(work, 'big.csv');
    const rows = await generate(csv, Number(values['csv-mb']), 'utf8');
    report.line(`CSV: ${rows} rows, ${(statSync(csv).size / 2 ** 20).toFixed(0)} MiB`);
    const ours = await measure(odpConvert, [csv, '-o', path.join(work, 'out.json'), '-q']);
    let miller: Measured | undefined;
    if (have('mlr'))
      miller = await measure('mlr', ['--icsv', '--ojson', 'cat', csv], path.join(work, 'mlr.json'));
    line('odp-convert CSV → JSON (normalised)', csv, ours, miller);
    if (miller) line('mlr --icsv --ojson cat', csv, miller);
    else report.line('Miller: not installed (apt-get install -y miller)');
    rmSync(path.join(work, 'out.json'), { force: true });
    rmSync(path.join(work, 'mlr.json'), { force: true });

    if (have('csvjson')) {
      const slice = path.join(work, 'slice.csv');
      await generate(slice, Number(values['csvkit-mb']), 'utf8');
      const kit = await measure('csvjson', [slice], path.join(work, 'kit.json'));
      const oursSlice = await measure(odpConvert, [slice, '-o', path.join(work, 'slice.json'), '-q']);
      line(`csvjson (${values['csvkit-mb']} MiB slice)`, slice, kit);
      line(`odp-convert (same slice)`, slice, oursSlice, kit);
    } else report.line('csvkit: not installed (apt-get install -y csvkit)');

    const big5 = path.join(work, 'big5.csv');
    await generate(big5, Number(values['cp950-mb']), 'cp950');
    const iconvRun = await measure(
      'iconv',
      ['-f', 'CP950', '-t', 'UTF-8', big5],
      path.join(work, 'iconv.csv'),
    );
    const oursBig5 = await measure(odpConvert, [
      big5,
      '-o',
      path.join(work, 'utf8.csv'),
      '--no-normalize',
      '-q',
    ]);
    line('odp-convert CP950 CSV → UTF-8 CSV', big5, oursBig5, iconvRun);
    line('iconv -f CP950 -t UTF-8', big5, iconvRun);
    report.line('DuckDB COPY: not run (no DuckDB CLI in this machine’s package sources)');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  report.save();
}
