import { describe, expect, it } from 'vitest';
import { retryDelaySecondsAfter } from './retry-backoff.ts';

describe('retry back-off', () => {
  it('doubles the delay with each failed attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelaySecondsAfter(5, attempt))).toEqual([5, 10, 20, 40]);
  });

  it('retries at once without a delay, and caps the exponent', () => {
    expect(retryDelaySecondsAfter(0, 3)).toBe(0);
    expect(retryDelaySecondsAfter(1, 100)).toBe(2 ** 16);
  });
});
