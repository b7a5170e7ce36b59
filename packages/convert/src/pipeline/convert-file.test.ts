import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { convertToText } from '../test/conversion-helpers.ts';
import { runConvertCli } from '../cli.ts';
import { readDelimitedFile } from '../read/delimited-reader.ts';
import { convertFile, type ConvertOptions } from './convert-file.ts';

const REAL = new URL('../../../portal/demo/real/', import.meta.url).pathname;
const real = (name: string) => path.join(REAL, name);

const convert = (file: string, options: ConvertOptions) => convertToText(file, readDelimitedFile, options);

describe('converting the real files', () => {
  const csvFiles = readdirSync(REAL).filter((f) => f.endsWith('.csv'));

  it.each(csvFiles)('%s converts to UTF-8 CSV and JSON with nothing lost to decoding', async (name) => {
    const csv = await convert(real(name), { to: 'csv' });
    const json = await convert(real(name), { to: 'json' });
    expect(csv.text).not.toContain('\uFFFD');
    expect(csv.report.input.replacementCharacters).toBe(0);
    const rows = JSON.parse(json.text) as unknown[];
    expect(rows.length).toBe(json.report.rows.written);
    expect(rows.length).toBeGreaterThan(100);
  });

  it('real estate: one Chinese header, the English row kept as descriptions, ROC dates as ISO', async () => {
    const { report, text } = await convert(real('real-estate-taipei-a-roc-dates.csv'), { to: 'json' });
    expect(report.headerRows).toBe(2);
    const date = report.columns.find((c) => c.name === '交易年月日');
    expect(date?.type).toBe('roc-date');
    expect(date?.description).toMatch(/transaction/i);
    const rows = JSON.parse(text) as Record<string, unknown>[];
    expect(rows).toHaveLength(366);
    expect(rows[0]?.['交易年月日']).toBe('2019-11-11');
    expect(typeof rows[0]?.['總價元']).toBe('number');
    expect(report.normalizations.rocDates).toBeGreaterThan(600);
  });

  it('real estate without normalising keeps the ROC dates as published', async () => {
    const { text } = await convert(real('real-estate-taipei-a-roc-dates.csv'), {
      to: 'json',
      normalize: false,
    });
    expect((JSON.parse(text) as Record<string, unknown>[])[0]?.['交易年月日']).toBe('1081111');
  });

  it('Taitung shelters: TWD97 X/Y become WGS84 points inside Taitung county', async () => {
    const { report, text } = await convert(real('taitung-shelters-twd97.csv'), { to: 'geojson' });
    const features = (
      JSON.parse(text) as { features: { geometry: { coordinates: [number, number] } | null }[] }
    ).features;
    expect(features).toHaveLength(168);
    const points = features.flatMap((f) => (f.geometry ? [f.geometry.coordinates] : []));
    expect(points).toHaveLength(78);
    expect(report.normalizations.coordinates).toBe(78);
    for (const [lon, lat] of points) {
      expect(lon).toBeGreaterThan(120.7);
      expect(lon).toBeLessThan(121.6);
      expect(lat).toBeGreaterThan(22.0);
      expect(lat).toBeLessThan(23.5);
    }
  });

  it('CP950 decodes to UTF-8 CSV with an optional BOM; 台/臺 are left as published', async () => {
    const { report, text } = await convert(real('yilan-catalog-2018-cp950.csv'), { to: 'csv', bom: true });
    expect(report.input.encoding).toBe('CP950');
    expect(text.startsWith('\uFEFF資料集名稱,資料來源,聯絡人,聯絡電話,資料說明\r\n')).toBe(true);
    expect(text).toContain('宜蘭縣');
    const source = readFileSync(real('agency-oid-registry-2016.csv'), 'utf8');
    const registry = await convert(real('agency-oid-registry-2016.csv'), { to: 'csv' });
    expect(registry.text.split('台北市').length).toBe(source.split('台北市').length);
  });

  it('a list without a header row gets generated column names', async () => {
    const { report, text } = await convert(real('kaohsiung-catalog-2018.csv'), { to: 'json' });
    expect(report.headerRows).toBe(0);
    expect(Object.keys((JSON.parse(text) as Record<string, unknown>[])[0] ?? {})).toEqual([
      'column_1',
      'column_2',
      'column_3',
    ]);
  });
});

describe('odp-convert', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'odp-convert-'));
  const run = (...args: string[]) => runConvertCli(['node', 'odp-convert', ...args]);

  it('converts and writes the report', async () => {
    const output = path.join(dir, 'shelters.json');
    const report = path.join(dir, 'report.json');
    expect(await run(real('taitung-shelters-twd97.csv'), '-o', output, '--report', report, '-q')).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toHaveLength(168);
    expect(JSON.parse(readFileSync(report, 'utf8')).rows.written).toBe(168);
  });

  it.each([
    ['a missing file', 'no-such-file.csv', 'y.csv', 'INPUT_NOT_FOUND'],
    ['an output format it does not write', 'taitung-shelters-twd97.csv', 'z.sqlite', 'UNSUPPORTED_OUTPUT'],
    [
      'GeoJSON from a table without coordinates',
      'dgpa-calendar-113-utf8bom.csv',
      'w.geojson',
      'NO_COORDINATES',
    ],
  ])('refuses %s with exit 2 and a stable code, writing nothing', async (_what, input, output, code) => {
    const errors: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      errors.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      expect(await run(real(input), '-o', path.join(dir, output), '-q')).toBe(2);
    } finally {
      process.stderr.write = original;
    }
    expect(errors.join('')).toMatch(new RegExp(`^ERROR ${code}: `));
    expect(existsSync(path.join(dir, output))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('odp-convert documentation', () => {
  const docs = readFileSync(new URL('../../../../docs/convert.md', import.meta.url), 'utf8');

  it('documents every error code the converter has', async () => {
    const source = readFileSync(new URL('../errors/convert-error.ts', import.meta.url), 'utf8');
    const codes = [...source.matchAll(/\| '([A-Z_]+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(docs).toContain(`| \`${code}\` |`);
  });

  it('has examples in --help', async () => {
    const { buildConvertProgram } = await import('../cli.ts');
    const help = buildConvertProgram().helpInformation() + '\n';
    let after = '';
    const program = buildConvertProgram();
    program.configureOutput({ writeOut: (s) => (after += s), writeErr: (s) => (after += s) });
    program.outputHelp();
    expect(help).toContain('--report');
    expect(after).toMatch(/Examples:\n\s+odp-convert /);
  });
});

describe('inputs whose header is known', () => {
  it('keeps every JSON record, even when the first looks like an English description row', async () => {
    const { writeFileSync } = await import('node:fs');
    const { readJsonFile } = await import('../read/json-reader.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'odp-json-'));
    const file = path.join(dir, 'stations.json');
    writeFileSync(
      file,
      JSON.stringify([
        { 站名: 'Taipei Main Station', 類型: 'station', 旅客數: 'many' },
        { 站名: '板橋', 類型: '車站', 旅客數: 120 },
      ]),
    );
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const report = await convertFile(file, readJsonFile, out, { to: 'json' });
    out.end();
    expect(report.headerRows).toBe(1);
    const rows = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>[];
    expect(rows.map((r) => r['站名'])).toEqual(['Taipei Main Station', '板橋']);
  });
});
