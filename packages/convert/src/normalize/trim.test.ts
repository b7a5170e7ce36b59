import { describe, expect, it } from 'vitest';
import { trimCell } from './trim.ts';

describe('trimCell', () => {
  it('trims half-width and full-width spaces, tabs and newlines', () => {
    expect(trimCell('  臺東市 ')).toBe('臺東市');
    expect(trimCell('\u3000\u3000臺東市\u3000')).toBe('臺東市');
    expect(trimCell('\t臺東市\r\n')).toBe('臺東市');
    expect(trimCell('\u00A0123\u00A0')).toBe('123');
  });

  it('removes zero-width spaces and BOMs wherever they are', () => {
    expect(trimCell('\uFEFF主管機關')).toBe('主管機關');
    expect(trimCell('臺東\u200B市')).toBe('臺東市');
    expect(trimCell('12\uFEFF34')).toBe('1234');
    expect(trimCell('\u200B \u200B')).toBe('');
  });

  it('keeps inner spaces and joiners that carry meaning', () => {
    expect(trimCell(' 臺北市 中正區 ')).toBe('臺北市 中正區');
    expect(trimCell('👨\u200D👩')).toBe('👨\u200D👩');
    expect(trimCell('\u200Dabc\u200C')).toBe('abc');
  });

  it('leaves clean values and empty strings as they are', () => {
    expect(trimCell('')).toBe('');
    expect(trimCell('0')).toBe('0');
  });
});
