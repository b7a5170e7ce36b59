import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffInputKind } from '../pipeline/input-kind.ts';
import { decodeEntryName } from './zip-entries.ts';
import { convertAny } from '../test/conversion-helpers.ts';
import { writeTestZip } from './zip-test-archive.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'odp-zip-'));
const file = (name: string) => path.join(dir, name);

const CSV = '鄉鎮,人口\r\n臺東市,104000\r\n成功鎮,13000\r\n';

describe('ZIP archives', () => {
  it('a CP950 CSV with a CP950 entry name converts to UTF-8 CSV', async () => {
    const zip = file('cp950.zip');
    writeTestZip(zip, [
      { name: iconv.encode('人口統計.csv', 'cp950'), data: iconv.encode(CSV, 'cp950') },
      { name: 'readme.pdf', data: Buffer.from('%PDF-1.4') },
    ]);
    expect(await sniffInputKind(zip)).toBe('zip');
    const { report, text } = await convertAny(zip, { to: 'csv' });
    expect(text).toBe(CSV);
    expect(report.input.encoding).toBe('CP950');
    expect(report.input.part).toBe('人口統計.csv');
    expect(report.warnings.join()).toContain('readme.pdf');
  });

  it('reads the largest delimited entry of several', async () => {
    const zip = file('several.zip');
    writeTestZip(zip, [
      { name: 'small.csv', data: Buffer.from('a,b\r\n1,2\r\n') },
      { name: 'dir/big.csv', data: Buffer.from(CSV) },
    ]);
    const { report } = await convertAny(zip, { to: 'json' });
    expect(report.input.part).toBe('dir/big.csv');
    expect(report.rows.written).toBe(2);
  });

  it('decodes entry names: UTF-8 flag, valid UTF-8, else CP950', () => {
    expect(decodeEntryName(Buffer.from('資料.csv'), true)).toBe('資料.csv');
    expect(decodeEntryName(Buffer.from('資料.csv'), false)).toBe('資料.csv');
    expect(decodeEntryName(iconv.encode('資料.csv', 'cp950'), false)).toBe('資料.csv');
  });

  it('refuses an archive without a delimited file', async () => {
    const zip = file('none.zip');
    writeTestZip(zip, [{ name: 'a.pdf', data: Buffer.from('%PDF') }]);
    await expect(convertAny(zip, { to: 'csv' })).rejects.toMatchObject({ code: 'UNSUPPORTED_INPUT' });
  });

  const zeros = deflateRawSync(Buffer.alloc(8 * 1024 * 1024));

  it('stops an entry that inflates past its declared size (ZIP_BOMB)', async () => {
    const zip = file('bomb.zip');
    writeTestZip(zip, [{ name: 'data.csv', data: zeros, deflated: true, declaredSize: 1000 }]);
    expect(statSync(zip).size).toBeLessThan(20_000);
    await expect(convertAny(zip, { to: 'csv' })).rejects.toMatchObject({ code: 'ZIP_BOMB' });
  });

  it('refuses extreme compression ratios and oversized archives (ARCHIVE_TOO_LARGE)', async () => {
    const ratio = file('ratio.zip');
    writeTestZip(ratio, [{ name: 'data.csv', data: zeros, deflated: true, declaredSize: 8 * 1024 * 1024 }]);
    await expect(convertAny(ratio, { to: 'csv' })).rejects.toMatchObject({ code: 'ARCHIVE_TOO_LARGE' });
    const huge = file('huge.zip');
    writeTestZip(huge, [
      { name: 'a.csv', data: Buffer.from(CSV), store: true, declaredSize: 300 * 1024 * 1024 },
      { name: 'b.csv', data: Buffer.from(CSV), store: true, declaredSize: 300 * 1024 * 1024 },
    ]);
    await expect(convertAny(huge, { to: 'csv' })).rejects.toMatchObject({ code: 'ARCHIVE_TOO_LARGE' });
  });
});
