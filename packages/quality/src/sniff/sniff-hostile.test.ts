import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipArchive, zipEntry } from '@odp/convert';
import { afterAll, describe, expect, it } from 'vitest';
import { oleFile } from './ole-test-file.ts';
import { SNIFFED_FORMATS } from './sniffed-resource.ts';
import { sniffResource } from './sniff-resource.ts';

const dir = mkdtempSync(join(tmpdir(), 'odp-sniff-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLES: Record<string, Buffer> = {
  zip: zipArchive([
    zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { store: true }),
    zipEntry('a.csv', 'a,b\n1,2\n'),
  ]),
  ole: oleFile(['A', 'B', 'C', 'D', 'E', 'Workbook']),
  json: Buffer.from(
    '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名稱":"臺北"}}]}',
  ),
  xml: Buffer.from('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><r><c>臺北</c></r>'),
};

/** A deterministic byte scrambler (no randomness in tests). */
function scramble(bytes: Buffer, seed: number): Buffer {
  const copy = Buffer.from(bytes);
  let state = seed;
  for (let n = 0; n < 8; n++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const at = 8 + (state % Math.max(1, copy.length - 8));
    copy[at] = state & 0xff;
  }
  return copy;
}

describe('sniffResource on truncated and scrambled input', () => {
  it.each(Object.keys(SAMPLES))('never throws on a cut or scrambled %s', async (name) => {
    const whole = SAMPLES[name] as Buffer;
    const variants = [
      ...[1, 4, 9, 30, 100, 512, 600, whole.length - 1]
        .filter((n) => n < whole.length)
        .map((n) => whole.subarray(0, n)),
      ...Array.from({ length: 20 }, (_, seed) => scramble(whole, seed + 1)),
    ];
    for (const [i, bytes] of variants.entries()) {
      const path = join(dir, `${name}-${i}`);
      writeFileSync(path, bytes);
      const r = await sniffResource(path);
      expect(SNIFFED_FORMATS).toContain(r.format);
      expect(r.reason).not.toBe('');
    }
  });

  it('reads no more than the head of a large text file', async () => {
    const path = join(dir, 'big.csv');
    writeFileSync(path, 'a,b\n'.padEnd(3 * 1024 * 1024, '1,2\n'));
    const r = await sniffResource(path, { limits: { maxHeadBytes: 64 * 1024 } });
    expect(r).toMatchObject({ format: 'CSV', headBytes: 64 * 1024, size: 3 * 1024 * 1024 });
  });
});
