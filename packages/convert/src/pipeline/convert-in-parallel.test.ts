import { PassThrough } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { isConvertError } from '../errors/convert-error.ts';
import { readDelimitedFile } from '../read/delimited-reader.ts';
import { convertToBuffer, scratch } from '../test/conversion-helpers.ts';
import type { ConvertOptions } from './convert-file.ts';
import { convertInParallel } from './convert-in-parallel.ts';
import type { TextOutputFormat } from './text-output.ts';

// Spied on (calling through) to see that convertFile hands big files to it.
vi.mock('./convert-in-parallel.ts', { spy: true });

const { write } = scratch('parallel');
/** Small ranges, so a file of a few hundred KB is cut into many and every seam is exercised. */
const RANGE_BYTES = 16 * 1024;

/** A messy agency table: title row, Chinese + English header, and every normaliser's input. */
function messyTable(rows: number): string {
  const lines = [
    '臺東縣避難收容處所一覽表,,,,,,',
    '編號,名稱,地址,設立日期,收容人數,X坐標,Y坐標',
    'ID,Name,Address,Established,Capacity,TWD97 X,TWD97 Y',
  ];
  for (let i = 0; i < rows; i++) {
    const name = i % 9 === 0 ? `"活動中心\n第${i}處"` : `活動中心${i}`;
    const address = i % 7 === 0 ? `"臺東縣卑南鄉, 中山路 ${i} 號"` : `臺東縣臺東市中山路${i}號`;
    const date = i % 11 === 0 ? '無' : `${100 + (i % 13)}/${1 + (i % 12)}/${1 + (i % 28)}`;
    const capacity = i % 13 === 0 ? '－' : i % 5 === 0 ? `１２${i % 10}` : String(i % 400);
    const x = (250000 + (i % 30000) + 0.25).toFixed(2);
    const y = (2500000 + (i % 50000) + 0.75).toFixed(2);
    const ragged = i % 997 === 0 ? ',extra' : '';
    lines.push(`SV${String(i).padStart(5, '0')},${name},${address},${date},${capacity},${x},${y}${ragged}`);
  }
  lines.push('合計,,,,12345,,');
  lines.push('資料來源：臺東縣政府,,,,,,');
  return `${lines.join('\r\n')}\r\n`;
}

async function parallel(file: string, options: ConvertOptions & { to: TextOutputFormat }) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const report = await convertInParallel(
    file,
    out,
    { ...options, rangeBytes: RANGE_BYTES, minParallelBytes: 0 },
    2,
  );
  out.end();
  return { report, bytes: Buffer.concat(chunks) };
}

describe('convertInParallel', () => {
  const text = messyTable(4000);
  const utf8 = write('messy.csv', text);
  const bom = write('messy-bom.csv', `\uFEFF${text}`);
  const cp950 = write('messy-cp950.csv', iconv.encode(text, 'cp950'));

  const cases: [string, string, ConvertOptions & { to: TextOutputFormat }][] = [
    ['UTF-8 → JSON', utf8, { to: 'json' }],
    ['UTF-8 → CSV', utf8, { to: 'csv' }],
    ['UTF-8 with BOM → CSV with BOM', bom, { to: 'csv', bom: true }],
    ['UTF-8 → NDJSON', utf8, { to: 'ndjson' }],
    ['UTF-8 → XML', utf8, { to: 'xml' }],
    ['UTF-8 → GeoJSON', utf8, { to: 'geojson' }],
    ['UTF-8 → JSON, not normalised', utf8, { to: 'json', normalize: false }],
    ['CP950 → CSV', cp950, { to: 'csv' }],
  ];
  for (const [name, file, options] of cases) {
    it(`writes what the serial passes write, with the same report: ${name}`, async () => {
      const serial = await convertToBuffer(file, readDelimitedFile, options);
      const split = await parallel(file, options);
      expect(split.report).toBeDefined();
      expect(split.bytes.equals(serial.bytes)).toBe(true);
      expect(split.report).toEqual(serial.report);
    });
  }

  it('reports what it found along the way: header rows, ragged rows with their lines, dropped rows', async () => {
    const { report } = await parallel(utf8, { to: 'json' });
    expect(report?.headerRows).toBe(2);
    expect(report?.raggedRows.count).toBe(5);
    // Data row i starts after the 3 header lines and the extra lines of names 0, 9, … before it.
    const lineOf = (i: number) => 4 + i + Math.ceil(i / 9);
    expect(report?.raggedRows.examples.map((r) => r.line)).toEqual([0, 997, 1994, 2991, 3988].map(lineOf));
    expect(report?.rows).toEqual({ read: 4002, written: 4000, droppedTotals: 1, droppedFootnotes: 1 });
  });

  it('tells a quote never closed on the same line as the serial reader', async () => {
    const file = write('unclosed.csv', `${messyTable(3000)}X1,"never closed,a,b\r\n1,2,3\r\n`);
    const serial = await convertToBuffer(file, readDelimitedFile, { to: 'csv' });
    const split = await parallel(file, { to: 'csv' });
    expect(split.report?.warnings).toEqual(serial.report.warnings);
    expect(split.report?.warnings[0]).toMatch(/line \d+ is never closed/);
    expect(split.bytes.equals(serial.bytes)).toBe(true);
  });

  it('fails on binary bytes deep in the file with the serial code (NOT_TEXT)', async () => {
    const clean = messyTable(3000);
    const file = write('nul.csv', `${clean.slice(0, 150_000)}\u0000${clean.slice(150_000)}`);
    const error = await parallel(file, { to: 'json' }).catch((e: unknown) => e);
    expect(isConvertError(error) && error.code).toBe('NOT_TEXT');
  });

  it('leaves to the serial passes what it cannot cut: UTF-16, a small file', async () => {
    const utf16 = write(
      'messy-utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    expect((await parallel(utf16, { to: 'json' })).report).toBeUndefined();
    const small = write('small.csv', messyTable(20));
    expect((await parallel(small, { to: 'json' })).report).toBeUndefined();
  });

  it('is what convertFile uses with workers, same output as without', async () => {
    const serial = await convertToBuffer(utf8, readDelimitedFile, { to: 'json' });
    const parallelRun = vi.mocked(convertInParallel);
    parallelRun.mockClear();
    const threaded = await convertToBuffer(utf8, readDelimitedFile, {
      to: 'json',
      workers: 2,
      rangeBytes: RANGE_BYTES,
      minParallelBytes: 0,
    });
    expect(threaded.bytes.equals(serial.bytes)).toBe(true);
    // It went through the worker threads (a report, not undefined, which means "serial").
    expect(parallelRun).toHaveBeenCalledTimes(1);
    expect(await parallelRun.mock.results[0]?.value).toBeDefined();
  });
});
