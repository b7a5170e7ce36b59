/**
 * Prints the analyser's throughput on real catalogue text; asserts nothing.
 *
 *   npm run bench -- analyser
 *
 * Corpus: the 35,634 real data.gov.tw titles of 2018 plus the real 2019 data-demand texts
 * (as descriptions), repeated to the size of 55k titles + descriptions; and the same text
 * converted to simplified Chinese, the worst case for the converter.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import {
  indexTokens,
  normaliseText,
  simplifiedToTraditional,
} from '../packages/portal/src/search/analysis/index.ts';
import { REPO } from './lib/processes.ts';
import { Report } from './lib/report.ts';

const dataDir = path.join(REPO, 'packages/portal/demo/real');

function corpus(): string[] {
  const titles = readFileSync(path.join(dataDir, 'datagovtw-titles-2018.txt'), 'utf8').split('\n');
  const demands = readFileSync(path.join(dataDir, 'data-demands-2019.csv'), 'utf8')
    .split(/\n(?=\d+,)/)
    .slice(1);
  const docs: string[] = [];
  for (let i = 0; docs.length < 55_000; i++) {
    docs.push(`${titles[i % titles.length]}\n${demands[i % demands.length]}`);
  }
  return docs;
}

function measure(report: Report, label: string, docs: string[], fn: (text: string) => unknown): void {
  const chars = docs.reduce((n, d) => n + d.length, 0);
  const start = performance.now();
  for (const doc of docs) fn(doc);
  const seconds = (performance.now() - start) / 1000;
  const rate = Math.round(chars / seconds).toLocaleString('en');
  report.line(
    `${label.padEnd(44)} ${chars.toLocaleString('en')} chars  ${seconds.toFixed(2)} s  ${rate} chars/s`,
  );
}

export async function run(): Promise<void> {
  const report = new Report('analyser');

  const startup = performance.now();
  simplifiedToTraditional('台湾');
  report.line(`converter + Big5 table first use: ${Math.round(performance.now() - startup)} ms`);

  const docs = corpus();
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const simplified = docs.map((d) => toSimplified(d));

  const titles = docs.map((d) => d.slice(0, d.indexOf('\n')));
  measure(report, 'indexTokens, titles only (real)', titles, indexTokens);
  measure(report, 'normaliseText, traditional (real)', docs, normaliseText);
  measure(report, 'indexTokens, traditional (real)', docs, indexTokens);
  measure(report, 'normaliseText, all simplified', simplified, normaliseText);
  measure(report, 'indexTokens, all simplified', simplified, indexTokens);
  report.save();
}
