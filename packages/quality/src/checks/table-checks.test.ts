import { describe, expect, it } from 'vitest';
import { fileContext, REAL_FILES, scratchFile, tableOf } from '../test/check-fixtures.ts';
import { contentLint } from './content-lint.ts';
import { csvConvertible } from './csv-convertible.ts';
import { encodingMatch } from './encoding-match.ts';
import { fieldsMatch } from './fields-match.ts';
import { standardConformance } from './standard-conformance.ts';

const real = (name: string) => `${REAL_FILES}${name}`;

describe('csv_convertible', () => {
  it('passes a single-level CSV and fails the two-row header of the real-estate file', async () => {
    const shelters = await csvConvertible.run(
      fileContext({ table: await tableOf(real('taitung-shelters-twd97.csv')) }),
    );
    expect(shelters).toMatchObject({ status: 'pass', evidence: { headerRows: 1, columns: 13, rows: 168 } });
    const estate = await csvConvertible.run(
      fileContext({ table: await tableOf(real('real-estate-taipei-a-roc-dates.csv')) }),
    );
    expect(estate).toMatchObject({ status: 'fail', evidence: { headerRows: 2 } });
  });

  it('fails ragged rows with their line numbers', async () => {
    const file = scratchFile('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n');
    const result = await csvConvertible.run(fileContext({ table: await tableOf(file) }));
    expect(result.status).toBe('fail');
    expect(result.evidence['raggedExamples']).toEqual([
      { line: 3, expected: 3, found: 2 },
      { line: 4, expected: 3, found: 4 },
    ]);
  });

  it('fails what does not convert, with the converter’s code', async () => {
    const result = await csvConvertible.run(
      fileContext({ tableFailure: { code: 'NEEDS_OCR', message: 'scanned' } }),
    );
    expect(result).toMatchObject({ status: 'fail', evidence: { error: 'NEEDS_OCR' } });
  });
});

describe('encoding_match', () => {
  it('fails a CP950 file declared UTF-8 and passes it declared Big5, offering UTF-8', async () => {
    const table = await tableOf(real('dgpa-calendar-114-cp950.csv'));
    const wrong = await encodingMatch.run(fileContext({ table }, { encoding: 'UTF-8' }));
    expect(wrong).toMatchObject({ status: 'fail', evidence: { declared: 'UTF-8', detected: 'CP950' } });
    const right = await encodingMatch.run(fileContext({ table }, { encoding: 'Big5' }));
    expect(right.status).toBe('pass');
    expect(right.fix?.en).toMatch(/UTF-8/);
  });

  it('lets pure ASCII be declared Big5', async () => {
    const table = await tableOf(scratchFile('ascii.csv', 'a,b\n1,2\n'));
    const sniffed = { format: 'CSV', structured: true, tabular: true, encoding: 'UTF-8', asciiOnly: true };
    expect((await encodingMatch.run(fileContext({ table, sniffed }, { encoding: 'BIG5' }))).status).toBe(
      'pass',
    );
  });

  it('does not apply to binary formats', async () => {
    const sniffed = { format: 'XLSX', structured: true, tabular: true };
    expect((await encodingMatch.run(fileContext({ sniffed }))).status).toBe('not_applicable');
  });
});

describe('fields_match', () => {
  it('matches declared names in any order with 臺/台 and full-width folded, and either name of Name(名稱)', async () => {
    const table = await tableOf(scratchFile('f.csv', '臺東縣鄉鎮,人口數（人）,year\nx,1,2020\n'));
    const fields = [{ name: 'year', title: '年度' }, { name: '人口數(人)' }, { name: '台東縣鄉鎮' }];
    expect((await fieldsMatch.run(fileContext({ table }, { fields }))).status).toBe('pass');
    const byTitle = [{ name: 'Year', title: 'year' }, { name: '人口數(人)' }, { name: '台東縣鄉鎮' }];
    expect((await fieldsMatch.run(fileContext({ table }, { fields: byTitle }))).status).toBe('pass');
  });

  it('lists missing and undeclared columns', async () => {
    const table = await tableOf(scratchFile('f.csv', 'a,b,c\n1,2,3\n'));
    const result = await fieldsMatch.run(fileContext({ table }, { fields: [{ name: 'a' }, { name: 'd' }] }));
    expect(result).toMatchObject({
      status: 'fail',
      evidence: { missingFromFile: ['d'], undeclaredInFile: ['b', 'c'] },
    });
  });

  it('fails when no fields are declared', async () => {
    const table = await tableOf(scratchFile('f.csv', 'a\n1\n'));
    expect((await fieldsMatch.run(fileContext({ table }, { fields: [] }))).status).toBe('fail');
  });
});

describe('standard_conformance', () => {
  it('validates claimed columns row by row and keeps the first errors', async () => {
    const csv = '名稱,緯度,經度,統一編號\nA,22.75,121.14,22099131\nB,121.14,22.75,22099132\nC,,,\n';
    const result = await standardConformance.run(
      fileContext({ table: await tableOf(scratchFile('s.csv', csv)) }),
    );
    expect(result.status).toBe('fail');
    expect(result.evidence['errors']).toEqual([
      {
        row: 2,
        column: '緯度',
        value: '121.14',
        standard: 'wgs84-latitude',
        problem: 'a longitude (lat/lon swapped?)',
      },
      {
        row: 2,
        column: '經度',
        value: '22.75',
        standard: 'wgs84-longitude',
        problem: 'a latitude (lat/lon swapped?)',
      },
      {
        row: 2,
        column: '統一編號',
        value: '22099132',
        standard: 'business-number',
        problem: 'checksum does not hold',
      },
    ]);
  });

  it('uses the standard a declared field names, and passes when every value conforms', async () => {
    const table = await tableOf(scratchFile('s.csv', 'site,when\nA,2024-01-31\nB,2024-02-29\n'));
    const fields = [{ name: 'site' }, { name: 'when', standard: 'iso-date' }];
    const result = await standardConformance.run(fileContext({ table }, { fields }));
    expect(result).toMatchObject({
      status: 'pass',
      evidence: {
        columns: [{ column: 'when', standard: 'iso-date', claimedBy: 'declared', checked: 2, failed: 0 }],
      },
    });
  });

  it('warns when no column follows a standard, so such a file cannot be platinum', async () => {
    const table = await tableOf(scratchFile('s.csv', 'a,b\n1,2\n'));
    expect((await standardConformance.run(fileContext({ table }))).status).toBe('warn');
  });
});

describe('content_lint', () => {
  it('finds the ROC dates of the real-estate file', async () => {
    const result = await contentLint.run(
      fileContext({ table: await tableOf(real('real-estate-taipei-a-roc-dates.csv')) }),
    );
    expect(result.status).toBe('warn');
    const rules = (result.evidence['findings'] as { rule: string }[]).map((f) => f.rule);
    expect(rules).toContain('roc_date');
  });

  it('counts null tokens, whitespace, duplicate keys, swapped coordinates and formulas', async () => {
    const csv = [
      '編號,名稱,緯度,經度,金額',
      '1,A,22.7,121.1,=SUM(A1:A2)',
      '1, B ,121.1,22.7,無',
      '2,test,22.7,121.1,5',
      '',
    ].join('\n');
    const result = await contentLint.run(fileContext({ table: await tableOf(scratchFile('l.csv', csv)) }));
    const counts = Object.fromEntries(
      (result.evidence['findings'] as { rule: string; count: number }[]).map((f) => [f.rule, f.count]),
    );
    expect(counts).toMatchObject({
      duplicate_key: 1,
      stray_whitespace: 1,
      null_token: 1,
      coordinates_swapped: 1,
      formula: 1,
      test_row: 1,
    });
  });

  it('passes a clean file', async () => {
    const table = await tableOf(scratchFile('c.csv', 'a,b\n1,x\n2,y\n'));
    expect((await contentLint.run(fileContext({ table }))).status).toBe('pass');
  });
});
