import { describe, expect, it } from 'vitest';
import {
  fts5Prefix,
  matchPrefix,
  readSuggestionPrefix,
  SUGGEST_PREFIX_CHARS,
  tsPrefixQuery,
} from './suggestion-prefix.ts';

describe('readSuggestionPrefix', () => {
  it('reads CJK as complete characters and the last Latin word as unfinished', () => {
    expect(readSuggestionPrefix('臺北市停')).toMatchObject({
      phrases: [['台北', '北市', '市停']],
      partial: false,
      start: '台北 北市 市停 ',
    });
    expect(readSuggestionPrefix('ＹｏｕＢ')).toMatchObject({
      phrases: [['youb']],
      partial: true,
      start: 'youb',
    });
    expect(readSuggestionPrefix('youb ')).toMatchObject({ partial: false, start: 'youb ' });
    // One character begins a bigram: 台 begins 台北.
    expect(readSuggestionPrefix('台')).toMatchObject({ phrases: [['台']], partial: false, start: '台' });
  });

  it('matches what the typed form of an unfinished plural and its stem share', () => {
    expect(readSuggestionPrefix('stations').phrases).toEqual([['station']]);
    expect(matchPrefix('bus stations', readSuggestionPrefix('statio')).matches).toBe(true);
  });

  it('reads nothing from input without letters or digits, and only the start of long input', () => {
    for (const q of ['', '   ', '!!!', '* ^ : ( ) "']) expect(readSuggestionPrefix(q).phrases).toEqual([]);
    expect([...readSuggestionPrefix('臺'.repeat(10_000)).text]).toHaveLength(SUGGEST_PREFIX_CHARS);
  });

  it('builds the FTS5 and tsquery forms from tokens only', () => {
    const prefix = readSuggestionPrefix('107年 youb"');
    expect(prefix.partial).toBe(false);
    const open = readSuggestionPrefix('107年 youb');
    expect(fts5Prefix(open, 'title')).toBe('title : "107" AND title : "年" AND title : "youb" *');
    expect(tsPrefixQuery(open, 'A')).toBe('(107:A) & (年:A) & (youb:*A)');
  });
});

describe('matchPrefix', () => {
  it('matches across 臺/台, simplified and full-width forms, and tells a beginning from the middle', () => {
    expect(matchPrefix('臺北市停車場', readSuggestionPrefix('台北'))).toEqual({
      matches: true,
      begins: true,
    });
    expect(matchPrefix('新北市停車場', readSuggestionPrefix('停车'))).toEqual({
      matches: true,
      begins: false,
    });
    expect(matchPrefix('ＣＳＶ格式', readSuggestionPrefix('cs'))).toEqual({ matches: true, begins: true });
    expect(matchPrefix('停車場', readSuggestionPrefix('車停'))).toEqual({ matches: false, begins: false });
    expect(matchPrefix('YouBike', readSuggestionPrefix('youbike '))).toEqual({ matches: true, begins: true });
    expect(matchPrefix('YouBikes', readSuggestionPrefix('youbikex'))).toEqual({
      matches: false,
      begins: false,
    });
  });
});
