import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffInputKind } from '../pipeline/input-kind.ts';
import { htmlTables, tableRows } from './docx-reader.ts';
import { convertAny } from '../test/conversion-helpers.ts';
import { writeTestZip } from './zip-test-archive.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'odp-docx-'));
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const cell = (text: string, span = 1) =>
  `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const table = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((t) => (t.startsWith('2:') ? cell(t.slice(2), 2) : cell(t))).join('')}</w:tr>`).join('')}</w:tbl>`;

/** A minimal DOCX: content types, package relationships and the document part. */
function makeDocx(file: string, body: string): void {
  writeTestZip(file, [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
      ),
    },
  ]);
}

describe('DOCX', () => {
  it('expands colspan and skips nested tables', () => {
    const [outer] = htmlTables(
      '<table><tr><td colspan="2"><p>a</p><p>b</p></td><td><table><tr><td>x</td></tr></table>c</td></tr></table>',
    );
    expect(tableRows(outer!)).toEqual([['a\nb', '', 'xc']]);
  });

  it('converts the table with the most rows to CSV', async () => {
    const file = path.join(dir, 'shelters.docx');
    makeDocx(
      file,
      '<w:p><w:r><w:t>臺東縣避難收容處所</w:t></w:r></w:p>' +
        table([['說明'], ['無']]) +
        table([
          ['名稱', '地址', '容納人數'],
          ['豐里國小', '臺東市豐里街1號', '120'],
          ['2:卑南國中（整修中）', '80'],
          ['知本活動中心', '臺東市知本路3段', '60'],
        ]),
    );
    expect(await sniffInputKind(file)).toBe('docx');
    const { report, text } = await convertAny(file, { to: 'csv' });
    expect(text).toBe(
      '名稱,地址,容納人數\r\n豐里國小,臺東市豐里街1號,120\r\n卑南國中（整修中）,,80\r\n知本活動中心,臺東市知本路3段,60\r\n',
    );
    expect(report.input.part).toBe('table 2');
    expect(report.warnings.join()).toContain('2 tables');
  });

  it('refuses a document without a table', async () => {
    const file = path.join(dir, 'letter.docx');
    makeDocx(file, '<w:p><w:r><w:t>函</w:t></w:r></w:p>');
    await expect(convertAny(file, { to: 'csv' })).rejects.toMatchObject({ code: 'NO_TABLE' });
  });
});
