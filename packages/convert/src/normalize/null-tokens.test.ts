import { describe, expect, it } from 'vitest';
import { isNullToken, NULL_TOKENS, nullIfNoValue } from './null-tokens.ts';

describe('null tokens', () => {
  it.each([
    '',
    ' ',
    '\u3000',
    '\t',
    '-',
    '--',
    '—',
    '―',
    '－',
    '無',
    'N/A',
    'n/a',
    '#N/A',
    'NA',
    'null',
    'NULL',
  ])('treats %j as no value', (value) => {
    expect(isNullToken(value)).toBe(true);
    expect(nullIfNoValue(value)).toBeNull();
  });

  it('treats surrounding whitespace as part of nothing', () => {
    expect(isNullToken(' - ')).toBe(true);
    expect(isNullToken('\u3000無\u3000')).toBe(true);
  });

  it.each(['0', '0.0', 'Na', 'none', '無障礙', '-1', '---x', '無資料?'])('keeps %j as a value', (value) => {
    expect(isNullToken(value)).toBe(false);
    expect(nullIfNoValue(value)).toBe(value);
  });

  it('treats null and undefined as no value', () => {
    expect(nullIfNoValue(null)).toBeNull();
    expect(nullIfNoValue(undefined)).toBeNull();
  });

  it('publishes its list of tokens', () => {
    expect(NULL_TOKENS).toContain('無');
    expect(NULL_TOKENS).not.toContain('0');
  });
});
