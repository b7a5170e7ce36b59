import { describe, expect, it } from 'vitest';
import { scratch } from '../test/conversion-helpers.ts';
import { RecordParser, type ParsedRecord } from './record-parser.ts';
import { recordRanges, type RecordRange } from './record-ranges.ts';

const { write } = scratch('ranges');

/** Records with every quoting case RecordParser reads, repeated with varying lengths. */
function trickyCsv(rows: number, eol: string): string {
  const lines = ['id,name,note'];
  for (let i = 0; i < rows; i++) {
    const pad = 'x'.repeat(i % 17);
    const note = [
      `"multi${eol}line ${pad}"`,
      `"escaped ""quote"" ${pad}"`,
      `5" disk ${pad}`,
      `"a"b${pad}`,
      `"comma, inside ${pad}"`,
      `""`,
      `"""${pad}"""`,
      `plain ${pad}`,
    ][i % 8];
    lines.push(`${i},"名稱${i}",${note}`);
    if (i % 50 === 0) lines.push('');
  }
  return lines.join(eol) + eol;
}

function parseWhole(text: string): ParsedRecord[] {
  const out: ParsedRecord[] = [];
  const parser = new RecordParser(',', 1 << 20);
  parser.push(text, out);
  parser.end(out);
  return out;
}

async function ranges(file: string, rangeBytes: number, readBytes: number, skip = 0): Promise<RecordRange[]> {
  const found: RecordRange[] = [];
  for await (const range of recordRanges(file, { delimiter: 0x2c, skip, rangeBytes, readBytes }))
    found.push(range);
  return found;
}

/** Parses each range on its own, lines relative, then shifts them as the converter does. */
function parseRanges(bytes: Buffer, found: readonly RecordRange[]): ParsedRecord[] {
  const out: ParsedRecord[] = [];
  let line = 1;
  for (const range of found) {
    const parser = new RecordParser(',', 1 << 20, line);
    const records: ParsedRecord[] = [];
    parser.push(bytes.subarray(range.start, range.end).toString('utf8'), records);
    parser.end(records);
    line = parser.nextLine;
    out.push(...records);
  }
  return out;
}

describe('recordRanges', () => {
  for (const eol of ['\n', '\r\n']) {
    for (const [rangeBytes, readBytes] of [
      [200, 7],
      [1000, 64],
      [3000, 1 << 20],
    ] as const) {
      it(`cuts only between records (${JSON.stringify(eol)}, ranges of ${rangeBytes} B, reads of ${readBytes} B)`, async () => {
        const text = trickyCsv(400, eol);
        const file = write(`tricky-${eol.length}-${rangeBytes}-${readBytes}.csv`, text);
        const bytes = Buffer.from(text);
        const found = await ranges(file, rangeBytes, readBytes);
        expect(found.length).toBeGreaterThan(3);
        expect(found[0]!.start).toBe(0);
        expect(found.at(-1)!.end).toBe(bytes.length);
        found.forEach((range, i) => {
          expect(range.index).toBe(i);
          if (i > 0) expect(range.start).toBe(found[i - 1]!.end);
          if (i < found.length - 1) expect(range.end - range.start).toBeGreaterThanOrEqual(rangeBytes);
        });
        expect(parseRanges(bytes, found)).toEqual(parseWhole(text));
      });
    }
  }

  it('passes over a byte-order mark, so a quoted first field still opens a quote', async () => {
    const body = `"a\nb",c\n`.repeat(200);
    const file = write('bom.csv', `\uFEFF${body}`);
    const found = await ranges(file, 50, 16, 3);
    // Every cut falls after a whole `"a\nb",c\n` record (8 bytes), counted from the BOM's end.
    for (const range of found.slice(1)) expect((range.start - 3) % 8).toBe(0);
  });

  it('keeps a quote left open to the end in the last range', async () => {
    const text = 'a,b\n1,2\n'.repeat(100) + '3,"never closed\n4,5\n6,7\n';
    const file = write('open.csv', text);
    const found = await ranges(file, 100, 32);
    const last = found.at(-1)!;
    expect(text.slice(last.start)).toContain('"never closed\n4,5\n6,7\n');
  });
});
