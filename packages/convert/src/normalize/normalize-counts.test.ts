import { describe, expect, it } from 'vitest';
import { addNormalizeCounts, emptyNormalizeCounts, isUnchanged } from './normalize-counts.ts';

describe('NormalizeCounts', () => {
  it('starts at zero for every normaliser', () => {
    expect(emptyNormalizeCounts()).toEqual({
      rocDates: 0,
      fullWidth: 0,
      coordinates: 0,
      nulls: 0,
      trimmed: 0,
      droppedRows: 0,
    });
    expect(isUnchanged(emptyNormalizeCounts())).toBe(true);
  });

  it('adds two tallies without touching either', () => {
    const a = { ...emptyNormalizeCounts(), rocDates: 366, nulls: 2 };
    const b = { ...emptyNormalizeCounts(), rocDates: 300, coordinates: 78, droppedRows: 1 };
    expect(addNormalizeCounts(a, b)).toEqual({
      rocDates: 666,
      fullWidth: 0,
      coordinates: 78,
      nulls: 2,
      trimmed: 0,
      droppedRows: 1,
    });
    expect(a.rocDates).toBe(366);
    expect(isUnchanged(b)).toBe(false);
  });

  it('hands out a fresh object each time', () => {
    const first = emptyNormalizeCounts();
    first.trimmed += 1;
    expect(emptyNormalizeCounts().trimmed).toBe(0);
  });
});
