import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConvertError } from '../errors/convert-error.ts';
import { detectHeader } from './header.ts';
import { readDelimited, type DelimitedReading, type ReadDelimitedOptions } from './read-delimited.ts';

/** The real files the portal ships for its demo and tests (original bytes). */
const realPath = (name: string): URL => new URL(`../../../portal/demo/real/${name}`, import.meta.url);
const real = (name: string, options?: ReadDelimitedOptions): DelimitedReading =>
  readDelimited(createReadStream(realPath(name), { highWaterMark: 16 * 1024 }), options);

async function readAll(reading: DelimitedReading) {
  const records = [];
  for await (const record of reading) records.push(record);
  return records;
}

const bytes = (...chunks: (string | Uint8Array)[]): AsyncIterable<Uint8Array> =>
  Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));

async function failure(reading: DelimitedReading): Promise<ConvertError> {
  const error = await readAll(reading).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConvertError);
  return error as ConvertError;
}

describe('readDelimited on real government files', () => {
  it.each([
    ['taitung-shelters-twd97.csv', 'UTF-8', 169],
    // 360 lines, 357 records: three descriptions span two lines inside quotes.
    ['yilan-catalog-2018-cp950.csv', 'CP950', 357],
    ['real-estate-taipei-a-roc-dates.csv', 'UTF-8', 368],
    ['dgpa-calendar-113-utf8bom.csv', 'UTF-8', 367],
    ['dgpa-calendar-114-cp950.csv', 'CP950', 366],
    ['kaohsiung-catalog-2018.csv', 'UTF-8', 1495],
  ])('decodes %s (%s) without U+FFFD into %i records', async (file, encoding, count) => {
    const reading = real(file);
    const records = await readAll(reading);
    expect(records).toHaveLength(count);
    expect(records.some((r) => r.cells.some((c) => c.includes('\uFFFD')))).toBe(false);
    expect(reading.summary).toMatchObject({ recordCount: count, replacementCount: 0 });
    expect(reading.summary.encoding?.encoding).toBe(encoding);
    expect(reading.summary.delimiter?.delimiter).toBe(',');
    expect(records[0]?.cells[0]?.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('finds 168 shelters under one header row', async () => {
    const records = await readAll(real('taitung-shelters-twd97.csv'));
    const header = detectHeader(records.slice(0, 20).map((r) => r.cells));
    expect(header).toMatchObject({ headerRows: 1, dataStartIndex: 1 });
    expect(header.columns.map((c) => c.name)).toContain('收容人數');
    expect(records.length - header.dataStartIndex).toBe(168);
  });

  it('finds 356 Yilan datasets in the CP950 catalogue (359 lines below the header)', async () => {
    const records = await readAll(real('yilan-catalog-2018-cp950.csv'));
    const header = detectHeader(records.map((r) => r.cells));
    expect(header.columns.map((c) => c.name)).toEqual([
      '資料集名稱',
      '資料來源',
      '聯絡人',
      '聯絡電話',
      '資料說明',
    ]);
    expect(records.length - header.dataStartIndex).toBe(356);
  });

  it('keeps the English second header row of the real-estate file as descriptions', async () => {
    const records = await readAll(real('real-estate-taipei-a-roc-dates.csv'));
    const header = detectHeader(records.map((r) => r.cells));
    expect(header).toMatchObject({ headerRows: 2, dataStartIndex: 2 });
    expect(header.columns[0]).toEqual({
      name: '鄉鎮市區',
      description: 'The villages and towns urban district',
    });
    expect(header.columns).toHaveLength(28);
    expect(records.length - header.dataStartIndex).toBe(366);
  });

  it.each(['yilan-catalog-2018.csv', 'kaohsiung-catalog-2018.csv', 'tainan-catalog-2018.csv'])(
    'generates column names for the header-less city list %s',
    async (file) => {
      const records = await readAll(real(file));
      const header = detectHeader(records.map((r) => r.cells));
      expect(header).toMatchObject({ headerRows: 0, dataStartIndex: 0 });
      expect(header.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
    },
  );

  it('reports the ragged rows of the agency registry with their line numbers', async () => {
    const reading = real('agency-oid-registry-2016.csv');
    const records = await readAll(reading);
    expect(records).toHaveLength(8238);
    const { summary } = reading;
    expect(summary.expectedFieldCount).toBe(5);
    expect(summary.raggedRowCount).toBeGreaterThan(0);
    expect(summary.raggedRows[0]).toEqual({ line: 2, expected: 5, found: 6 });
    expect(records[1]?.cells.slice(0, 6)).toEqual([
      '國民大會',
      '2.16.886.101.20001',
      '02-23311312',
      '台北市中華路1段53號',
      'o=國民大會',
      'c=TW',
    ]);
  });

  it('parses the data demands: mixed CRLF/LF, multi-line quoted cells, shifted rows', async () => {
    const reading = real('data-demands-2019.csv');
    const records = await readAll(reading);
    const first = records[1];
    expect(first?.line).toBe(2);
    expect(first?.cells[0]).toBe('97944');
    expect(first?.cells[3]).toMatch(/^1\. 日期\r?\n2\. 排行/);
    expect(records[2]?.line).toBeGreaterThan(3);
    expect(reading.summary.expectedFieldCount).toBe(10);
    expect(reading.summary.raggedRowCount).toBeGreaterThan(0);
    expect(reading.summary.raggedRows.every((row) => row.found !== 10)).toBe(true);
  });
});

describe('readDelimited on made-up input', () => {
  it('tracks the starting line of records across CRLF, LF, CR and quoted newlines', async () => {
    const records = await readAll(readDelimited(bytes('a,b\r\n"x\r\ny",z\n\nq,r\r"m\n', '\nn",o')));
    expect(records).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['x\r\ny', 'z'], line: 2 },
      { cells: ['q', 'r'], line: 5 },
      { cells: ['m\n\nn', 'o'], line: 6 },
    ]);
  });

  it('reads UTF-16LE with a BOM and a semicolon delimiter', async () => {
    const text = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('名稱;數量\r\n雨量;12\r\n', 'utf16le'),
    ]);
    const reading = readDelimited(bytes(text.subarray(0, 7), text.subarray(7)));
    expect((await readAll(reading)).map((r) => r.cells)).toEqual([
      ['名稱', '數量'],
      ['雨量', '12'],
    ]);
    expect(reading.summary.delimiter?.delimiter).toBe(';');
  });

  it('fails with NOT_TEXT on binary bytes', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect((await failure(readDelimited(bytes(png)))).code).toBe('NOT_TEXT');
  });

  it('fails with INVALID_ENCODING on bytes that are neither UTF-8 nor CP950', async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    expect((await failure(readDelimited(bytes(noise)))).code).toBe('INVALID_ENCODING');
  });

  it.each([[[]], [['\uFEFF']], [['\r\n\r\n']]])('fails with EMPTY_FILE on %j', async (chunks) => {
    expect((await failure(readDelimited(bytes(...chunks)))).code).toBe('EMPTY_FILE');
  });

  it('fails with FIELD_TOO_LARGE on a line longer than the cap, without reading it all', async () => {
    const chunk = Buffer.alloc(8 * 1024, 'x');
    const endless = (async function* () {
      for (let i = 0; i < 1_000; i++) yield chunk;
    })();
    const error = await failure(readDelimited(endless, { maxRecordBytes: 100_000 }));
    expect(error.code).toBe('FIELD_TOO_LARGE');
    expect(error.line).toBe(1);
  });
});

describe('readDelimited: stray quotes', () => {
  it('reads a quote left open to the end as one field and says where it opened', async () => {
    const reading = readDelimited(bytes('a,b\n1,"open\n2,3\n'));
    const records = await readAll(reading);
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', 'open\n2,3\n'],
    ]);
    expect(reading.summary.unclosedQuoteLine).toBe(2);
  });
});
