import { sql, type RawBuilder } from 'kysely';
import type { QueryTerm } from './analysis/index.ts';
import type { IndexedField } from './ranking-weights.ts';

/**
 * Full-text expressions built only from the analyser's tokens (letters and digits, never
 * `"`), following the token contract in docs/search.md. SQLite: an FTS5 MATCH string of
 * quoted tokens, bound as one parameter. PostgreSQL: phraseto_tsquery('simple', $n) per
 * term, each term a bound parameter.
 */

/** FTS5: a term as a quoted phrase ("實價 價登 登錄"), optionally limited to one column. */
export function fts5Phrase(tokens: readonly string[], column?: IndexedField): string {
  const phrase = `"${tokens.join(' ')}"`;
  return column ? `${column} : ${phrase}` : phrase;
}

/** FTS5: every term must match. */
export function fts5All(terms: readonly QueryTerm[]): string {
  return terms.map((t) => fts5Phrase(t.tokens)).join(' AND ');
}

/** FTS5: any of the phrases (optionally in one column). */
export function fts5Any(phrases: readonly (readonly string[])[], column?: IndexedField): string {
  return phrases.map((p) => `(${fts5Phrase(p, column)})`).join(' OR ');
}

/** PostgreSQL: one term as a phrase tsquery. */
export function tsPhrase(tokens: readonly string[]): RawBuilder<unknown> {
  return sql`phraseto_tsquery('simple', ${tokens.join(' ')})`;
}

/** PostgreSQL: the tsquery of terms combined with `&&` (all) or `||` (any). */
export function tsCombine(phrases: readonly (readonly string[])[], op: '&&' | '||'): RawBuilder<unknown> {
  return sql`(${sql.join(
    phrases.map((p) => tsPhrase(p)),
    sql.raw(` ${op} `),
  )})`;
}
