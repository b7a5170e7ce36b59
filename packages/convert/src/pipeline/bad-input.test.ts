import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runConvertCli } from '../cli.ts';
import { readDelimitedFile } from '../read/delimited-reader.ts';
import { convertFile } from './convert-file.ts';

const SHELTERS = new URL('../../../portal/demo/real/taitung-shelters-twd97.csv', import.meta.url).pathname;

let dir: string;
let stderr: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'odp-bad-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const cli = (input: string, output: string, ...rest: string[]) =>
  runConvertCli(['node', 'odp-convert', input, '-o', output, '-q', ...rest]);

/** Converting `input` fails with exit 2, `ERROR <code>:` and no output file. */
async function expectFailure(input: string, code: string): Promise<void> {
  const output = path.join(dir, 'out.csv');
  expect(await cli(input, output)).toBe(2);
  expect(stderr).toMatch(new RegExp(`^ERROR ${code}: `));
  expect(existsSync(output)).toBe(false);
}

describe('bad input through the CLI', () => {
  it('a truncated XLSX is CORRUPT_FILE', async () => {
    const xlsx = path.join(dir, 'whole.xlsx');
    expect(await cli(SHELTERS, xlsx)).toBe(0);
    const bytes = readFileSync(xlsx);
    const half = path.join(dir, 'half.xlsx');
    writeFileSync(half, bytes.subarray(0, bytes.length >> 1));
    await expectFailure(half, 'CORRUPT_FILE');
  });

  it('random bytes are NOT_TEXT or INVALID_ENCODING', async () => {
    const file = path.join(dir, 'random.bin');
    let seed = 42;
    const bytes = Buffer.alloc(8192, 0).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    writeFileSync(file, bytes);
    const output = path.join(dir, 'out.csv');
    expect(await cli(file, output)).toBe(2);
    expect(stderr).toMatch(/^ERROR (NOT_TEXT|INVALID_ENCODING): /);
    expect(existsSync(output)).toBe(false);
  });

  it('a 20 MB line without a newline is FIELD_TOO_LARGE (the default 16 MB cap)', async () => {
    const file = path.join(dir, 'long.csv');
    writeFileSync(file, 'a'.repeat(20 * 1024 * 1024));
    await expectFailure(file, 'FIELD_TOO_LARGE');
  });

  it('a smaller cap can be passed to convertFile', async () => {
    const file = path.join(dir, 'wide.csv');
    writeFileSync(file, `a,b\n1,${'x'.repeat(5000)}\n`);
    await expect(
      convertFile(file, readDelimitedFile, new PassThrough(), { to: 'csv', maxRecordBytes: 1000 }),
    ).rejects.toMatchObject({ code: 'FIELD_TOO_LARGE' });
  });

  it('an empty file is EMPTY_FILE', async () => {
    const file = path.join(dir, 'empty.csv');
    writeFileSync(file, '');
    await expectFailure(file, 'EMPTY_FILE');
  });

  it('ragged rows convert, their line numbers in the report', async () => {
    const file = path.join(dir, 'ragged.csv');
    writeFileSync(file, 'name,count,note\nA,1,x\nB,2\nC,3,y,extra\nD,4,z\n');
    const output = path.join(dir, 'out.csv');
    const report = path.join(dir, 'report.json');
    expect(await cli(file, output, '--report', report)).toBe(0);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as {
      raggedRows: { count: number; examples: { line: number }[] };
    };
    expect(parsed.raggedRows.count).toBe(2);
    expect(parsed.raggedRows.examples.map((r) => r.line)).toEqual([3, 4]);
    expect(readFileSync(output, 'utf8').split('\r\n')).toHaveLength(6);
  });
});
