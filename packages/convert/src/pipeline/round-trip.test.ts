import { parquetReadObjects } from 'hyparquet';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertToBuffer } from '../test/conversion-helpers.ts';
import { readDelimitedFile } from '../read/delimited-reader.ts';
import { readJsonFile } from '../read/json-reader.ts';
import type { RecordReader } from '../read/record-source.ts';
import { type ConvertOptions } from './convert-file.ts';

const REAL = new URL('../../../portal/demo/real/', import.meta.url).pathname;
const real = (name: string) => path.join(REAL, name);

const convert = async (file: string, reader: RecordReader, options: ConvertOptions): Promise<Buffer> =>
  (await convertToBuffer(file, reader, options)).bytes;

describe('round trips', () => {
  it.each(['taitung-shelters-twd97.csv', 'dgpa-calendar-113-utf8bom.csv'])(
    '%s: CSV → JSON → CSV is byte-identical to CSV from the source (no normalising)',
    async (name) => {
      const options = { normalize: false } as const;
      const direct = await convert(real(name), readDelimitedFile, { to: 'csv', ...options });
      const json = await convert(real(name), readDelimitedFile, { to: 'json', ...options });
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'odp-round-')), 'data.json');
      writeFileSync(file, json);
      const back = await convert(file, readJsonFile, { to: 'csv', ...options });
      expect(back.toString('utf8')).toBe(direct.toString('utf8'));
    },
  );

  it('Taitung shelters to Parquet: 168 rows, numbers typed, Chinese text intact', async () => {
    const bytes = await convert(real('taitung-shelters-twd97.csv'), readDelimitedFile, { to: 'parquet' });
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = await parquetReadObjects({ file });
    const csv = await convert(real('taitung-shelters-twd97.csv'), readDelimitedFile, { to: 'json' });
    const expected = JSON.parse(csv.toString('utf8')) as Record<string, unknown>[];
    expect(rows).toHaveLength(168);
    const first = rows[0]!;
    expect(Object.keys(first)).toEqual(Object.keys(expected[0]!));
    for (const [key, value] of Object.entries(expected[0]!)) {
      const got: unknown = first[key];
      expect(typeof got === 'bigint' ? Number(got) : got).toEqual(value);
    }
    expect(typeof first['longitude']).toBe('number');
    expect(Object.values(first).some((v) => typeof v === 'string' && /[\u4e00-\u9fff]/.test(v))).toBe(true);
  });
});
