import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REAL_FILES, tableOf } from '../test/check-fixtures.ts';
import type { TableEvidence } from '../checks/check-context.ts';
import { scanRows, scanTable, type PersonalDataCell, type PrivacyReport } from './privacy-scan.ts';

const FIXTURE = new URL('./fixtures/privacy-fixture.csv', import.meta.url).pathname;
const EXPECTED = JSON.parse(
  readFileSync(new URL('./fixtures/privacy-fixture.expected.json', import.meta.url), 'utf8'),
) as { cells: PersonalDataCell[] };

const cellKey = (c: PersonalDataCell) => `${c.row}|${c.column}|${c.kind}|${c.severity}`;

async function scanEvidence(table: TableEvidence, keepCells = false): Promise<PrivacyReport> {
  return scanRows(
    table.report.columns.map((c) => c.name),
    table.rows(),
    { keepCells },
  );
}

describe('the acceptance fixture', () => {
  it('is flagged exactly, cell by cell: precision and recall 1.0', async () => {
    const report = await scanEvidence(await tableOf(FIXTURE), true);
    const flagged = new Set(report.cells!.map(cellKey));
    const truth = new Set(EXPECTED.cells.map(cellKey));
    const truePositives = [...flagged].filter((k) => truth.has(k)).length;
    expect({ precision: truePositives / flagged.size, recall: truePositives / truth.size }).toEqual({
      precision: 1,
      recall: 1,
    });
    expect([...flagged].sort()).toEqual([...truth].sort());
    expect(report).toMatchObject({ rows: 13, blockingCells: 26, reviewCells: 2 });
  });

  it('reports masked examples and row numbers only, never a raw value', async () => {
    const report = await scanEvidence(await tableOf(FIXTURE));
    const text = JSON.stringify(report);
    for (const raw of [
      'A123456789',
      '0912-345-678',
      'wang.xm@gmail.com',
      '王小明',
      'AA00000009',
      'B120000008',
    ])
      expect(text).not.toContain(raw);
    expect(report.findings.find((f) => f.column === '身分證字號')).toEqual({
      column: '身分證字號',
      kind: 'national_id',
      severity: 'block',
      placement: 'value',
      count: 4,
      rows: [1, 3, 7, 9],
      examples: ['A12****789', 'F13****093', 'a12****789'],
    });
    expect(report.findings.find((f) => f.kind === 'personal_name')?.examples).toEqual([
      '王O明',
      '陳O玲',
      '歐陽O明',
    ]);
  });
});

const table = (columns: string[], ...rows: string[][]) => ({
  columns,
  rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))),
});
const kinds = (report: PrivacyReport) => report.findings.map((f) => `${f.column}:${f.kind}:${f.severity}`);

describe('what is not personal data', () => {
  it('leaves landlines, toll-free numbers, 統一編號, resource IDs, dates, coordinates and document numbers alone', () => {
    const report = scanTable(
      table(
        ['電話', '統一編號', '資源編號', '日期', '經度', '備註'],
        ['02-2331-1312', '04595252', 'A41000000G-000001-001', '20240912', '121.5654', '府授字第0970090643號'],
        ['(089)325301', '09123456', 'A41000000G-000001', '1130912', '2517127.71', '0800-080-123'],
        [
          '+886-2-2331-1312',
          '12345675',
          '376570000A-000001-001',
          '2024-09-12',
          '25.0330',
          '帳號 0912345678901',
        ],
      ),
    );
    expect(report.findings).toEqual([]);
  });

  it('does not count agency addresses (*.gov.tw) or agency contact columns', () => {
    const report = scanTable(
      table(
        ['電子郵件', 'publisherContactEmail', '機關聯絡電話'],
        ['service@mail.taipei.gov.tw', 'leanna@gis.tw,a64e520@wra.gov.tw', '0912-345-678'],
      ),
    );
    expect(report.findings).toEqual([]);
  });

  it('counts names only beside addresses, in a column of names, outside lists of places', () => {
    const people = ['姓名', '地址'];
    const rows = [
      ['王小明', '臺北市中正區重慶南路一段122號'],
      ['陳美玲', '新北市板橋區中山路一段161號'],
    ];
    expect(kinds(scanTable(table(people, ...rows)))).toEqual(['姓名:personal_name:block']);
    // No address column, or addresses that are not addresses.
    expect(scanTable(table(['姓名', '單位'], ...rows)).findings).toEqual([]);
    expect(scanTable(table(people, ['王小明', '見備註'], ['陳美玲', '無'])).findings).toEqual([]);
    // A column that is mostly not names (places, agencies) is not a column of names.
    expect(
      scanTable(table(people, ['林口', '新北市林口區文化一路'], ['臺北市政府', '市府路1號'], ['不詳', '無']))
        .findings,
    ).toEqual([]);
    // A list of shelters: the address is the shelter's, the person its contact.
    expect(scanTable(table(['收容所名稱', ...people], ['文康中心', ...rows[0]!])).findings).toEqual([]);
  });
});

describe('severity', () => {
  it('blocks identity numbers anywhere, and mobiles or e-mails that are the values of a table about people', () => {
    const report = scanTable(
      table(['手機', '電子郵件', '備註'], ['0912-345-678', 'a.b@example.com', '身分證 A123456789 已核對']),
    );
    expect(kinds(report)).toEqual(['手機:mobile:block', '電子郵件:email:block', '備註:national_id:block']);
  });

  it('asks for review of mobiles and personal mailboxes inside text, and of contacts in lists of places', () => {
    const text = scanTable(
      table(
        ['備註'],
        ['請聯絡 0933-111-222 陳先生'],
        ['回覆請寄 lin@gmail.com'],
        ['客服 service@example.com.tw'],
      ),
    );
    expect(kinds(text)).toEqual(['備註:mobile:review', '備註:email:review']);
    const places = scanTable(table(['收容所名稱', '連絡電話'], ['文康中心', '0937600483']));
    expect(kinds(places)).toEqual(['連絡電話:mobile:review']);
  });

  it('counts a cell once per kind, however many numbers it lists', () => {
    const report = scanTable(table(['手機'], ['0912-345-678、0922-333-444']));
    expect(report.findings[0]).toMatchObject({ count: 1, examples: ['0912-***-678', '0922-***-444'] });
  });
});

/**
 * The real government files (packages/portal/demo/real), read with @odp/convert as the
 * checks read them. None has a blocking finding. Two hold real personal contact data in
 * the open, reported for review and checked here one by one: mobile numbers of shelter
 * contacts (里長曾阿粉 0937600483, …) and, in the demand threads, a citizen's yahoo
 * address, two gmail addresses and a community association officer's mobile.
 */
const REAL_EXPECTED: Record<string, string[]> = {
  'taitung-shelters-twd97.csv': ['連絡電話:mobile:review:2,3,14,29,73'],
  'data-demands-2019.csv': [
    '建議原因:email:review:877,879',
    '回應:mobile:review:311',
    'column_17:email:review:995',
    'column_21:email:review:499',
  ],
};

describe('the real files', () => {
  const files = readdirSync(REAL_FILES).filter((f) => !f.endsWith('.md'));

  it('are all here', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  it.each(files)('%s: no false alarm', async (file) => {
    const report = await scanEvidence(await tableOf(`${REAL_FILES}${file}`));
    expect(report.blockingCells).toBe(0);
    expect(report.findings.map((f) => `${f.column}:${f.kind}:${f.severity}:${f.rows.join(',')}`)).toEqual(
      REAL_EXPECTED[file] ?? [],
    );
  });
});
