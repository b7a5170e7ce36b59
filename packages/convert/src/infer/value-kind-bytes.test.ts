import { describe, expect, it } from 'vitest';
import {
  codeEvidenceOfBytes,
  codeOfBytes,
  numberShapeOfBytes,
  plainNumberOfBytes,
  rocDateOfBytes,
} from './value-kind-bytes.ts';
import {
  isCodeEvidence,
  isCodeValue,
  isFractionValue,
  isIntegerValue,
  isRocDateValue,
  numberValue,
} from './value-kind.ts';

/** ASCII cells around every boundary of the tests. */
const VALUES = [
  ...['0', '7', '-12', '+5', '-0', '007', '.5', '5.', '-.5', '+.5', '1.2.3', '--1', '+', '-', '.'],
  ...['1,234', '1e5', '1.5E-3', '12345678901234', '123456789012345', '1234567890123456', '0.000000000000001'],
  ...['250000.25', '2500000.75', '121.1234567', '999999999999999', '0.1', '0.30000000000000004'],
  ...[
    '0937600483',
    '089-325301',
    '(02)2331-1312',
    '(x',
    '(',
    '+886 2',
    '12 34',
    '03-99#808',
    '1a',
    'a1',
    '#1',
  ],
  ...[
    '1081111',
    '0980101',
    '1080229',
    '1090229',
    '2001231',
    '0000101',
    '1081301',
    '108111',
    '10811111',
    'x081111',
  ],
];

const bytesOf = (value: string) => {
  const b = Buffer.from(`;${value};`, 'latin1');
  return [b, 1, b.length - 1] as const;
};

describe('value tests on ASCII bytes', () => {
  it.each(VALUES)('%s: each answers as its string twin or leaves it to the twin', (value) => {
    const shape = numberShapeOfBytes(...bytesOf(value));
    if (shape !== -1 && /^[-+.\d]/.test(value)) {
      expect(shape === 1).toBe(isIntegerValue(value));
      expect(shape === 2).toBe(!isIntegerValue(value) && isFractionValue(value));
    }
    if (shape === 1 || shape === 2) {
      const number = plainNumberOfBytes(...bytesOf(value));
      if (!Number.isNaN(number)) expect(Object.is(number, numberValue(value))).toBe(true);
    }
    const code = codeOfBytes(...bytesOf(value));
    if (code !== -1) expect(code === 1).toBe(isCodeValue(value));
    if (isCodeValue(value)) expect(codeEvidenceOfBytes(...bytesOf(value))).toBe(isCodeEvidence(value));
    const roc = rocDateOfBytes(...bytesOf(value));
    if (roc !== -1) expect(roc === 1).toBe(isRocDateValue(value));
  });

  it('decides the common shapes itself', () => {
    expect(['7', '250000.25', '-0.5'].map((v) => numberShapeOfBytes(...bytesOf(v)))).toEqual([1, 2, 2]);
    expect(numberShapeOfBytes(...bytesOf('1,234'))).toBe(-1);
    expect(plainNumberOfBytes(...bytesOf('1234567890123456'))).toBeNaN();
    expect(codeOfBytes(...bytesOf('089-325301'))).toBe(1);
    expect(codeOfBytes(...bytesOf('12a'))).toBe(-1);
    expect(rocDateOfBytes(...bytesOf('1080229'))).toBe(0);
    expect(rocDateOfBytes(...bytesOf('1090229'))).toBe(1);
  });
});
