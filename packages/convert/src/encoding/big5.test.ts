import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { looksLikeBig5, measureBig5 } from './big5.ts';

describe('measureBig5', () => {
  it('counts pairs, invalid bytes and common characters', () => {
    // 臺灣 are common hanzi, ， a symbol; 0x80 can never start a character.
    const bytes = Buffer.concat([iconv.encode('臺灣，a', 'cp950'), Buffer.from([0x80])]);
    expect(measureBig5(bytes)).toEqual({ pairs: 3, invalid: 1, common: 3 });
  });

  it('does not take UTF-8 Chinese for Big5', () => {
    // UTF-8 trail bytes 0x80–0xBF mostly break Big5 structure or land outside the common block.
    expect(looksLikeBig5(Buffer.from('資料集名稱與提供機關的聯絡電話', 'utf8'))).toBe(false);
  });

  it('does not take Latin-1 accents for Big5', () => {
    expect(looksLikeBig5(Buffer.from('café, naïve, déjà vu', 'latin1'))).toBe(false);
  });

  it('takes ordinary Chinese in CP950 for Big5', () => {
    expect(looksLikeBig5(iconv.encode('宜蘭縣最新人口數及戶數統計表，民政處戶政科', 'cp950'))).toBe(true);
  });
});
