import { describe, expect, it } from 'vitest';
import {
  INDEX_GAP_TOKEN,
  indexTokens,
  indexText,
  MAX_WORD_LENGTH,
  phraseTokens,
  tokenRuns,
} from './tokenize.ts';

/** True when the query tokens all occur in the index tokens of the title. */
function found(query: string, title: string): boolean {
  const index = new Set(indexTokens(title));
  return phraseTokens(query).every((token) => index.has(token));
}

/** True when the query's phrase sequence occurs consecutively in the title's index tokens. */
function phraseFound(query: string, title: string): boolean {
  const index = indexTokens(title);
  const phrase = phraseTokens(query);
  return index.some((_, start) => phrase.every((token, k) => index[start + k] === token));
}

describe('indexTokens', () => {
  it('gives overlapping bigrams, then a gap, then each character once', () => {
    expect(indexTokens('臺北市雨量')).toEqual([
      '台北',
      '北市',
      '市雨',
      '雨量',
      INDEX_GAP_TOKEN,
      '台',
      '北',
      '市',
      '雨',
      '量',
    ]);
    expect(indexTokens('水水')).toEqual(['水水', INDEX_GAP_TOKEN, '水']);
  });

  it('makes 臺北 and 台北 the same tokens', () => {
    expect(indexTokens('臺北市停車場')).toEqual(indexTokens('台北市停車場'));
  });

  it('makes simplified 台湾 the same tokens as 臺灣 and 台灣', () => {
    expect(indexTokens('台湾')).toEqual(indexTokens('臺灣'));
    expect(indexTokens('台湾')).toEqual(indexTokens('台灣'));
    expect(phraseTokens('台湾')).toEqual(['台灣']);
  });

  it('folds full-width forms: ＣＳＶ → csv, １２３ → 123', () => {
    expect(indexTokens('ＣＳＶ １２３')).toEqual(['csv', '123']);
    expect(indexTokens('ＣＳＶ')).toEqual(indexTokens('csv'));
  });

  it('lets one- and two-character queries find titles that contain them', () => {
    const title = '臺北市各區雨量站地價資料';
    for (const q of ['雨', '量', '雨量', '地價', '台北', '臺北', '各區']) expect(found(q, title)).toBe(true);
    expect(found('水', '自來水水質')).toBe(true);
    expect(found('水', title)).toBe(false);
    expect(found('地价', title)).toBe(true); // simplified 2-character query
  });

  it('turns long words into a bigram phrase sequence that matches only as a phrase', () => {
    expect(phraseTokens('不動產實價登錄')).toEqual(['不動', '動產', '產實', '實價', '價登', '登錄']);
    expect(phraseFound('實價登錄', '內政部不動產實價登錄資料')).toBe(true);
    expect(phraseFound('不动产实价登录', '內政部不動產實價登錄資料')).toBe(true);
    expect(phraseFound('實價登錄', '實價查詢及登錄')).toBe(false);
  });

  it('uses a gap token that no text or query can produce', () => {
    expect(indexTokens(INDEX_GAP_TOKEN)).toEqual(['gap']);
    expect(INDEX_GAP_TOKEN).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(INDEX_GAP_TOKEN).toBe(INDEX_GAP_TOKEN.toLowerCase());
  });

  it('does not let a phrase run on into the unigrams', () => {
    // The last bigram 量站 followed by the unigram 雨 would match "雨量站雨" without the gap.
    expect(phraseFound('雨量站 雨', '雨量站')).toBe(false);
  });

  it('splits Latin and digit runs into stemmed words and drops punctuation', () => {
    expect(indexTokens('Parking Stations (PM2.5) — Taipei/Kaohsiung, e-mail & Q&A!')).toEqual([
      'parking',
      'station',
      'pm2',
      '5',
      'taipei',
      'kaohsiung',
      'e',
      'mail',
      'q',
      'a',
    ]);
    expect(indexTokens('Café rainfall_data')).toEqual(['cafe', 'rainfall', 'data']);
  });

  it('separates CJK and Latin runs that touch', () => {
    expect(phraseTokens('3+2碼郵遞區號')).toEqual(['3', '2', '碼郵', '郵遞', '遞區', '區號']);
    expect(phraseTokens('iTaiwan熱點')).toEqual(['itaiwan', '熱點']);
    expect(phraseTokens('CNS11643中文')).toEqual(['cns11643', '中文']);
  });

  it('handles characters outside the BMP and combining marks', () => {
    expect(phraseTokens('𠀋𡘙村')).toEqual(['𠀋𡘙', '𡘙村']);
    expect(phraseTokens('葛\u{E0100}城')).toEqual(['葛城']); // ideographic variation selector
  });

  it('cuts very long words', () => {
    const [token] = indexTokens('a'.repeat(500));
    expect(token).toHaveLength(MAX_WORD_LENGTH);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(indexTokens('')).toEqual([]);
    expect(indexTokens(' *^:()"\';-- ')).toEqual([]);
    expect(indexText('、。「」')).toBe('');
  });

  it('treats kana and Hangul as CJK', () => {
    expect(tokenRuns('データ 서울').map((r) => r.kind)).toEqual(['cjk', 'cjk']);
  });

  it('produces only letter-and-number tokens, lower-case', () => {
    const tokens = indexTokens('臺北市ＡＢＣ Café Σίσυφος ǅ ﬁ ＰＭ２．５ 台湾 葛\u{E0100}城 データ');
    for (const token of tokens) {
      expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
      expect(token).toBe(token.toLowerCase());
    }
  });
});
