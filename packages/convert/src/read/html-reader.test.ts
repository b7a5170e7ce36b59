import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAll, scratch } from '../test/conversion-helpers.ts';
import { convertFile } from '../pipeline/convert-file.ts';
import { sniffInputKind } from '../pipeline/input-kind.ts';
import { readHtmlFile } from './html-reader.ts';

const PAGE = new URL('../../test-fixtures/html/population-page.html', import.meta.url).pathname;
const { write } = scratch('html');

const rows = (file: string) => readAll(readHtmlFile, file);

describe('readHtmlFile', () => {
  it('reads the table with the most rows, past the layout table; merges a two-row header', async () => {
    expect(await sniffInputKind(PAGE)).toBe('html');
    const { rows: read, summary } = await rows(PAGE);
    expect(summary.part).toBe('table 2 of 2');
    expect(read).toEqual([
      ['區別', '人口數 - 男', '人口數 - 女', '備註'],
      ['中正區', '74,112', '80,123', '含\n里辦公處'],
      ['大同區', '60,001', '62,002', ''],
      ['中山區', '100,314', '115,010', '同上'],
      ['松山區', '90,000', '99,999', '同上'],
    ]);
  });

  it('expands colspan and rowspan in the body and skips nested tables', async () => {
    const file = write(
      'spans.html',
      `<table><tr><td>a</td><td>b</td><td>c</td></tr>
       <tr><td colspan="2">wide</td><td rowspan="2">tall</td></tr>
       <tr><td>x</td><td><table><tr><td>inner</td></tr></table>y</td></tr></table>`,
    );
    expect(await sniffInputKind(file)).toBe('html');
    expect((await rows(file)).rows).toEqual([
      ['a', 'b', 'c'],
      ['wide', 'wide', 'tall'],
      ['x', 'innery', 'tall'],
    ]);
  });

  it('refuses a page without a table with NO_TABLE', async () => {
    await expect(rows(write('none.html', '<!doctype html><p>nothing</p>'))).rejects.toMatchObject({
      code: 'NO_TABLE',
    });
  });

  it('HTML table → CSV through the converter', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const report = await convertFile(PAGE, readHtmlFile, out, { to: 'csv' });
    out.end();
    const lines = Buffer.concat(chunks).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('區別,人口數 - 男,人口數 - 女,備註');
    expect(lines[1]).toMatch(/^中正區,"74,112","80,123",/);
    expect(lines[1]).toContain('含\n里辦公處');
    expect(report.rows.written).toBe(4);
    expect(report.warnings.join(' ')).toMatch(/2 tables found/);
  });
});
