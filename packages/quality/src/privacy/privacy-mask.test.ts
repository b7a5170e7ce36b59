import { describe, expect, it } from 'vitest';
import { tableOf } from '../test/check-fixtures.ts';
import { maskEmail, maskIdentity, maskMobile, maskName } from './mask-values.ts';
import { findPersonalPatterns } from './personal-patterns.ts';
import { maskPersonalData } from './privacy-mask.ts';
import { scanTable, type PlainTable } from './privacy-scan.ts';

const FIXTURE = new URL('./fixtures/privacy-fixture.csv', import.meta.url).pathname;

async function fixtureTable(): Promise<PlainTable> {
  const evidence = await tableOf(FIXTURE);
  const rows: Record<string, unknown>[] = [];
  for await (const row of evidence.rows()) rows.push(row);
  return { columns: evidence.report.columns.map((c) => c.name), rows };
}

describe('masking values', () => {
  it('masks names, identity numbers, mobiles and e-mails the usual way', () => {
    expect(['王小明', '王明', '歐陽小明', '王大小明', '張簡怡君'].map(maskName)).toEqual([
      '王O明',
      '王O',
      '歐陽O明',
      '王OO明',
      '張簡O君',
    ]);
    expect(maskIdentity('A123456789')).toBe('A12****789');
    expect(maskIdentity('AA00000009')).toBe('AA0****009');
    expect(['0912-345-678', '0912345678', '+886 912 345 678', '(+886)912345678'].map(maskMobile)).toEqual([
      '0912-***-678',
      '0912***678',
      '+886 912 *** 678',
      '(+886)912***678',
    ]);
    expect(maskEmail('alice@example.com')).toBe('a***@example.com');
  });
});

describe('maskPersonalData', () => {
  it('masks every finding of the fixture: the copy holds none of the originals and scans clean', async () => {
    const table = await fixtureTable();
    const before = scanTable(table, { keepCells: true });
    const masked = maskPersonalData(table, before);
    expect(scanTable(masked).findings).toEqual([]);
    expect(before.cells!.length).toBe(28);
    for (const cell of before.cells!) {
      const original = String(table.rows[cell.row - 1]![cell.column]);
      const secrets =
        cell.kind === 'personal_name' ? [original] : findPersonalPatterns(original).map((m) => m.text);
      expect(secrets.length).toBeGreaterThan(0);
      const after = String(masked.rows[cell.row - 1]![cell.column]);
      for (const secret of secrets) expect(after, `row ${cell.row} ${cell.column}`).not.toContain(secret);
    }
    // Nowhere else either (the one look-alike that contains a mobile's digits is left out).
    const text = JSON.stringify(masked.rows).replace('0912345678901', '');
    for (const cell of before.cells!) {
      const original = String(table.rows[cell.row - 1]![cell.column]);
      for (const m of cell.kind === 'personal_name'
        ? [original]
        : findPersonalPatterns(original).map((x) => x.text))
        expect(text).not.toContain(m);
    }
  });

  it('keeps everything else as it was, in the same columns', async () => {
    const table = await fixtureTable();
    const masked = maskPersonalData(table);
    expect(masked.columns).toEqual(table.columns);
    expect(masked.rows[0]).toMatchObject({
      姓名: '王O明',
      身分證字號: 'A12****789',
      手機: '0912-***-678',
      電子郵件: 'w***@gmail.com',
      市話: '02-2331-1312',
      統一編號: '04595252',
      地址: '臺北市中正區重慶南路一段122號',
    });
    expect(masked.rows[3]!['備註']).toBe('回覆請寄 l***@gmail.com');
    expect(masked.rows[1]!['身分證字號']).toBe('A123456788');
    expect(masked.rows[6]!['姓名']).toBe('不詳');
    expect(masked.rows[11]!['備註']).toBe(table.rows[11]!['備註']);
    // The input is untouched.
    expect(table.rows[0]!['姓名']).toBe('王小明');
  });
});
