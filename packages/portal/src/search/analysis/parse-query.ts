/**
 * The search box's query language. Terms are ANDed; see docs/search.md for the syntax.
 *
 *   雨量 "實價登錄" -預售 -"測試 資料" title:停車場 agency:臺北市 format:CSV
 *
 * parseQuery never throws and its output is bounded (QUERY_LIMITS): whatever the input —
 * empty, 10 KB, unbalanced quotes, only punctuation, FTS or SQL syntax — it returns
 * clauses whose tokens come only from the analyser (letters and digits, see tokenize.ts),
 * so the query builder can pass them as bound parameters or quoted FTS5 strings.
 */
import { normaliseText } from './normalise-text.ts';
import { FIELD_NAMES, formatCode, type SearchField } from './query-fields.ts';
import { tokenRunsOfNormalised } from './tokenize.ts';

export const QUERY_LIMITS = {
  /** Characters of input read (after NFKC); the rest is ignored and `truncated` is set. */
  maxChars: 256,
  /** Clauses kept (terms, exclusions and filters together). */
  maxClauses: 16,
  /** Tokens kept per clause (a 33-character Chinese phrase has 32 bigrams). */
  maxTokensPerClause: 32,
} as const;

/** One free-text term or exclusion. */
export interface QueryTerm {
  /** The term as normalised (for display and highlighting). */
  text: string;
  /** Its phrase tokens in order (phraseTokens): match them as a phrase. */
  tokens: string[];
  /** True when the user wrote it in quotes. */
  quoted: boolean;
}

/** A `field:value` filter. */
export interface FieldFilter {
  field: SearchField;
  /** True for `-field:value`: datasets matching it are excluded. */
  negated: boolean;
  /** The value normalised; for `format`, the upper-case code (CSV). */
  value: string;
  /** The value's phrase tokens (for text fields; for format, the code lower-cased). */
  tokens: string[];
}

export interface ParsedQuery {
  /** Every term must match (AND). */
  terms: QueryTerm[];
  /** No excluded term may match. */
  excluded: QueryTerm[];
  /**
   * Field filters. Positive filters on the same field are alternatives (OR), as in the
   * facet lists; different fields are ANDed; negated filters exclude.
   */
  filters: FieldFilter[];
  /** True when input or clauses were cut to QUERY_LIMITS. */
  truncated: boolean;
}

/** Unquoted English words too common to narrow a search; dropped unless nothing else is left. */
const STOPWORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'with', 'by']);

/** Upper-case operator words: AND is the default anyway, OR and NEAR are not supported. */
const IGNORED_OPERATORS = new Set(['AND', 'OR', 'NEAR', '&&', '||']);

/** Quotation marks other than `"` that people type around phrases. */
const QUOTES = /[“”„‟«»「」『』〝〞〟]/g;
const SPACE = /\s/u;

interface RawClause {
  negated: boolean;
  quoted: boolean;
  field?: SearchField;
  value: string;
}

function prepareInput(q: unknown): { text: string; truncated: boolean } {
  const raw = typeof q === 'string' ? q : '';
  // Cut before NFKC so the work is bounded, then again after (NFKC can lengthen text).
  const head = raw.slice(0, QUERY_LIMITS.maxChars * 4);
  const chars = [...head.normalize('NFKC').replace(QUOTES, '"')];
  const truncated = head.length < raw.length || chars.length > QUERY_LIMITS.maxChars;
  return { text: chars.slice(0, QUERY_LIMITS.maxChars).join(''), truncated };
}

function fieldPrefix(word: string): { field: SearchField; rest: string } | undefined {
  const colon = word.indexOf(':');
  if (colon <= 0) return undefined;
  const field = FIELD_NAMES.get(normaliseText(word.slice(0, colon)));
  return field ? { field, rest: word.slice(colon + 1) } : undefined;
}

/** Splits the input into clauses: bare words, quoted phrases, `-` exclusions, `field:` filters. */
function lex(text: string): RawClause[] {
  const clauses: RawClause[] = [];
  let i = 0;
  let notPending = false;
  const readQuoted = (): string => {
    const end = text.indexOf('"', i + 1);
    const value = text.slice(i + 1, end === -1 ? text.length : end); // unbalanced: to the end
    i = end === -1 ? text.length : end + 1;
    return value;
  };
  while (i < text.length) {
    if (SPACE.test(text[i]!)) {
      i++;
      continue;
    }
    let negated = notPending;
    notPending = false;
    while (text[i] === '-' || text[i] === '+') {
      if (text[i] === '-') negated = true;
      i++;
    }
    if (i >= text.length || SPACE.test(text[i]!)) continue;
    if (text[i] === '"') {
      clauses.push({ negated, quoted: true, value: readQuoted() });
      continue;
    }
    const start = i;
    while (i < text.length && !SPACE.test(text[i]!) && text[i] !== '"') i++;
    const word = text.slice(start, i);
    if (!negated && IGNORED_OPERATORS.has(word)) continue;
    if (!negated && word === 'NOT') {
      notPending = true;
      continue;
    }
    const prefixed = fieldPrefix(word);
    if (prefixed && prefixed.rest === '' && text[i] === '"') {
      clauses.push({ negated, quoted: true, field: prefixed.field, value: readQuoted() });
    } else if (prefixed) {
      clauses.push({ negated, quoted: false, field: prefixed.field, value: prefixed.rest });
    } else {
      clauses.push({ negated, quoted: false, value: word });
    }
  }
  return clauses;
}

function analyse(value: string): { text: string; tokens: string[]; cut: boolean } {
  const text = normaliseText(value).replace(/\s+/gu, ' ').trim();
  const tokens = tokenRunsOfNormalised(text).flatMap((run) => run.tokens);
  const cut = tokens.length > QUERY_LIMITS.maxTokensPerClause;
  return { text, tokens: tokens.slice(0, QUERY_LIMITS.maxTokensPerClause), cut };
}

function isStopword(term: QueryTerm): boolean {
  return !term.quoted && term.tokens.length === 1 && STOPWORDS.has(term.tokens[0]!);
}

function sameTokens(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((token, k) => token === b[k]);
}

/** Parses a search box query. Never throws; see the module comment. */
export function parseQuery(q: string): ParsedQuery {
  const input = prepareInput(q);
  let truncated = input.truncated;
  const terms: QueryTerm[] = [];
  const excluded: QueryTerm[] = [];
  const filters: FieldFilter[] = [];
  let clauses = 0;

  for (const clause of lex(input.text)) {
    const analysed = analyse(clause.value);
    if (analysed.tokens.length === 0) continue; // only punctuation or symbols
    if (clauses >= QUERY_LIMITS.maxClauses) {
      truncated = true;
      break;
    }
    truncated ||= analysed.cut;
    if (clause.field === 'format') {
      const code = formatCode(analysed.text);
      if (!code) continue;
      filters.push({ field: 'format', negated: clause.negated, value: code, tokens: [code.toLowerCase()] });
    } else if (clause.field) {
      filters.push({ field: clause.field, negated: clause.negated, ...pick(analysed) });
    } else {
      const list = clause.negated ? excluded : terms;
      const term = { text: analysed.text, tokens: analysed.tokens, quoted: clause.quoted };
      if (list.some((t) => sameTokens(t.tokens, term.tokens))) continue;
      list.push(term);
    }
    clauses++;
  }

  const meaningful = terms.filter((t) => !isStopword(t));
  return { terms: meaningful.length > 0 ? meaningful : terms, excluded, filters, truncated };
}

function pick(analysed: { text: string; tokens: string[] }): { value: string; tokens: string[] } {
  return { value: analysed.text, tokens: analysed.tokens };
}
