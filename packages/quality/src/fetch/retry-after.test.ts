import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './retry-after.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T00:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date, a past date giving 0', () => {
    expect(parseRetryAfter('Wed, 01 May 2024 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 30 Apr 2024 23:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles', () => {
    expect([0, 1, 2].map((attempt) => backoffDelay(attempt, 100))).toEqual([100, 200, 400]);
  });
});
