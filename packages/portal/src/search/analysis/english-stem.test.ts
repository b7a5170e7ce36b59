import { describe, expect, it } from 'vitest';
import { stemEnglishWord } from './english-stem.ts';

describe('stemEnglishWord', () => {
  it.each([
    ['stations', 'station'],
    ['datasets', 'dataset'],
    ['areas', 'area'],
    ['days', 'day'],
    ['cities', 'city'],
    ['facilities', 'facility'],
    ['ties', 'tie'],
    ['classes', 'class'],
    ['addresses', 'address'],
    ['branches', 'branch'],
    ['boxes', 'box'],
    ['taxes', 'tax'],
    ['rates', 'rate'],
  ])('strips the plural of %s', (word, stem) => {
    expect(stemEnglishWord(word)).toBe(stem);
  });

  it.each(['status', 'census', 'analysis', 'address', 'news', 'series', 'species', 'gis', 'bus', 'gas'])(
    'keeps %s',
    (word) => {
      expect(stemEnglishWord(word)).toBe(word);
    },
  );

  it('does not strip -ing or -ed (parking is not park)', () => {
    expect(stemEnglishWord('parking')).toBe('parking');
    expect(stemEnglishWord('building')).toBe('building');
    expect(stemEnglishWord('licensed')).toBe('licensed');
  });

  it('leaves words with digits or non-ASCII letters alone', () => {
    expect(stemEnglishWord('pm25s')).toBe('pm25s');
    expect(stemEnglishWord('cafés')).toBe('cafés');
  });

  it('is idempotent on plurals of plurals', () => {
    for (const w of ['stations', 'cities', 'classes', 'boxes']) {
      expect(stemEnglishWord(stemEnglishWord(w))).toBe(stemEnglishWord(w));
    }
  });
});
