import { describe, expect, it } from 'vitest';
import { classifyCoordinatePair, parseCoordinate } from './coordinate-pair.ts';

describe('classifyCoordinatePair', () => {
  it('recognises TWD97 X/Y and WGS84 lon/lat, either way round', () => {
    expect(classifyCoordinatePair(265_059.16, 2_517_127.71)).toBe('twd97');
    expect(classifyCoordinatePair(2_517_127.71, 265_059.16)).toBe('twd97-swapped');
    expect(classifyCoordinatePair(121.15, 22.75)).toBe('wgs84');
    expect(classifyCoordinatePair(22.75, 121.15)).toBe('wgs84-swapped');
  });

  it('covers Kinmen and Matsu', () => {
    expect(classifyCoordinatePair(118.32, 24.43)).toBe('wgs84');
    expect(classifyCoordinatePair(119.95, 26.16)).toBe('wgs84');
    expect(classifyCoordinatePair(318_000, 2_894_000)).toBe('twd97');
  });

  it('rejects what is no coordinate in or around Taiwan', () => {
    expect(classifyCoordinatePair(0, 0)).toBeUndefined();
    expect(classifyCoordinatePair(139.7, 35.7)).toBeUndefined(); // Tokyo
    expect(classifyCoordinatePair(34, 28)).toBeUndefined();
    expect(classifyCoordinatePair(265_059, 2_100_000)).toBeUndefined();
    expect(classifyCoordinatePair(Number.NaN, 23)).toBeUndefined();
  });
});

describe('parseCoordinate', () => {
  it('reads numbers, full-width digits and thousands separators', () => {
    expect(parseCoordinate('265059.16')).toBe(265_059.16);
    expect(parseCoordinate(' ２６５０５９．１６ ')).toBe(265_059.16);
    expect(parseCoordinate('2,517,127.71')).toBe(2_517_127.71);
    expect(parseCoordinate('-0.5')).toBe(-0.5);
  });

  it('returns null for empty cells and text', () => {
    expect(parseCoordinate('')).toBeNull();
    expect(parseCoordinate(null)).toBeNull();
    expect(parseCoordinate('N/A')).toBeNull();
    expect(parseCoordinate('121°30′')).toBeNull();
    expect(parseCoordinate('1e5')).toBeNull();
  });
});
