import { describe, expect, it } from 'vitest';
import { readAll, scratch } from '../test/conversion-helpers.ts';
import { sniffInputKind } from '../pipeline/input-kind.ts';
import { flattenJsonRecord, readNdjsonFile } from './ndjson-reader.ts';

const { write } = scratch('ndjson');

const records = async (file: string) => (await readAll(readNdjsonFile, file)).records;

describe('flattenJsonRecord', () => {
  it('dots nested objects, joins scalar arrays with ;, keeps arrays of objects as JSON', () => {
    const flat = flattenJsonRecord({
      a: { b: { c: 1 } },
      d: [1, 'x', null, true],
      e: [{ f: 1 }],
      g: null,
      h: {},
    });
    expect(Object.fromEntries(flat)).toEqual({ 'a.b.c': '1', d: '1;x;;true', e: '[{"f":1}]', g: '', h: '' });
  });
});

describe('readNdjsonFile', () => {
  it('reads one object a line, columns the union of keys, lines as in the file', async () => {
    const file = write('ok.ndjson', '{"id":1,"place":{"city":"臺南市"}}\n\n{"id":2,"note":"x"}\r\n');
    expect(await sniffInputKind(file)).toBe('ndjson');
    expect(await records(file)).toEqual([
      { cells: ['id', 'place.city', 'note'], line: 1 },
      { cells: ['1', '臺南市', ''], line: 1 },
      { cells: ['2', '', 'x'], line: 3 },
    ]);
  });

  it('a pretty-printed JSON object is JSON, not NDJSON', async () => {
    expect(await sniffInputKind(write('pretty.json', '{\n  "data": [{"a": 1}]\n}\n'))).toBe('json');
  });

  it.each([
    ['a line that does not parse', '{"a":1}\n{"a":2}\n{"a":\n', /^Line 3 /],
    ['a line that is not an object', '{"a":1}\n[1,2]\n', /^Line 2 is not a JSON object/],
  ])('refuses %s with INVALID_JSON naming the line', async (_what, text, message) => {
    await expect(records(write('bad.ndjson', text))).rejects.toMatchObject({
      code: 'INVALID_JSON',
      message: expect.stringMatching(message),
    });
  });
});
