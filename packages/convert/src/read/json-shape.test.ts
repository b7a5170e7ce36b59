import { describe, expect, it } from 'vitest';
import { chooseJsonShape, MAX_RECORD_VALUES, type JsonArrayOutline, type JsonOutline } from './json-shape.ts';

const outline = (largest: Partial<JsonArrayOutline>, values = 100): JsonOutline => ({
  root: 'object',
  rootProperties: 10,
  values,
  largest: {
    keys: ['items'],
    objects: 3,
    values: 21,
    holderKeys: [],
    holderFields: 32,
    holderValues: values,
    ...largest,
  },
});

describe('chooseJsonShape', () => {
  it('takes a holder with many fields of its own and a short, narrow array for one record', () => {
    expect(chooseJsonShape(outline({})).kind).toBe('record');
  });

  it.each([
    ['too few fields of its own', { holderFields: 7 }],
    ['items wider than the holder', { holderFields: 10, objects: 2, values: 30 }],
    ['more items than fields', { holderFields: 10, objects: 11, values: 22 }],
    ['too many values for one row', { holderValues: MAX_RECORD_VALUES + 1 }],
  ])('reads the rows when there are %s', (_why, largest) => {
    expect(chooseJsonShape(outline(largest))).toMatchObject({ kind: 'rows', keys: ['items'] });
  });

  it('refuses an object too large for one record that holds no array', () => {
    const huge: JsonOutline = {
      root: 'object',
      rootProperties: 1,
      values: MAX_RECORD_VALUES + 1,
      largest: undefined,
    };
    expect(chooseJsonShape(huge)).toMatchObject({ kind: 'none', reason: expect.stringMatching(/too many/) });
  });

  it('reads a root array as rows without a warning', () => {
    expect(chooseJsonShape({ root: 'array', rootProperties: 0, values: 0, largest: undefined })).toEqual({
      kind: 'rows',
      keys: [],
    });
  });
});
