/**
 * The search tokenizer: turns text into the tokens that are stored in the index and the
 * tokens a query looks for. Input goes through normaliseText first, so both sides agree.
 *
 * - CJK runs (Han, kana, Hangul, Bopomofo) become overlapping bigrams, in order (臺北市 →
 *   台北 北市), plus every character once as a unigram (台 北 市), so that one-character
 *   (水) and two-character (雨量, 地價) queries both find their titles without a word
 *   segmenter. A one-character run is its own phrase token.
 * - Latin/digit runs become words: lower-cased (by normaliseText), accents stripped
 *   (café → cafe), final sigma folded (ς → σ, as SQLite does), cut to 64 characters and
 *   stemmed (plurals only: see english-stem.ts).
 * - Everything else (punctuation, symbols, spaces, `_`) separates tokens and is dropped.
 *   Digits and letters are one run (pm2 stays pm2) but `2.5` is two tokens, 2 and 5.
 *
 * Token contract (see docs/search.md): every token is a non-empty string of Unicode
 * letters and numbers only (\p{L}\p{N}), already lower-case and without combining marks.
 * Stored as the tokens joined by single spaces, such text is read back unchanged by
 * SQLite FTS5's `unicode61 remove_diacritics 0` tokenizer and by PostgreSQL's
 * `to_tsvector('simple', …)`.
 */
import { stemEnglishWord } from './english-stem.ts';
import { normaliseText } from './normalise-text.ts';

/** Longest Latin/digit token kept; longer runs are cut (PostgreSQL's limit is 2,047 bytes). */
export const MAX_WORD_LENGTH = 64;

/**
 * Written between the phrase sequence and the unigrams in indexTokens, so that no phrase
 * can match across that seam. Full-width lower-case letters: NFKC turns every full-width
 * letter into ASCII, so no text or query ever yields this token, while both engines keep
 * it as an ordinary word (category Ll; PostgreSQL counts it as a position). A private-use
 * character would not do: PostgreSQL drops it without taking a position.
 */
export const INDEX_GAP_TOKEN = 'ｇａｐ';

const CJK_CHAR =
  /^(?=[\p{L}\p{N}])[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u30FC]$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const MARK_CHAR = /^\p{M}$/u;
const MARKS = /\p{M}/gu;
const ASCII_ONLY = /^[ -~]*$/; // a word run holds only letters, numbers and marks

const SEPARATOR = 1;
const WORD = 2;
const CJK = 3;
/** Combining marks continue the run they follow (é in NFD, kana sound marks); else separate. */
const MARK = 4;

/** Character classes by code point, filled on first sight (0 = not yet classified). */
const classes = new Uint8Array(0x110000);

function classify(codePoint: number): number {
  let kind = classes[codePoint]!;
  if (kind === 0) {
    const char = String.fromCodePoint(codePoint);
    kind = CJK_CHAR.test(char) ? CJK : WORD_CHAR.test(char) ? WORD : MARK_CHAR.test(char) ? MARK : SEPARATOR;
    classes[codePoint] = kind;
  }
  return kind;
}

/** One run of the normalised text, with its tokens in order. */
export interface TokenRun {
  kind: 'cjk' | 'word';
  /** The run as it appears in the normalised text. */
  text: string;
  /** Bigrams in order for CJK (the character itself for a one-character run); one word otherwise. */
  tokens: string[];
}

function cjkBigrams(chars: string[]): string[] {
  if (chars.length === 1) return [chars[0]!];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Turns one Latin/digit run into its token, or '' when nothing of it is a letter or number. */
export function wordToken(run: string): string {
  let word = ASCII_ONLY.test(run) ? run : run.normalize('NFD').replace(MARKS, '').normalize('NFC');
  word = word.replaceAll('ς', 'σ');
  if (word.length > MAX_WORD_LENGTH) word = [...word].slice(0, MAX_WORD_LENGTH).join('');
  return stemEnglishWord(word);
}

/** The runs of already-normalised text, with their tokens. */
export function tokenRunsOfNormalised(normalised: string): TokenRun[] {
  const runs: TokenRun[] = [];
  let start = 0;
  let kind = SEPARATOR;
  let marked = false; // the current run holds a combining mark
  const close = (end: number): void => {
    if (kind === CJK) {
      let chars = [...normalised.slice(start, end)];
      if (marked) chars = chars.filter((char) => classify(char.codePointAt(0)!) === CJK);
      runs.push({ kind: 'cjk', text: chars.join(''), tokens: cjkBigrams(chars) });
    } else if (kind === WORD) {
      const text = normalised.slice(start, end);
      const token = wordToken(text);
      if (token) runs.push({ kind: 'word', text, tokens: [token] });
    }
  };
  for (let i = 0; i < normalised.length;) {
    const codePoint = normalised.codePointAt(i)!;
    let next = classify(codePoint);
    if (next === MARK) {
      marked = true;
      next = kind === SEPARATOR ? SEPARATOR : kind;
    }
    if (next !== kind) {
      close(i);
      start = i;
      kind = next;
      marked = false;
    }
    i += codePoint > 0xffff ? 2 : 1;
  }
  close(normalised.length);
  return runs;
}

/** The runs of `text` (normalised first), with their tokens. */
export function tokenRuns(text: string): TokenRun[] {
  return tokenRunsOfNormalised(normaliseText(text));
}

/**
 * The phrase sequence of `text`: CJK bigrams and words in the order they appear. A query
 * term's tokens are this sequence; matched as a phrase it means "this text appears".
 * 不動產實價登錄 → 不動 動產 產實 實價 價登 登錄.
 */
export function phraseTokens(text: string): string[] {
  return tokenRuns(text).flatMap((run) => run.tokens);
}

/** Every CJK character of the runs, once each, in order of first appearance. */
function unigrams(runs: TokenRun[]): string[] {
  const seen = new Set<string>();
  for (const run of runs) {
    if (run.kind === 'cjk') for (const char of run.text) seen.add(char);
  }
  return [...seen];
}

/**
 * The tokens to store for `text`: the phrase sequence (so phrases match at consecutive
 * positions), then INDEX_GAP_TOKEN, then each CJK character once (so one-character
 * queries match). The gap and the unigrams are left out when there is no CJK text.
 * 臺北市雨量 → 台北 北市 市雨 雨量 ｇａｐ 台 北 市 雨 量.
 */
export function indexTokens(text: string): string[] {
  const runs = tokenRuns(text);
  const sequence = runs.flatMap((run) => run.tokens);
  const singles = unigrams(runs);
  return singles.length === 0 ? sequence : [...sequence, INDEX_GAP_TOKEN, ...singles];
}

/** indexTokens joined by spaces: the text to put in an FTS5 column or to_tsvector('simple', …). */
export function indexText(text: string): string {
  return indexTokens(text).join(' ');
}
