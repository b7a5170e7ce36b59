import { describe, expect, it } from 'vitest';
import { parseQuery, QUERY_LIMITS, type ParsedQuery } from './parse-query.ts';
import { INDEX_GAP_TOKEN } from './tokenize.ts';

const TOKEN = /^[\p{L}\p{N}]+$/u;

function allTokens(parsed: ParsedQuery): string[] {
  return [...parsed.terms, ...parsed.excluded, ...parsed.filters].flatMap((c) => c.tokens);
}

describe('parseQuery', () => {
  it('ANDs free-text words, each with its tokens', () => {
    const parsed = parseQuery('雨量 臺北市 stations');
    expect(parsed.terms).toEqual([
      { text: '雨量', tokens: ['雨量'], quoted: false },
      { text: '台北市', tokens: ['台北', '北市'], quoted: false },
      { text: 'stations', tokens: ['station'], quoted: false },
    ]);
    expect(parsed).toMatchObject({ excluded: [], filters: [], truncated: false });
  });

  it('reads quoted phrases and exclusions of words and phrases', () => {
    const parsed = parseQuery('"實價 登錄" -預售 -"測試 資料"');
    expect(parsed.terms).toEqual([{ text: '實價 登錄', tokens: ['實價', '登錄'], quoted: true }]);
    expect(parsed.excluded.map((t) => t.tokens)).toEqual([['預售'], ['測試', '資料']]);
  });

  it('accepts Chinese and typographic quotes', () => {
    expect(parseQuery('「實價登錄」').terms[0]).toMatchObject({ quoted: true, text: '實價登錄' });
    expect(parseQuery('“air quality”').terms[0]).toMatchObject({ quoted: true, tokens: ['air', 'quality'] });
  });

  it('reads field filters, with aliases, quotes and negation', () => {
    const parsed = parseQuery(
      'title:停車場 agency:臺北市 org:"交通 部" format:csv FORMAT:.Json -format:pdf category:交通 keyword:公車 tag:bus 機關:環保署',
    );
    expect(parsed.terms).toEqual([]);
    expect(parsed.filters).toEqual([
      { field: 'title', negated: false, value: '停車場', tokens: ['停車', '車場'] },
      { field: 'agency', negated: false, value: '台北市', tokens: ['台北', '北市'] },
      { field: 'agency', negated: false, value: '交通 部', tokens: ['交通', '部'] },
      { field: 'format', negated: false, value: 'CSV', tokens: ['csv'] },
      { field: 'format', negated: false, value: 'JSON', tokens: ['json'] },
      { field: 'format', negated: true, value: 'PDF', tokens: ['pdf'] },
      { field: 'category', negated: false, value: '交通', tokens: ['交通'] },
      { field: 'keyword', negated: false, value: '公車', tokens: ['公車'] },
      { field: 'keyword', negated: false, value: 'bus', tokens: ['bus'] },
      { field: 'agency', negated: false, value: '環保署', tokens: ['環保', '保署'] },
    ]);
  });

  it('treats unknown prefixes and empty filters as free text', () => {
    expect(parseQuery('http://example.com').terms[0]!.tokens).toEqual(['http', 'example', 'com']);
    expect(parseQuery('foo:bar').terms[0]!.tokens).toEqual(['foo', 'bar']);
    expect(parseQuery('title: 雨量')).toMatchObject({ filters: [], terms: [{ tokens: ['雨量'] }] });
    expect(parseQuery('format:!!!').filters).toEqual([]);
  });

  it('folds full-width input: ＣＳＶ, full-width colon, quotes and minus', () => {
    const parsed = parseQuery('ｆｏｒｍａｔ：ＣＳＶ －測試 ＂雨量　站＂ １２３');
    expect(parsed.filters).toEqual([{ field: 'format', negated: false, value: 'CSV', tokens: ['csv'] }]);
    expect(parsed.excluded[0]!.tokens).toEqual(['測試']);
    expect(parsed.terms.map((t) => t.tokens)).toEqual([['雨量', '站'], ['123']]);
  });

  it('converts simplified input and 臺/台 in every clause', () => {
    expect(parseQuery('台湾 -台风 agency:台北市').terms[0]!.tokens).toEqual(['台灣']);
    expect(parseQuery('台湾 -台风').excluded[0]!.tokens).toEqual(['颱風']);
    expect(parseQuery('agency:臺北市').filters[0]!.value).toBe(parseQuery('agency:台北市').filters[0]!.value);
  });

  it('handles operators: AND is the default, OR and NEAR are ignored, NOT excludes', () => {
    const parsed = parseQuery('rain AND fall OR snow NEAR ice NOT hail');
    expect(parsed.terms.map((t) => t.text)).toEqual(['rain', 'fall', 'snow', 'ice']);
    expect(parsed.excluded.map((t) => t.text)).toEqual(['hail']);
    expect(parseQuery('not and or').terms.map((t) => t.text)).toEqual(['not']);
  });

  it('drops English stopwords unless nothing else is left', () => {
    expect(parseQuery('the parks and recreation').terms.map((t) => t.text)).toEqual(['parks', 'recreation']);
    expect(parseQuery('the').terms.map((t) => t.text)).toEqual(['the']);
    expect(parseQuery('"parks and recreation"').terms[0]!.tokens).toEqual(['park', 'and', 'recreation']);
  });

  it('drops duplicate terms', () => {
    expect(parseQuery('臺北 台北 台北').terms).toHaveLength(1);
  });

  it('keeps an unbalanced quote as a phrase to the end', () => {
    expect(parseQuery('雨量 "測站 資料').terms).toEqual([
      { text: '雨量', tokens: ['雨量'], quoted: false },
      { text: '測站 資料', tokens: ['測站', '資料'], quoted: true },
    ]);
    expect(parseQuery('"').terms).toEqual([]);
    expect(parseQuery('"""').terms).toEqual([]);
    expect(parseQuery('title:"停車').filters[0]!.tokens).toEqual(['停車']);
  });

  describe('bad input', () => {
    const inputs: [string, unknown][] = [
      ['empty', ''],
      ['blank', '   \t\n '],
      ['only punctuation', '!@#$%^&*()_+=[]{}|\\;:\'",.<>/?~`，。、；：？！'],
      ['FTS5 syntax', '* ^ : ( ) NEAR AND OR NOT \' " ; --'],
      ['FTS5 expression', 'title:雨* AND (NEAR(a b, 3) OR ^c) NOT "d e"*'],
      ['SQL injection', '\'; DROP TABLE datasets; -- " OR 1=1 --'],
      ['lone dashes', '- -- --- -"'],
      ['10 KB string', '雨量 '.repeat(3000)],
      ['10 KB of one word', 'a'.repeat(10_000)],
      ['10 KB of quotes', '"'.repeat(10_000)],
      ['many clauses', Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')],
      ['long CJK run', '雨'.repeat(200)],
      ['lone surrogates', '\ud800\udc00\ud800 雨量 \udfff'],
      ['control characters', '\u0000\u0001雨量\u0007\u001b[31m'],
      ['expanding NFKC', '\ufdfa'.repeat(300)],
      ['the index gap token', `${INDEX_GAP_TOKEN} "${INDEX_GAP_TOKEN}"`],
      ['not a string', 42],
      ['null', null],
    ];

    it.each(inputs)('never throws, stays bounded, tokens only: %s', (_label, input) => {
      const parsed = parseQuery(input as string);
      const clauses = parsed.terms.length + parsed.excluded.length + parsed.filters.length;
      expect(clauses).toBeLessThanOrEqual(QUERY_LIMITS.maxClauses);
      for (const clause of [...parsed.terms, ...parsed.excluded, ...parsed.filters]) {
        expect(clause.tokens.length).toBeGreaterThan(0);
        expect(clause.tokens.length).toBeLessThanOrEqual(QUERY_LIMITS.maxTokensPerClause);
      }
      for (const token of allTokens(parsed)) {
        expect(token).toMatch(TOKEN);
        expect(token).not.toBe(INDEX_GAP_TOKEN);
      }
    });

    it('returns nothing to search for when there is nothing to search for', () => {
      for (const q of ['', '   ', '* ^ : ( ) NEAR AND OR NOT \' " ; --', '、。']) {
        expect(parseQuery(q)).toEqual({ terms: [], excluded: [], filters: [], truncated: false });
      }
    });

    it('keeps the words of SQL-looking input as plain tokens', () => {
      const parsed = parseQuery("'; DROP TABLE datasets; --");
      expect(parsed.terms.map((t) => t.tokens)).toEqual([['drop'], ['table'], ['dataset']]);
    });

    it('says when it truncated', () => {
      expect(parseQuery('雨量 '.repeat(3000)).truncated).toBe(true);
      expect(parseQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')).truncated).toBe(true);
      expect(parseQuery('雨'.repeat(200)).truncated).toBe(true);
      expect(parseQuery('雨量 地價').truncated).toBe(false);
    });
  });
});
