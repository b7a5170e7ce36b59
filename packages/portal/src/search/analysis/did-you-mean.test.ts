import { describe, expect, it } from 'vitest';
import { allowedEdits, suggestWord } from './did-you-mean.ts';
import { boundedEditDistance } from './edit-distance.ts';

const vocabulary = new Map<string, number>([
  ['rainfall', 120],
  ['rain', 300],
  ['parking', 80],
  ['park', 200],
  ['station', 150],
  ['population', 90],
  ['pollution', 60],
  ['budget', 70],
  ['bridget', 1],
  ['air', 400],
  ['taipei', 500],
]);

describe('boundedEditDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(boundedEditDistance('rainfal', 'rainfall', 2)).toBe(1);
    expect(boundedEditDistance('parkng', 'parking', 2)).toBe(1);
    expect(boundedEditDistance('sattion', 'station', 2)).toBe(1);
    expect(boundedEditDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedEditDistance('', 'abc', 3)).toBe(3);
    expect(boundedEditDistance('same', 'same', 0)).toBe(0);
  });

  it('stops early once the bound is passed', () => {
    expect(boundedEditDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(boundedEditDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('suggestWord', () => {
  it('suggests the closest known word', () => {
    expect(suggestWord('rainfal', vocabulary)?.word).toBe('rainfall');
    expect(suggestWord('parkng', vocabulary)?.word).toBe('parking');
    expect(suggestWord('Taipie', vocabulary)?.word).toBe('taipei');
    expect(suggestWord('polution', vocabulary)?.word).toBe('pollution');
  });

  it('analyses the word like the index does (case, width, plural)', () => {
    expect(suggestWord('ＲＡＩＮＦＡＬ', vocabulary)?.word).toBe('rainfall');
    expect(suggestWord('statoins', vocabulary)?.word).toBe('station');
  });

  it('prefers the more frequent of equally close words', () => {
    // budgat is one edit from budget (70) and two from bridget (1).
    expect(suggestWord('budgat', vocabulary)).toEqual({ word: 'budget', distance: 1, frequency: 70 });
    const tie = new Map([
      ['cart', 5],
      ['card', 50],
    ]);
    expect(suggestWord('carx', tie)?.word).toBe('card');
  });

  it('suggests nothing for known words, short words, numbers, CJK or far-off words', () => {
    expect(suggestWord('rainfall', vocabulary)).toBeUndefined();
    expect(suggestWord('rainfalls', vocabulary)).toBeUndefined(); // stems to a known word
    expect(suggestWord('ari', vocabulary)).toBeUndefined();
    expect(suggestWord('12345', vocabulary)).toBeUndefined();
    expect(suggestWord('雨量', vocabulary)).toBeUndefined();
    expect(suggestWord('xylophone', vocabulary)).toBeUndefined();
    expect(suggestWord('', vocabulary)).toBeUndefined();
    expect(suggestWord('two words', vocabulary)).toBeUndefined();
  });

  it('allows more edits for longer words', () => {
    expect([2, 3, 4, 5, 6, 12].map(allowedEdits)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(suggestWord('rian', vocabulary)?.word).toBe('rain'); // 4 letters: one transposition
    expect(suggestWord('rxxn', vocabulary)).toBeUndefined(); // 4 letters: two edits is too many
  });

  it('accepts any iterable of [word, frequency]', () => {
    expect(suggestWord('rainfal', [['rainfall', 1] as const])?.word).toBe('rainfall');
  });
});
