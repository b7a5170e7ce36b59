import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertToText, readAll, scratch } from '../test/conversion-helpers.ts';
import { runConvertCli } from '../cli.ts';
import { readerFor, sniffInputKind } from '../pipeline/input-kind.ts';
import { readJsonFile } from './json-reader.ts';

const FIXTURES = new URL('../../test-fixtures/json/', import.meta.url).pathname;
const { dir, write } = scratch('json');

const rows = readAll;

const convert = convertToText;

const quietly = async (...args: string[]) => {
  const original = process.stderr.write.bind(process.stderr);
  const errors: string[] = [];
  process.stderr.write = ((chunk: string) => errors.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    return { status: await runConvertCli(['node', 'odp-convert', ...args, '-q']), errors: errors.join('') };
  } finally {
    process.stderr.write = original;
  }
};

describe('readJsonFile', () => {
  it('reads an array of objects, the union of keys in first-seen order', async () => {
    const file = write('array.json', '\uFEFF[{"a":1,"b":"x"},\n{"c":null,"a":2.5,"b":true}]');
    const { rows: read, summary } = await rows(readJsonFile, file);
    expect(read).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x', ''],
      ['2.5', 'true', ''],
    ]);
    expect(summary.part).toBe('$');
  });

  it('finds the largest array of objects in an object and flattens nested values', async () => {
    const { rows: read, summary } = await rows(readJsonFile, path.join(FIXTURES, 'shelters-nested.json'));
    expect(summary.part).toBe('$.result.records');
    expect(read[0]).toEqual([
      'id',
      'name',
      'capacity',
      'open',
      'address.city',
      'address.road',
      'tags',
      'contacts',
    ]);
    expect(read[1]).toEqual(['1', '臺東縣立體育館', '350', 'true', '臺東市', '中華路一段', '地震;水災', '']);
    expect(read[3]?.[7]).toBe('[{"name":"王先生","tel":"089-123456"}]');
    expect(read).toHaveLength(4);
  });

  it('streams large files record by record', async () => {
    const items = Array.from({ length: 20000 }, (_, i) => JSON.stringify({ id: i, name: `n${i}` }));
    const file = write('large.json', `{"data":[${items.join(',\n')}]}`);
    let count = 0;
    let last: string[] = [];
    for await (const record of readJsonFile(file, {})) [count, last] = [count + 1, record.cells];
    expect(count).toBe(20001);
    expect(last).toEqual(['19999', 'n19999']);
  });

  it.each([
    ['truncated', '[{"a":1},{"a":', 'INVALID_JSON', /line 1/],
    ['invalid', '[{"a":1},\n{"a" 2}]', 'INVALID_JSON', /line 2/],
    ['empty', '{ }', 'NO_RECORDS', /empty object/],
    ['scalar', '"only text"', 'NO_RECORDS', /single value/],
    ['of scalars', '[1,2,3]', 'NO_RECORDS', /holds no objects/],
  ])('refuses %s JSON with %s', async (_what, text, code, message) => {
    const file = write(`${code}-${_what}.json`, text);
    await expect(rows(readJsonFile, file)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });
});

describe('JSON through the converter', () => {
  it('nested JSON → CSV with dotted columns', async () => {
    const { text, report } = await convert(path.join(FIXTURES, 'shelters-nested.json'), readJsonFile, {
      to: 'csv',
    });
    expect(report.input.part).toBe('$.result.records');
    expect(text.split('\r\n')[0]).toBe('id,name,capacity,open,address.city,address.road,tags,contacts');
    expect(text).toContain('1,臺東縣立體育館,350,true,臺東市,中華路一段,地震;水災,');
    expect(report.rows.written).toBe(3);
  });

  it('JSON → CSV → JSON keeps the values', async () => {
    const records = Array.from({ length: 30 }, (_, i) => ({
      id: i + 1,
      name: `站點 ${i + 1}`,
      ratio: i + 0.25,
      active: i % 2 === 0,
      address: { city: i % 3 === 0 ? '臺北市' : '新北市', zip: `${100 + i}` },
    }));
    const input = write('round.json', JSON.stringify(records));
    const csv = path.join(dir, 'round.csv');
    const back = path.join(dir, 'round-back.json');
    expect((await quietly(input, '-o', csv)).status).toBe(0);
    expect((await quietly(csv, '-o', back)).status).toBe(0);
    const read = JSON.parse(readFileSync(back, 'utf8')) as Record<string, unknown>[];
    expect(read).toEqual(
      records.map(({ address, ...rest }) => ({
        ...rest,
        'address.city': address.city,
        'address.zip': Number(address.zip),
      })),
    );
  });

  it('a JSON file named .csv is read as JSON', async () => {
    const file = write('lies.csv', readFileSync(path.join(FIXTURES, 'shelters-nested.json'), 'utf8'));
    expect(await sniffInputKind(file)).toBe('json');
    expect(await readerFor('json', file)).toBe(readJsonFile);
    const output = path.join(dir, 'lies.json');
    expect((await quietly(file, '-o', output)).status).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toHaveLength(3);
  });

  it('the CLI reports a truncated JSON with INVALID_JSON', async () => {
    const file = write('cut.json', '[{"a":1},{"a":2');
    const { status, errors } = await quietly(file, '-o', path.join(dir, 'cut.csv'));
    expect(status).toBe(2);
    expect(errors).toMatch(/^ERROR INVALID_JSON: /);
  });
});
