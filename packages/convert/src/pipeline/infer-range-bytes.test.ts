import { describe, expect, it } from 'vitest';
import { readRange } from '../delimited/parse-range.ts';
import { ColumnTypeInferrer } from '../infer/column-type.ts';
import { scratch } from '../test/conversion-helpers.ts';
import { csvRanges } from '../test/csv-ranges.ts';
import { inferRangeBytes } from './infer-range-bytes.ts';
import { TypeTally } from './record-passes.ts';
import { inferRangeParsed } from './range-work.ts';

const { write } = scratch('infer-bytes');

/** Small ranges, so each fixture is cut many times. */
const RANGE_BYTES = 300;

/** Cells that test every branch of the inferrer: types, their near misses, spaces, widths, nulls. */
const POOLS: Record<string, string[]> = {
  integers: ['0', '7', '-12', '+5', '1,234', '12,345,678', '007', '1e5', '12345678901234567890', '3'],
  decimals: ['1.5', '-0.25', '.5', '5.', '1.2e-3', '1,234.5', '0.0000001', '250000.25', '121.5', '23.9'],
  coordinates: ['121.1234567', '22.75', '121.5', '23.1', '120.98', '24.001', '114', '27', '125.0', '10'],
  twd97: ['250000.25', '2500000.75', '399999.99', '2949999.5', '100000', '400000.00000000000001'],
  dates: ['2019-11-11', '2019/1/2', '2019.11.11', '20191111', '2019-02-29', '1999-12-31', '21991231'],
  datetimes: ['2019-11-11T10:00', '2019-11-11 10:00:05', '2019-11-11T10:00:00.5Z', '2019-11-11T25:00'],
  rocDates: [
    '1081111',
    '0980101',
    '1080229',
    '1090229',
    '108/11/11',
    '民國108年11月11日',
    '１０８１１１１',
    '981111',
  ],
  codes: [
    '0937600483',
    '089-325301',
    '(02)2331-1312',
    '(089)325301分機12',
    '03-9907755#808',
    '+886 2 1234',
    '(x',
  ],
  booleans: ['true', 'False', 'Y', 'n', '是', '否', 'yes', 'NO', 'maybe'],
  nulls: ['', '-', '--', '－', '—', '―', '無', 'N/A', 'n/a', '#N/A', 'NA', 'null', 'NULL', 'Na', '0'],
  spaces: [
    ' 12 ',
    '\u3000臺東\u3000',
    '\u00a0x',
    'a\u200bb',
    '\u200c',
    'y\u2060',
    '\ufeffz',
    'tab\t',
    '\u2028',
  ],
  wide: ['ＡＢＣ１２３', '１２', '￥5', '！', '臺東縣', '台東', '😀', 'e\u0301', 'x\u007f', '\ufffd', 'ß'],
  quoted: ['"他說 ""好"""', '"a,b"', '"line\nbreak"', '"cr\r\nlf"', '""', '"lone\rcr"', '"""q"""'],
};

/** A seeded generator (mulberry32): the same fixture every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A CSV whose columns each mostly draw from one pool (so the column keeps a type for a
 * while) and now and then from another (so it loses it), with the header `names`.
 */
function mixedTable(seed: number, rows: number, newline: string): { names: string[]; text: string } {
  const next = random(seed);
  const pools = Object.keys(POOLS);
  const names = pools.map((pool) => `c_${pool}`);
  const lines = [names.join(',')];
  for (let r = 0; r < rows; r++) {
    const cells = pools.map((pool) => {
      const from = next() < 0.9 ? pool : pools[Math.floor(next() * pools.length)]!;
      const values = POOLS[from]!;
      const value = values[Math.floor(next() * values.length)]!;
      return value.startsWith('"') || from === 'quoted'
        ? value
        : /[",\r\n]/.test(value)
          ? `"${value}"`
          : value;
    });
    lines.push(cells.join(','));
  }
  return { names, text: lines.join(newline) + newline };
}

interface Compared {
  /** Per range: whether the byte path took it. */
  taken: boolean[];
}

/**
 * Pass 1 over every range of a one-header CSV twice, with the general parser and from the
 * bytes (falling back as inferRange does), and checks each range's result and, at the end,
 * every inferrer's state and result are the same.
 */
async function inferBothWays(
  name: string,
  content: string | Buffer,
  expectedFieldCount: number,
  cap = 10_000,
) {
  const path = write(name, content);
  const { file, ranges } = await csvRanges(path, expectedFieldCount, RANGE_BYTES);
  const parsed = Array.from({ length: expectedFieldCount }, () => new ColumnTypeInferrer(cap));
  const bytes = Array.from({ length: expectedFieldCount }, () => new ColumnTypeInferrer(cap));
  const compared: Compared = { taken: [] };
  for (const range of ranges) {
    const expected = await inferRangeParsed(file, range, parsed);
    const before = bytes.map((inferrer) => inferrer.state());
    const actual = inferRangeBytes(file, range, await readRange(path, range), bytes, new TypeTally(bytes));
    compared.taken.push(actual !== undefined);
    if (actual) expect(actual).toEqual(expected);
    else {
      // Given back untouched: the general parser reads the range.
      expect(bytes.map((inferrer) => inferrer.state())).toEqual(before);
      await inferRangeParsed(file, range, bytes);
    }
    expect(bytes.map((inferrer) => inferrer.state())).toEqual(parsed.map((inferrer) => inferrer.state()));
  }
  expect(bytes.map((inferrer) => inferrer.result())).toEqual(parsed.map((inferrer) => inferrer.result()));
  expect(bytes.map((inferrer) => inferrer.textFacts())).toEqual(
    parsed.map((inferrer) => inferrer.textFacts()),
  );
  return compared;
}

describe('pass 1 from bytes', () => {
  it('leaves every inferrer as the general parser does, over mixed columns with LF and CRLF', async () => {
    for (const [seed, newline] of [
      [1, '\n'],
      [2, '\r\n'],
      [3, '\n'],
    ] as const) {
      const { names, text } = mixedTable(seed, 400, newline);
      const { taken } = await inferBothWays(`mixed-${seed}.csv`, text, names.length);
      expect(taken.filter(Boolean).length).toBeGreaterThan(taken.length / 2);
    }
  });

  it('counts distinct values exactly up to a small cap, and types columns that keep one pool', async () => {
    const lines = ['n,d,x,y,roc,code,flag,name'];
    for (let i = 0; i < 300; i++) {
      lines.push(
        [
          i,
          `${i}.5`,
          `${250000 + i}.25`,
          `${2500000 + i}.75`,
          `1${String(8 + (i % 5)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`,
          `089-${300000 + i}`,
          i % 2 ? 'true' : 'false',
          `臺東縣${i % 7}號`,
        ].join(','),
      );
    }
    const text = `\uFEFF${lines.join('\n')}\n`;
    const { taken } = await inferBothWays('typed.csv', text, 8, 50);
    expect(taken.every(Boolean)).toBe(true);
    const inferrers = Array.from({ length: 8 }, () => new ColumnTypeInferrer());
    const path = write('typed-result.csv', text);
    const { file, ranges } = await csvRanges(path, 8, 1 << 20);
    for (const range of ranges) {
      expect(
        inferRangeBytes(file, range, await readRange(path, range), inferrers, new TypeTally(inferrers)),
      ).toBeDefined();
    }
    expect(inferrers.map((inferrer) => inferrer.result().type)).toEqual([
      'integer',
      'decimal',
      'coordinate',
      'coordinate',
      'roc-date',
      'code',
      'boolean',
      'string',
    ]);
    expect(inferrers[7]!.result().distinctCount).toBe(7);
  });

  it('gives back ragged ranges, relaxed and unclosed quotes and invalid UTF-8, untouched', async () => {
    const ragged = ['a,b,c', ...Array.from({ length: 60 }, (_, i) => (i === 40 ? `${i},x` : `${i},y,z`))];
    const { taken } = await inferBothWays('ragged.csv', `${ragged.join('\n')}\n`, 3);
    expect(taken.filter((t) => !t)).toHaveLength(1);
    const relaxed = [
      'a,b',
      ...Array.from({ length: 60 }, (_, i) => (i === 30 ? `${i},"5"" disk"x` : `${i},"v${i}"`)),
    ];
    expect(
      (await inferBothWays('relaxed.csv', `${relaxed.join('\n')}\n`, 2)).taken.filter((t) => !t),
    ).toHaveLength(1);
    const unclosed = `a,b\n${Array.from({ length: 30 }, (_, i) => `${i},v`).join('\n')}\n99,"open\n`;
    expect((await inferBothWays('unclosed.csv', unclosed, 2)).taken.at(-1)).toBe(false);
    const invalid = Buffer.from(`a,b\n${Array.from({ length: 40 }, (_, i) => `${i},v${i}`).join('\n')}\n`);
    invalid[invalid.indexOf('v5')] = 0xff;
    expect((await inferBothWays('invalid.csv', invalid, 2)).taken.filter((t) => !t)).toHaveLength(1);
  });

  it('passes totals and footnotes to the tally and counts lone CRs and replacement characters', async () => {
    const lines = ['名稱,人數,備考'];
    for (let i = 0; i < 40; i++) lines.push(`站${i},${i},\ufffd${i}`);
    lines.push('合計,780,', ' 小計,10,', '註：人數為年底數字,,', '"Total",1,');
    const text = `${lines.join('\r')}\r`;
    const { taken } = await inferBothWays('summary-cr.csv', text, 3);
    expect(taken.every(Boolean)).toBe(true);
  });
});
