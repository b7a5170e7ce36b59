import { describe, expect, it } from 'vitest';
import { parseQuery } from './analysis/index.ts';
import { matchablePhrases, textTerms } from './search-conditions.ts';

describe('matchablePhrases', () => {
  it('cuts out lone CJK characters the index keeps only as unigrams', () => {
    expect(matchablePhrases(['107', '年'])).toEqual([['107'], ['年']]);
    expect(matchablePhrases(['第', '2', '屆'])).toEqual([['第'], ['2'], ['屆']]);
    expect(matchablePhrases(['5', '歲以', '以上'])).toEqual([['5', '歲以', '以上']]);
    expect(matchablePhrases(['實價', '價登', '登錄'])).toEqual([['實價', '價登', '登錄']]);
  });

  it('keeps a one-character query as it is', () => {
    expect(matchablePhrases(['水'])).toEqual([['水']]);
  });

  it('applies to the free-text terms of a parsed query', () => {
    expect(textTerms(parseQuery('１０５年 火災')).map((t) => t.tokens)).toEqual([['105'], ['年'], ['火災']]);
  });
});
