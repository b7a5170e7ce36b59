/**
 * B6: whole-catalogue import. A synthetic catalogue of N datasets (default 55,000) is
 * built with `odp demo`, exported as the 22-column CSV, then imported into a fresh
 * database with `odp import` (whole process: start, parse, validate, write with
 * versions and indexes) — against the sqlite3 shell's `.import` of the same file into
 * one bare table, in the same run. Medians of several runs.
 *
 *   npm run bench -- import [--datasets 55000] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { odp } from './lib/processes.ts';
import { median, Report } from './lib/report.ts';

function sqliteImport(file: string): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'odp-bench-sqlite3-'));
  try {
    const t0 = performance.now();
    const r = spawnSync('sqlite3', [path.join(dir, 'raw.db'), '.import --csv ' + file + ' catalogue'], {
      stdio: 'pipe',
    });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`sqlite3 .import failed: ${r.stderr.toString()}`);
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { datasets: { type: 'string', default: '55000' }, runs: { type: 'string', default: '3' } },
  });
  const n = Number(values.datasets);
  const runs = Number(values.runs);
  if (spawnSync('sqlite3', ['-version']).status !== 0) {
    console.error('The peer needs the sqlite3 shell: apt-get install -y sqlite3');
    process.exit(1);
  }
  const report = new Report('import');
  const work = mkdtempSync(path.join(tmpdir(), 'odp-bench-import-'));
  try {
    const source = path.join(work, 'source');
    const file = path.join(work, 'catalogue.csv');
    report.line(`building a ${n}-dataset catalogue with odp demo …`);
    const seedMs = odp(['demo', '--datasets', String(n)], { ODP_DATA_DIR: source });
    odp(['export', '--format', 'csv', '-o', file], { ODP_DATA_DIR: source });
    const size = statSync(file).size;
    report.line(
      `catalogue: ${n} datasets, ${(size / 2 ** 20).toFixed(1)} MiB CSV (odp demo took ${(seedMs / 1000).toFixed(1)} s)`,
    );

    const ours: number[] = [];
    const peer: number[] = [];
    for (let i = 0; i < runs; i++) {
      const target = path.join(work, `import-${i}`);
      ours.push(odp(['import', file], { ODP_DATA_DIR: target }));
      rmSync(target, { recursive: true, force: true });
      peer.push(sqliteImport(file));
    }
    const o = median(ours);
    const p = median(peer);
    report.line(
      `odp import        median ${(o / 1000).toFixed(2)} s  (${Math.round(n / (o / 1000))} datasets/s; runs ${ours.map((x) => (x / 1000).toFixed(2)).join(', ')})`,
    );
    report.line(
      `sqlite3 .import   median ${(p / 1000).toFixed(2)} s  (runs ${peer.map((x) => (x / 1000).toFixed(2)).join(', ')})`,
    );
    report.line(`ratio odp / sqlite3 .import = ${(o / p).toFixed(1)}×  (target ≤ 5×)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  report.save();
}
