import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';
import { detectEncoding } from './detect-encoding.ts';

/** The real files the portal ships for its demo and tests (copies, original bytes). */
const real = (name: string): Uint8Array =>
  readFileSync(new URL(`../../../portal/demo/real/${name}`, import.meta.url));

describe('detectEncoding and decodeText on real government files', () => {
  it.each([
    ['yilan-catalog-2018-cp950.csv', '資料集名稱'],
    ['dgpa-calendar-114-cp950.csv', '西元日期'],
    ['data-demand-agencies-2019-cp950.csv', '派發機關'],
  ])('reads %s as CP950', (file, word) => {
    const decoded = decodeText(real(file));
    expect(decoded).toMatchObject({ encoding: 'CP950', bom: false, confidence: 'likely' });
    expect(decoded.text).toContain(word);
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('reads the UTF-8 calendar with its BOM, and drops the BOM from the text', () => {
    const decoded = decodeText(real('dgpa-calendar-113-utf8bom.csv'));
    expect(decoded).toMatchObject({ encoding: 'UTF-8', bom: true, confidence: 'bom' });
    expect(decoded.text.startsWith('西元日期,星期')).toBe(true);
  });

  it('reads the two calendar revisions to the same header whatever their encoding', () => {
    const header = (file: string) => decodeText(real(file)).text.split(/\r?\n/)[0];
    expect(header('dgpa-calendar-114-cp950.csv')).toBe(header('dgpa-calendar-113-utf8bom.csv'));
  });

  it.each([
    'yilan-catalog-2018.csv',
    'tainan-catalog-2018.csv',
    'kaohsiung-catalog-2018.csv',
    'metadata-v1-example.json',
  ])('reads %s as UTF-8 without BOM', (file) => {
    expect(detectEncoding(real(file))).toEqual({ encoding: 'UTF-8', bom: false, confidence: 'valid' });
  });

  it('reads the CP950 and UTF-8 copies of the Yilan catalogue to the same titles', () => {
    const cp950 = decodeText(real('yilan-catalog-2018-cp950.csv')).text;
    const utf8 = decodeText(real('yilan-catalog-2018.csv')).text;
    const firstTitle = utf8.split('\n')[0]?.split(',')[0] as string;
    expect(cp950).toContain(firstTitle);
  });
});

describe('detectEncoding on made-up bytes', () => {
  const text = '資料集名稱,提供機關\r\n空氣品質指標,環境部\r\n';

  it('treats empty and pure ASCII input as UTF-8', () => {
    expect(detectEncoding(new Uint8Array())).toMatchObject({ encoding: 'UTF-8', confidence: 'valid' });
    expect(detectEncoding(new TextEncoder().encode('id,name\r\n1,a\r\n'))).toMatchObject({
      encoding: 'UTF-8',
    });
  });

  it('honours UTF-16 byte-order marks', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    expect(decodeText(le)).toEqual({ encoding: 'UTF-16LE', bom: true, confidence: 'bom', text });
    expect(decodeText(be)).toEqual({ encoding: 'UTF-16BE', bom: true, confidence: 'bom', text });
  });

  it('recognises BOM-less UTF-16 of mostly ASCII text by its NUL bytes', () => {
    const ascii = 'id,name,url\r\n1,rain,https://example.gov.tw/a.csv\r\n';
    expect(decodeText(Buffer.from(ascii, 'utf16le'))).toMatchObject({ encoding: 'UTF-16LE', text: ascii });
  });

  it('recognises CP950 made with iconv-lite and decodes it back', () => {
    expect(decodeText(iconv.encode(text, 'cp950'))).toEqual({
      encoding: 'CP950',
      bom: false,
      confidence: 'likely',
      text,
    });
  });

  it('falls back to UTF-8 with replacement characters when nothing fits', () => {
    const bytes = Uint8Array.from([0x61, 0x80, 0x62, 0xff, 0x63]);
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({ encoding: 'UTF-8', bom: false, confidence: 'fallback' });
    expect(decoded.text).toBe('a\uFFFDb\uFFFDc');
  });
});
