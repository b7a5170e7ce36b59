import { sql, type RawBuilder } from 'kysely';
import { CATEGORIES } from '@odp/quality/metadata';
import type { DialectName } from '../db/database.ts';
import { LISTED_STATUSES } from '../domain/dataset-status.ts';
import { normaliseText, type FieldFilter, type ParsedQuery, type SearchField } from './analysis/index.ts';
import { fts5All, fts5Any, tsCombine, tsPhrase } from './match-expressions.ts';
import type { IndexedField } from './ranking-weights.ts';
import type { FacetName } from './search-query.ts';

/**
 * The WHERE conditions of a search, over `datasets d`: listed status, the free-text
 * terms, exclusions, field filters and facet selections. Every value is bound.
 */

type Condition = RawBuilder<unknown>;

/** The index column a text filter looks in. */
const FILTER_COLUMN: Partial<Record<SearchField, IndexedField>> = {
  title: 'title',
  description: 'description',
  agency: 'agency',
  keyword: 'keywords',
};

const NONE: Condition = sql`1 = 0`;

/** Datasets whose index matches an FTS5 expression / a tsquery. */
function indexed(dialect: DialectName, fts5: string, tsquery: () => Condition): Condition {
  return dialect === 'postgres'
    ? sql`d.id in (select dataset_id from search_documents where document @@ ${tsquery()})`
    : sql`d.id in (select rowid from search_fts where search_fts match ${fts5})`;
}

/** Datasets whose index column contains any of the phrases. */
function inColumn(dialect: DialectName, column: IndexedField, phrases: string[][]): Condition {
  if (dialect === 'postgres') {
    const any = sql.join(
      phrases.map((p) => sql`to_tsvector('simple', ${sql.ref(column)}) @@ ${tsPhrase(p)}`),
      sql` or `,
    );
    return sql`d.id in (select dataset_id from search_documents where ${any})`;
  }
  return sql`d.id in (select rowid from search_fts where search_fts match ${fts5Any(phrases, column)})`;
}

/**
 * Datasets with a resource satisfying `condition` (over `resources r`). Correlated, so
 * each candidate dataset looks up its own resources by index: an `in (select …)` list
 * made SQLite read every resource of the catalogue for each search (no index covers
 * upper(format)). PostgreSQL plans both forms as the same semi-join.
 */
function hasResource(condition: Condition): Condition {
  return sql`exists (select 1 from resources r where r.dataset_id = d.id and ${condition})`;
}

/** 服務分類 codes a category filter names: the code itself or a category whose name contains the value. */
function categoryCodes(value: string): string[] {
  const code = value.toUpperCase();
  return CATEGORIES.filter(
    (c) =>
      c.code === code || normaliseText(c.nameZh).includes(value) || normaliseText(c.nameEn).includes(value),
  ).map((c) => c.code);
}

function filterCondition(dialect: DialectName, field: SearchField, filters: FieldFilter[]): Condition {
  if (field === 'format') {
    const codes = filters.map((f) => f.value).filter((v) => v);
    if (codes.length === 0) return NONE;
    return hasResource(sql`upper(r.format) in (${sql.join(codes)})`);
  }
  if (field === 'category') {
    const codes = [...new Set(filters.flatMap((f) => categoryCodes(f.value)))];
    if (codes.length === 0) return NONE;
    return sql`d.category_code in (${sql.join(codes)})`;
  }
  const column = FILTER_COLUMN[field] as IndexedField;
  const phrases = filters.map((f) => f.tokens).filter((t) => t.length > 0);
  if (phrases.length === 0) return NONE;
  return inColumn(dialect, column, phrases);
}

const SINGLE_CJK = /^\p{Script=Han}$/u;

/**
 * A term's tokens cut into phrases that the index can match. A lone CJK character next to
 * digits or Latin letters (年 in 107年, 第 and 屆 in 第2屆) is indexed only as a unigram, never
 * inside the phrase sequence (where 年第 is a bigram), so it becomes a term of its own.
 */
export function matchablePhrases(tokens: readonly string[]): string[][] {
  const phrases: string[][] = [];
  let current: string[] = [];
  for (const token of tokens) {
    if (SINGLE_CJK.test(token) && tokens.length > 1) {
      if (current.length > 0) phrases.push(current);
      phrases.push([token]);
      current = [];
    } else current.push(token);
  }
  if (current.length > 0) phrases.push(current);
  return phrases;
}

/** The free-text part of the query: terms with tokens, each cut into matchable phrases. */
export function textTerms(parsed: ParsedQuery) {
  return parsed.terms
    .filter((t) => t.tokens.length > 0)
    .flatMap((t) => matchablePhrases(t.tokens).map((tokens) => ({ ...t, tokens })));
}

export function textMatch(dialect: DialectName, parsed: ParsedQuery): Condition | undefined {
  const terms = textTerms(parsed);
  if (terms.length === 0) return undefined;
  return indexed(dialect, fts5All(terms), () =>
    tsCombine(
      terms.map((t) => t.tokens),
      '&&',
    ),
  );
}

function facetCondition(facet: FacetName, value: string): Condition {
  switch (facet) {
    case 'category':
      return sql`d.category_code = ${value}`;
    case 'level':
      return sql`d.organization_id in (select id from organizations where level = ${value})`;
    case 'agency':
      return sql`d.publisher_name = ${value}`;
    case 'theme':
      return sql`exists (select 1 from dataset_themes t where t.dataset_id = d.id and t.theme_code = ${value})`;
    case 'format':
      return hasResource(sql`upper(r.format) = ${value.toUpperCase()}`);
    case 'badge':
      return sql`coalesce(d.quality_badge, 'none') = ${value}`;
    case 'licence':
      return sql`d.license = ${value}`;
    case 'frequency':
      return sql`d.accrual_periodicity = ${value}`;
    case 'type':
      return sql`d.type = ${value}`;
  }
}

/**
 * Every condition except the free-text match (which the relevance query puts first), so
 * the caller can AND them. `includeText` adds the text match too.
 */
export function searchConditions(
  dialect: DialectName,
  parsed: ParsedQuery,
  facets: Partial<Record<FacetName, string>>,
  includeText: boolean,
): Condition[] {
  const conditions: Condition[] = [sql`d.status in (${sql.join([...LISTED_STATUSES])})`];
  const text = includeText ? textMatch(dialect, parsed) : undefined;
  if (text) conditions.push(text);

  const excluded = parsed.excluded.map((t) => t.tokens).filter((t) => t.length > 0);
  if (excluded.length > 0) {
    conditions.push(sql`not (${indexed(dialect, fts5Any(excluded), () => tsCombine(excluded, '||'))})`);
  }

  const byField = new Map<string, FieldFilter[]>();
  for (const f of parsed.filters) {
    const key = `${f.negated ? '-' : ''}${f.field}`;
    byField.set(key, [...(byField.get(key) ?? []), f]);
  }
  for (const [key, filters] of byField) {
    const negated = key.startsWith('-');
    const field = filters[0]!.field;
    const condition = filterCondition(dialect, field, filters);
    if (!negated) conditions.push(condition);
    else if (condition !== NONE) conditions.push(sql`not (${condition})`);
  }

  for (const [facet, value] of Object.entries(facets) as [FacetName, string | undefined][]) {
    if (value !== undefined && value !== '') conditions.push(facetCondition(facet, value));
  }
  return conditions;
}

export function andAll(conditions: Condition[]): Condition {
  return sql.join(
    conditions.map((c) => sql`(${c})`),
    sql` and `,
  );
}
