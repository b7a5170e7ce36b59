import { describe, expect, it } from 'vitest';
import { isSafeHighlight } from '../features/pages/views/common.tsx';
import { localePath, splitLocale } from './locale.ts';
import { en } from './messages.en.ts';
import { zhTW } from './messages.zh-TW.ts';

describe('languages', () => {
  it('maps a page path to each language and back', () => {
    expect(localePath('zh-TW', '/datasets?q=1')).toBe('/datasets?q=1');
    expect(localePath('en', '/datasets?q=1')).toBe('/en/datasets?q=1');
    expect(localePath('en', '/')).toBe('/en');
    expect(localePath('en', '/?a=1')).toBe('/en?a=1');
    expect(splitLocale('/en/dataset/1')).toEqual({ locale: 'en', path: '/dataset/1' });
    expect(splitLocale('/en')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/en?x=1')).toEqual({ locale: 'en', path: '/?x=1' });
    expect(splitLocale('/entries')).toEqual({ locale: 'zh-TW', path: '/entries' });
  });

  it('has the same message keys in both catalogues, none empty', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v !== null && typeof v === 'object' && !Array.isArray(v)
          ? keys(v as object, `${prefix}${k}.`)
          : [`${prefix}${k}`],
      );
    expect(keys(en)).toEqual(keys(zhTW));
    const empty = (o: object): boolean =>
      Object.values(o).some((v) => v === '' || (v !== null && typeof v === 'object' && empty(v as object)));
    expect(empty(zhTW)).toBe(false);
    expect(empty(en)).toBe(false);
  });
});

describe('search highlights', () => {
  it('trusts only escaped text with <mark>', () => {
    expect(isSafeHighlight('測試<mark>雨量</mark> &amp; &lt;b&gt;')).toBe(true);
    expect(isSafeHighlight('<b>x</b>')).toBe(false);
    expect(isSafeHighlight('<mark onclick="x">a</mark>')).toBe(false);
    expect(isSafeHighlight('a & b')).toBe(false);
    expect(isSafeHighlight('&#x3c;script')).toBe(false);
  });
});
