import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../db/database.ts';
import { indexTokens, normaliseText, tokenRunsOfNormalised } from './analysis/index.ts';
import { fts5Phrase } from './match-expressions.ts';
import type { IndexedField } from './ranking-weights.ts';
import { matchablePhrases } from './search-conditions.ts';

/**
 * What the user has typed so far in the search box, read for autocomplete: the analyser's
 * tokens (so 台/臺, simplified and full-width input meet the index), with the last word
 * treated as unfinished. `youb` finds YouBike, `台北市停` finds 臺北市停車場, `停车` finds
 * 停車場.
 *
 * The same prefix is matched three ways that agree: an FTS5 expression, a PostgreSQL
 * tsquery (both over the search index) and `matchPrefix` in JS (over any text, through the
 * same indexTokens), so the engines only narrow the candidates and never decide alone.
 */

/** Only the start of the input is read: a prefix longer than a title suggests nothing more. */
export const SUGGEST_PREFIX_CHARS = 64;
/** At most this many tokens of the prefix are matched. */
const MAX_PREFIX_TOKENS = 24;

const LETTER_OR_DIGIT_AT_END = /[\p{L}\p{N}\p{M}]$/u;

export interface SuggestionPrefix {
  /** The part of the input that was read (its first SUGGEST_PREFIX_CHARS characters). */
  text: string;
  /** Phrases that must all occur in a matching text (matchablePhrases of the tokens). */
  phrases: string[][];
  /**
   * The last token is a word still being typed: it matches any token it begins. Only
   * Latin/digit words are unfinished: a CJK character is complete once typed.
   */
  partial: boolean;
  /**
   * A matching text *begins* with the prefix when its tokens, joined by spaces with a
   * space after, start with this string (`台北 北市 `, or `youb` for an unfinished word).
   */
  start: string;
}

/** The longest common beginning of two strings. */
function commonStart(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** Reads a typed prefix. Empty, punctuation-only or operator-only input gives no phrases. */
export function readSuggestionPrefix(input: string): SuggestionPrefix {
  const text = [...input].slice(0, SUGGEST_PREFIX_CHARS).join('');
  const normalised = normaliseText(text);
  const runs = tokenRunsOfNormalised(normalised);
  const last = runs.at(-1);
  const partial = last?.kind === 'word' && LETTER_OR_DIGIT_AT_END.test(normalised);
  const tokens = runs.flatMap((run) => run.tokens);
  if (partial && last) {
    // The stem of an unfinished word may not begin the stored stem (citie → citie, cities →
    // city): match what the typed form and its stem share.
    tokens[tokens.length - 1] = commonStart(last.tokens[0]!, last.text) || last.tokens[0]!;
  }
  const kept = tokens.slice(0, MAX_PREFIX_TOKENS);
  const cut = kept.length < tokens.length;
  // A one-character CJK run is stored inside the bigrams of a longer run (台 in 台北): as the
  // last thing typed it begins a token rather than being one.
  const openEnd =
    (partial && !cut) || (last?.kind === 'cjk' && last.tokens.length === 1 && last.text.length === 1);
  return {
    text,
    phrases: matchablePhrases(kept),
    partial: partial && !cut,
    start: kept.length === 0 ? '' : kept.join(' ') + (openEnd ? '' : ' '),
  };
}

export function isEmptyPrefix(prefix: SuggestionPrefix): boolean {
  return prefix.phrases.length === 0;
}

/** FTS5: every phrase of the prefix in `column`, the last word as a prefix token. */
export function fts5Prefix(prefix: SuggestionPrefix, column: IndexedField): string {
  const lastIndex = prefix.phrases.length - 1;
  return prefix.phrases
    .map((p, i) => fts5Phrase(p, column) + (prefix.partial && i === lastIndex ? ' *' : ''))
    .join(' AND ');
}

/**
 * PostgreSQL: the same as a to_tsquery string over `document`, each token limited to the
 * column's weight (A title, B keywords, C fields and agency). Tokens are letters and digits
 * only (the token contract), so the string holds no operator but the ones written here.
 */
export function tsPrefixQuery(prefix: SuggestionPrefix, weight: 'A' | 'B' | 'C'): string {
  const lastIndex = prefix.phrases.length - 1;
  return prefix.phrases
    .map((p, i) => {
      const open = prefix.partial && i === lastIndex;
      const tokens = p.map((t, j) => `${t}:${open && j === p.length - 1 ? '*' : ''}${weight}`);
      return `(${tokens.join(' <-> ')})`;
    })
    .join(' & ');
}

/** `search_fts match …` or `document @@ to_tsquery(…)` for the prefix in one column. */
export function prefixCondition(
  dialect: DialectName,
  prefix: SuggestionPrefix,
  column: 'title' | 'keywords' | 'agency',
): RawBuilder<unknown> {
  if (dialect === 'postgres') {
    const weight = column === 'title' ? 'A' : column === 'keywords' ? 'B' : 'C';
    return sql`s.document @@ to_tsquery('simple', ${tsPrefixQuery(prefix, weight)})`;
  }
  return sql`search_fts match ${fts5Prefix(prefix, column)}`;
}

/** Whether `tokens` hold `phrase` at consecutive positions (the last token open when `open`). */
function holdsPhrase(tokens: readonly string[], phrase: readonly string[], open: boolean): boolean {
  const lastIndex = phrase.length - 1;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < phrase.length && ok; j++) {
      const token = tokens[i + j]!;
      ok = open && j === lastIndex ? token.startsWith(phrase[j]!) : token === phrase[j];
    }
    if (ok) return true;
  }
  return false;
}

/**
 * indexTokens of keywords and agency names, kept between requests: the same few thousand
 * terms come back for every prefix, and the analyser (simplified → traditional) is the
 * costly part. A pure function of the text, so it never goes stale; emptied when full.
 */
const TOKEN_CACHE_SIZE = 50_000;
const tokenCache = new Map<string, string[]>();

function cachedIndexTokens(text: string): string[] {
  let tokens = tokenCache.get(text);
  if (!tokens) {
    if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
    tokens = indexTokens(text);
    tokenCache.set(text, tokens);
  }
  return tokens;
}

/** Texts that differ only in width, case, 臺/台, script or punctuation share this key. */
export function foldedKey(text: string): string {
  return cachedIndexTokens(text).join(' ');
}

/**
 * Whether `text` matches the prefix as the index would (every phrase, over the same
 * indexTokens), and whether it begins with it. `matches` is false for an empty prefix.
 */
export function matchPrefix(text: string, prefix: SuggestionPrefix): { matches: boolean; begins: boolean } {
  if (isEmptyPrefix(prefix)) return { matches: false, begins: false };
  const tokens = cachedIndexTokens(text);
  const lastIndex = prefix.phrases.length - 1;
  const matches = prefix.phrases.every((p, i) => holdsPhrase(tokens, p, prefix.partial && i === lastIndex));
  return { matches, begins: matches && `${tokens.join(' ')} `.startsWith(prefix.start) };
}
