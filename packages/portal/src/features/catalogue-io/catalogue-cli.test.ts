import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE_COLUMNS } from './catalogue-columns.ts';
import { BOM, stringifyCatalogueRows } from './catalogue-csv-write.ts';

/**
 * `odp import` and `odp export` as a user runs them: a separate process on its own
 * SQLite file (the commands' logic is tested on both databases in the other files).
 */
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const work = mkdtempSync(path.join(tmpdir(), 'odp-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function odp(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/portal/src/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: `sqlite:${path.join(work, 'odp.db')}`, ODP_DATA_DIR: work },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const row = (id: string, category: string): string[] => [
  id,
  '宜蘭縣殯葬設施一覽表',
  '檔案資料',
  category,
  '銅',
  'CSV',
  'https://opendata.e-land.gov.tw/a.csv',
  'UTF-8',
  '匯入/收割',
  '目前宜蘭縣提供宜蘭縣殯葬設施一覽表',
  '名稱、地址、電話',
  '宜蘭縣政府',
  '每1月',
  '政府資料開放授權條款-第1版',
  '',
  '免費',
  '林小姐',
  '(03)925-1000',
  '2018-01-02 09:00:00',
  '2018-01-02 09:00:00',
  '',
  '12',
];

function writeCsv(name: string, rows: string[][]): string {
  const file = path.join(work, name);
  writeFileSync(file, BOM + stringifyCatalogueRows([[...CATALOGUE_COLUMNS], ...rows]));
  return file;
}

describe('odp import / odp export', { timeout: 60_000 }, () => {
  it('imports a file, printing a one-line summary, and exports it back', () => {
    const file = writeCsv('good.csv', [row('7', '生命禮儀'), row('8', '公共資訊')]);
    const imported = odp('import', file);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(
      /^Imported 2 datasets from .*good\.csv \(csv, UTF-8 with BOM\): 2 created, 0 updated, 0 unchanged in \d+\.\d s\n$/,
    );

    const out = path.join(work, 'export.csv');
    expect(odp('export', '--format', 'csv', '-o', out).status).toBe(0);
    expect(readFileSync(out).equals(readFileSync(file))).toBe(true);
    const json = odp('export', '--format', 'json');
    expect((JSON.parse(json.stdout) as { datasetId: number }[]).map((d) => d.datasetId)).toEqual([7, 8]);
  });

  it('fails with IMPORT_INVALID naming line and column, exit code 2, and writes nothing', () => {
    const file = writeCsv('bad.csv', [row('9', '生命禮儀'), row('10', '生活')]);
    const r = odp('import', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('odp: IMPORT_INVALID: line 3, column 服務分類: unknown category 生活');
    const json = odp('export', '--format', 'json');
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(2);
  });

  it('refuses an unknown format and a missing file', () => {
    expect(odp('export', '--format', 'yaml').status).not.toBe(0);
    const missing = odp('import', path.join(work, 'nope.csv'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});
