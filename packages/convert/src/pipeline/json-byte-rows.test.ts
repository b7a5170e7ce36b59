import { describe, expect, it } from 'vitest';
import { readRange } from '../delimited/parse-range.ts';
import { ColumnTypeInferrer } from '../infer/column-type.ts';
import { emptyNormalizeCounts } from '../normalize/normalize-counts.ts';
import { scratch } from '../test/conversion-helpers.ts';
import { csvRanges } from '../test/csv-ranges.ts';
import { planColumns } from './column-plan.ts';
import { convertJsonBytes, jsonByteRows } from './json-byte-rows.ts';
import { RowConversion } from './record-passes.ts';
import { convertRange, inferRange, type RangeOutput } from './range-work.ts';
import { textFormatFor } from './text-output.ts';

const { write } = scratch('json-bytes');

/** Ranges small enough that the fixtures are cut several times. */
const RANGE_BYTES = 256;

interface Converted {
  text: string;
  /** Per range: whether the byte path took it (false: given back to the general parser). */
  taken: boolean[];
}

/**
 * Converts a CSV with a one-row header range by range, once through the general parser
 * and once with the JSON byte rows, and checks that both give the same bytes and counts.
 */
async function convertBothWays(name: string, content: string | Buffer, normalize = true): Promise<Converted> {
  const text = content.toString();
  const path = write(name, content);
  const names = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .split(',');
  const { file, ranges } = await csvRanges(path, names.length, RANGE_BYTES);
  const inferrers = names.map(() => new ColumnTypeInferrer());
  for (const range of ranges) await inferRange(file, range, inferrers);
  const columns = names.map((column, i) => ({
    name: column,
    inferred: inferrers[i]!.result(),
    facts: inferrers[i]!.textFacts(),
  }));
  const plan = planColumns(columns, { normalize });
  const format = textFormatFor('json', plan, {});
  const general: RangeOutput = { plan, format, normalize, asText: false };
  const bytes = jsonByteRows(plan, { to: 'json', normalize, encoding: 'UTF-8', delimiter: ',' });
  expect(bytes).toBeDefined();
  const slot = new SharedArrayBuffer(1 << 20);
  const pieces: string[] = [];
  const taken: boolean[] = [];
  for (const range of ranges) {
    const expected = await convertRange(file, range, 1, general, slot);
    const expectedText = Buffer.from(slot, 0, expected.length).toString('utf8');
    const actual = await convertRange(file, range, 1, { ...general, bytes }, slot);
    expect(Buffer.from(slot, 0, actual.length).toString('utf8')).toBe(expectedText);
    expect({ ...actual, length: 0 }).toEqual({ ...expected, length: 0 });
    pieces.push(expectedText);
    const conversion = new RowConversion(plan, normalize, false);
    const direct = convertJsonBytes(bytes!, await readRange(path, range), ',', {
      plan,
      format,
      conversion,
      counts: emptyNormalizeCounts(),
      skip: range.index === 0 ? 1 : 0,
    });
    taken.push(direct !== undefined);
  }
  return { text: pieces.join(''), taken };
}

/** Rows of plain columns: quotes, line breaks and delimiters in quotes, numbers, codes, Unicode. */
function plainTable(rows: number, newline: string): string {
  const lines = ['id,code,name,note,amount,ratio,flag,when'];
  for (let i = 0; i < rows; i++) {
    const note =
      i % 5 === 0
        ? `"他說 ""好"", 然後${newline}離開"`
        : i % 7 === 0
          ? 'back\\slash\ttab'
          : i % 3 === 0
            ? ''
            : `"q${i}"`;
    const amount = i % 4 === 0 ? `-${i}` : String(i * 3);
    const ratio = i % 6 === 0 ? '' : `${i}.${(i % 9) + 1}`;
    const flag = i % 2 === 0 ? 'true' : 'false';
    lines.push(
      `${i},${String(i).padStart(5, '0')},名稱 ${i} 😀,${note},${amount},${ratio},${flag},2024-01-0${(i % 9) + 1}T10:00:00`,
    );
  }
  return lines.join(newline) + newline;
}

describe('JSON rows from bytes', () => {
  it('gives the general output for plain columns with CRLF, and takes every range', async () => {
    const { text, taken } = await convertBothWays('plain-crlf.csv', plainTable(120, '\r\n'));
    expect(text).toContain('"note":"他說 \\"好\\", 然後\\r\\n離開"');
    expect(text).toContain('"code":"00007"');
    expect(text).toContain('"amount":-8');
    expect(text).toContain('"note":"back\\\\slash\\ttab"');
    expect(taken.length).toBeGreaterThan(3);
    expect(taken.every(Boolean)).toBe(true);
  });

  it('gives the general output with LF, a BOM and blank lines', async () => {
    const content = `\uFEFF${plainTable(60, '\n').replace(/\n(3\d,)/g, '\n\n\r\n$1')}`;
    const { taken } = await convertBothWays('plain-bom.csv', content);
    expect(taken.every(Boolean)).toBe(true);
  });

  it('writes numbers whose text JSON would change through the general conversion', async () => {
    const odd = ['1e5', '1,234', '007', '+5'];
    const decimals = [
      '1.50',
      '-0',
      '0.0000001',
      '12345678901234567',
      '0.000001',
      '-0.5',
      '10.0',
      '123456789012.345',
    ];
    const lines = ['n,m,d'];
    for (let i = 0; i < 40; i++) {
      lines.push(`${odd[i % odd.length]!},${i % 3 === 0 ? '2.5' : '-3'},${decimals[i % decimals.length]!}`);
    }
    const { text, taken } = await convertBothWays('numbers.csv', `${lines.join('\n')}\n`);
    expect(text).toContain('"m":2.5');
    expect(text).toContain('"d":1.5}');
    expect(text).toContain('"d":1e-7}');
    expect(text).toContain('"d":12345678901234568}');
    expect(taken.every(Boolean)).toBe(true);
  });

  it('leaves normalised columns, null words, totals and footnotes to the general conversion', async () => {
    const lines = ['序號,名稱,設立日期,人數,X坐標,Y坐標,備考'];
    for (let i = 0; i < 80; i++) {
      const date = i % 9 === 0 ? '無' : `1${String(8 + (i % 5)).padStart(2, '0')}0${(i % 9) + 1}15`;
      const count = i % 11 === 0 ? '－' : i % 13 === 0 ? '１２' : String(i);
      const note = i % 10 === 0 ? 'N/A' : i % 10 === 1 ? ' 空白 ' : `備考${i}`;
      lines.push(`${i},活動中心${i},${date},${count},${250000 + i}.25,${2500000 + i}.75,${note}`);
    }
    lines.push('合計,,,999,,,');
    lines.push('資料來源：臺東縣政府,,,,,,');
    const { text } = await convertBothWays('normalised.csv', `${lines.join('\r\n')}\r\n`);
    expect(text).toContain('"longitude":');
    expect(text).not.toContain('合計');
  });

  it('writes ROC dates and TWD97 longitude/latitude from the bytes as the general conversion does', async () => {
    const dates = [
      '1081111',
      '0980101',
      '1090229',
      '',
      '108/11/11',
      '無',
      '2001231',
      '0010101',
      '民國108年1月2日',
    ];
    const xs = ['250000.25', '2500000.75', '', '100000', '399999.5', '250000.10', '1', '250000', '300000.5'];
    const ys = [
      '2500000.75',
      '250000.25',
      '2600000',
      '',
      '2949999.99',
      '2600000.5',
      '2600000',
      '2400000',
      '2600000',
    ];
    const lines = ['序號,名稱,設立日期,X坐標,Y坐標'];
    for (let i = 0; i < 90; i++) {
      lines.push(
        `${i},活動中心${i},${dates[i % dates.length]!},${xs[i % xs.length]!},${ys[(i * 7) % ys.length]!}`,
      );
    }
    const { text, taken } = await convertBothWays('roc-twd97.csv', `${lines.join('\n')}\n`);
    expect(taken.every(Boolean)).toBe(true);
    expect(text).toContain('"設立日期":"2019-11-11"');
    expect(text).toContain('"設立日期":"2020-02-29"');
    expect(text).toMatch(/"longitude":121\.\d+,"latitude":22\.\d+/);
  });

  it('leaves totals and footnotes under a text first column to the general conversion', async () => {
    const lines = ['名稱,代碼,人數'];
    for (let i = 0; i < 40; i++) lines.push(`${i % 2 ? 'Station' : '站'}${i},C${i},${i}`);
    lines.push('Total,,780', '合計,,780', '註：人數為年底數字,,');
    const { text, taken } = await convertBothWays('totals.csv', `${lines.join('\n')}\n`);
    expect(taken.every(Boolean)).toBe(true);
    expect(text).not.toContain('Total');
    expect(text).not.toContain('註');
  });

  it('gives the general output for ragged rows and without normalising', async () => {
    const lines = ['a,b,c'];
    for (let i = 0; i < 50; i++)
      lines.push(i % 6 === 0 ? `${i},x` : i % 7 === 0 ? `${i},y,z,extra` : `${i},N/A, p${i} `);
    await convertBothWays('ragged.csv', `${lines.join('\n')}\n`);
    await convertBothWays('raw.csv', `${lines.join('\n')}\n`, false);
  });

  it('gives back a range the relaxed quote rules reread, and one with invalid UTF-8', async () => {
    const lines = ['a,b'];
    for (let i = 0; i < 40; i++) lines.push(i === 30 ? `${i},"5"" disk"x` : `${i},"v${i}"`);
    const { taken } = await convertBothWays('relaxed.csv', `${lines.join('\n')}\n`);
    expect(taken.filter((t) => !t)).toHaveLength(1);
    const invalid = Buffer.from(`a,b\n${Array.from({ length: 40 }, (_, i) => `${i},v${i}`).join('\n')}\n`);
    invalid[invalid.indexOf('v5')] = 0xff;
    const { text, taken: invalidTaken } = await convertBothWays('invalid.csv', invalid);
    expect(text).toContain('\uFFFD');
    expect(invalidTaken.filter((t) => !t)).toHaveLength(1);
  });
});
