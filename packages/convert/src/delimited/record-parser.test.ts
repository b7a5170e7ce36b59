import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { RecordParser, type ParsedRecord } from './record-parser.ts';

/** Feeds the text in chunks of `size` characters. */
function parseInChunks(text: string, size: number, delimiter = ','): ParsedRecord[] {
  const parser = new RecordParser(delimiter, 1 << 20);
  const out: ParsedRecord[] = [];
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size), out);
  parser.end(out);
  return out;
}

/** What csv-parse (the parser this one replaced) reads, with the options odp gave it. */
const csvParse = (text: string, delimiter = ','): string[][] =>
  parse(text, {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];

const TRICKY = [
  'a,"b ""q"" c",d\r\n"x\r\ny",,\n\n"q"r,s"t,\r"m\n\nn",o\r\n名稱,"數,量",é\r,last',
  'x,y\r1,2\r\r3,"4\r5"\r',
  '"",""\n"""",\n,\n"a""",b""\n',
  'one\n\n\ntwo\r\n\r\nthree',
  '"a"b"c",d\n"e" ,f\n',
  'id;名稱;值\r\n1;　ＡＢＣ　;１２\r\n2; x ;3\r\n',
];

describe('RecordParser', () => {
  it.each(TRICKY.map((text) => [text]))('reads %j as csv-parse did, whatever the chunk sizes', (text) => {
    const delimiter = text.includes(';') ? ';' : ',';
    const expected = csvParse(text, delimiter);
    for (const size of [1, 2, 3, 5, 8, text.length]) {
      expect(parseInChunks(text, size, delimiter).map((r) => r.cells)).toEqual(expected);
    }
  });

  it('gives each record the line it starts on, line breaks in quotes included', () => {
    const lines = parseInChunks('a\r\n"b\r\nc"\n\nd\r"e\r\rf"\rg', 2).map((r) => r.line);
    expect(lines).toEqual([1, 2, 5, 6, 9]);
  });

  it('fails with FIELD_TOO_LARGE once a record passes the cap, with its line', () => {
    const parser = new RecordParser(',', 1000);
    const out: ParsedRecord[] = [];
    parser.push('a,b\n', out);
    expect(() => {
      for (let i = 0; i < 100; i++) parser.push('x'.repeat(100), out);
    }).toThrow(expect.objectContaining({ code: 'FIELD_TOO_LARGE', line: 2 }));
  });
});
