import { sql } from 'kysely';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import { LISTED_STATUSES } from '../domain/dataset-status.ts';
import {
  foldedKey,
  isEmptyPrefix,
  matchPrefix,
  prefixCondition,
  readSuggestionPrefix,
  type SuggestionPrefix,
} from './suggestion-prefix.ts';

/**
 * Autocomplete (建議字詞): for what has been typed so far, dataset titles and the keywords
 * and agencies (提供機關) of the listed datasets that contain it.
 *
 * The search index finds the candidates (the title, keywords or agency column holds every
 * phrase of the prefix); every ordering is done here, by code point, so SQLite and
 * PostgreSQL suggest the same list. Keywords and agencies (terms) take at most half the
 * list and come first; titles fill the rest, and terms fill it when titles run out.
 *
 * - Terms: those that begin with the prefix first, then by how many listed datasets carry
 *   them, shorter first, then by code point. Keywords that differ only in width, case, 臺/台,
 *   script or punctuation are one suggestion, written as most datasets write it.
 * - Titles: those that begin with the prefix first, shorter first, then by datasetId; one
 *   suggestion for each distinct title.
 */

export const SUGGEST_LIMIT = { default: 8, max: 10 } as const;

export type SuggestionKind = 'title' | 'keyword' | 'agency';

export interface SearchSuggestion {
  text: string;
  kind: SuggestionKind;
  /** For a title: the dataset it names. */
  datasetId?: number;
}

export interface SuggestResult {
  /** The part of the input that was read. */
  query: string;
  suggestions: SearchSuggestion[];
}

interface Term {
  text: string;
  kind: 'keyword' | 'agency';
  datasets: number;
  begins: boolean;
  /** The text normalised: spellings of one term share it. */
  folded: string;
}

const listed = sql`d.status in (${sql.join([...LISTED_STATUSES])})`;

/** `search_fts` / `search_documents s` joined to the listed datasets `d`. */
function indexJoin(ctx: CatalogueContext) {
  return ctx.dialect === 'postgres'
    ? sql`search_documents s join datasets d on d.id = s.dataset_id`
    : sql`search_fts join datasets d on d.id = search_fts.rowid`;
}

function titleColumn(ctx: CatalogueContext) {
  return ctx.dialect === 'postgres' ? sql`s.title` : sql`search_fts.title`;
}

async function titleSuggestions(
  ctx: CatalogueContext,
  prefix: SuggestionPrefix,
  limit: number,
): Promise<SearchSuggestion[]> {
  // Identical titles are common (one per city, one per year): read more rows than needed.
  const rows = await sql<{ id: number; titleZh: string }>`select d.id, d.title_zh
    from ${indexJoin(ctx)}
    where ${prefixCondition(ctx.dialect, prefix, 'title')} and ${listed}
    order by case when (${titleColumn(ctx)} || ' ') like ${`${prefix.start}%`} then 0 else 1 end,
      length(d.title_zh), d.id
    limit ${limit * 4}`.execute(ctx.db);
  const seen = new Set<string>();
  const out: SearchSuggestion[] = [];
  for (const r of rows.rows) {
    if (seen.has(r.titleZh)) continue;
    seen.add(r.titleZh);
    out.push({ text: r.titleZh, kind: 'title', datasetId: Number(r.id) });
    if (out.length === limit) break;
  }
  return out;
}

async function keywordCounts(ctx: CatalogueContext, prefix: SuggestionPrefix) {
  const rows = await sql<{ text: string; n: number | string }>`select k.keyword as text, count(*) as n
    from dataset_keywords k
    where k.dataset_id in (select d.id from ${indexJoin(ctx)}
      where ${prefixCondition(ctx.dialect, prefix, 'keywords')} and ${listed})
    group by k.keyword`.execute(ctx.db);
  return rows.rows;
}

async function agencyCounts(ctx: CatalogueContext, prefix: SuggestionPrefix) {
  const rows = await sql<{ text: string; n: number | string }>`select d.publisher_name as text, count(*) as n
    from ${indexJoin(ctx)}
    where ${prefixCondition(ctx.dialect, prefix, 'agency')} and ${listed}
    group by d.publisher_name`.execute(ctx.db);
  return rows.rows;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The rows that really match the prefix, spellings merged, best first. */
function rankTerms(
  rows: { text: string; n: number | string; kind: Term['kind'] }[],
  prefix: SuggestionPrefix,
): Term[] {
  const merged = new Map<string, Term & { best: number }>();
  for (const row of rows) {
    const n = Number(row.n);
    const { matches, begins } = matchPrefix(row.text, prefix);
    if (!matches) continue;
    const folded = foldedKey(row.text);
    const key = `${row.kind} ${folded}`;
    const term = merged.get(key);
    if (!term) {
      merged.set(key, { text: row.text, kind: row.kind, datasets: n, begins, folded, best: n });
      continue;
    }
    term.datasets += n;
    if (n > term.best || (n === term.best && byCodePoint(row.text, term.text) < 0)) {
      term.text = row.text;
      term.best = n;
    }
  }
  // A keyword that is also an agency's name is suggested once, as the agency.
  const agencies = new Set([...merged.values()].filter((t) => t.kind === 'agency').map((t) => t.folded));
  return [...merged.values()]
    .filter((t) => t.kind === 'agency' || !agencies.has(t.folded))
    .sort(
      (a, b) =>
        Number(b.begins) - Number(a.begins) ||
        b.datasets - a.datasets ||
        [...a.text].length - [...b.text].length ||
        byCodePoint(a.text, b.text) ||
        byCodePoint(a.kind, b.kind),
    );
}

/** Suggestions for a typed prefix; any input is answered, with none for input that has no words. */
export async function suggestSearches(
  ctx: CatalogueContext,
  query: { q?: string | undefined; limit?: number | undefined },
): Promise<SuggestResult> {
  const limit = Math.min(SUGGEST_LIMIT.max, Math.max(1, query.limit ?? SUGGEST_LIMIT.default));
  const prefix = readSuggestionPrefix(query.q ?? '');
  if (isEmptyPrefix(prefix)) return { query: prefix.text, suggestions: [] };

  const [titles, keywords, agencies] = await Promise.all([
    titleSuggestions(ctx, prefix, limit),
    keywordCounts(ctx, prefix),
    agencyCounts(ctx, prefix),
  ]);
  const terms = rankTerms(
    [
      ...keywords.map((r) => ({ ...r, kind: 'keyword' as const })),
      ...agencies.map((r) => ({ ...r, kind: 'agency' as const })),
    ],
    prefix,
  );
  const termCount = Math.min(terms.length, Math.max(Math.ceil(limit / 2), limit - titles.length));
  const suggestions: SearchSuggestion[] = [
    ...terms.slice(0, termCount).map((t) => ({ text: t.text, kind: t.kind })),
    ...titles.slice(0, limit - termCount),
  ];
  return { query: prefix.text, suggestions };
}
