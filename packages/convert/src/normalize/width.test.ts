import { describe, expect, it } from 'vitest';
import { hasFullWidth, toHalfWidth } from './width.ts';

describe('toHalfWidth', () => {
  it('turns full-width letters, digits and punctuation into half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３，（）')).toBe('ABC123,()');
    expect(toHalfWidth('ａｚ！～＠＃％＆＊＋－／：；＜＝＞？［］｛｝')).toBe('az!~@#%&*+-/:;<=>?[]{}');
    expect(toHalfWidth('￥１００')).toBe('¥100');
  });

  it('turns the full-width space into a space', () => {
    expect(toHalfWidth('臺北市\u3000中正區')).toBe('臺北市 中正區');
  });

  it('leaves CJK characters and CJK punctuation alone, and does not fold 台/臺', () => {
    const text = '臺東縣台東市大學路2段369號、「收容所」。';
    expect(toHalfWidth(text)).toBe(text);
    expect(toHalfWidth('台北')).toBe('台北');
    expect(toHalfWidth('臺北')).toBe('臺北');
  });

  it('mixes: converts only what is full-width', () => {
    expect(toHalfWidth('土地1建物１車位２（坡道）')).toBe('土地1建物1車位2(坡道)');
    expect(toHalfWidth('')).toBe('');
  });

  it('tells whether a value has anything to convert', () => {
    expect(hasFullWidth('ＡＢＣ')).toBe(true);
    expect(hasFullWidth('a\u3000b')).toBe(true);
    expect(hasFullWidth('臺北市ABC')).toBe(false);
  });
});
