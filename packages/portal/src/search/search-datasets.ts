import { sql, type RawBuilder } from 'kysely';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import { parseQuery, suggestWord, type ParsedQuery } from './analysis/index.ts';
import { facetAttributes } from './facet-attribute-cache.ts';
import { facetCounts } from './facets.ts';
import { matchedIds } from './matched-datasets.ts';
import { highlight, highlightWords, snippet } from './highlight.ts';
import { rankCandidates } from './rank-candidates.ts';
import { candidatesByIds, engineCandidates } from './search-candidates.ts';
import { RERANK_CANDIDATES } from './ranking-weights.ts';
import { andAll, searchConditions, textTerms } from './search-conditions.ts';
import {
  FACETS,
  type FacetCount,
  type FacetName,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
} from './search-query.ts';
import { englishVocabulary } from './vocabulary.ts';

/**
 * Searches the listed datasets: parseQuery → the matched ids, evaluated once (the engine's
 * full-text match, FTS5 MATCH / tsquery, with filters) → for relevance, the candidates
 * re-scored by one function (rank-candidates.ts) so SQLite and PostgreSQL agree → page,
 * highlights, facet counts from the matched ids (facets.ts), and "did you mean" when
 * nothing matched.
 */

const DEFAULT_LIMIT = 30;
const MAX_LIMIT = 50;

interface DatasetRow {
  id: number;
  identifier: string;
  titleZh: string;
  descriptionZh: string;
  publisherName: string;
  qualityBadge: string | null;
  categoryCode: string;
  type: string;
  publishedAt: string | null;
  metadataModifiedAt: string | null;
}

/** The usage sorts: their column of dataset_usage_totals (a dataset without a row counts 0). */
const USAGE_SORT_COLUMNS = {
  views: 'usage_totals.views_total',
  downloads: 'usage_totals.downloads_total',
  downloads7d: 'usage_totals.downloads_7d',
} as const;

/**
 * Ids of the matched datasets in a column order (not relevance). Text is compared by code
 * point on both databases, and every order ends with the datasetId, so SQLite and
 * PostgreSQL return the same list.
 */
async function orderedIds(
  ctx: CatalogueContext,
  where: RawBuilder<unknown>,
  sort: Exclude<SearchSort, 'relevance'>,
  limit: number,
  offset: number,
): Promise<number[]> {
  const c = ctx.dialect === 'postgres' ? sql` collate "C"` : sql``;
  if (sort === 'views' || sort === 'downloads' || sort === 'downloads7d') {
    const column = sql.ref(USAGE_SORT_COLUMNS[sort]);
    const rows = await sql<{ id: number }>`select d.id from datasets d
      left join dataset_usage_totals usage_totals on usage_totals.dataset_id = d.id
      where ${where}
      order by coalesce(${column}, 0) desc, d.id limit ${limit} offset ${offset}`.execute(ctx.db);
    return rows.rows.map((r) => Number(r.id));
  }
  const order = {
    newest: sql`coalesce(d.published_at, '')${c} desc, d.id desc`,
    modified: sql`coalesce(d.metadata_modified_at, '')${c} desc, d.id desc`,
    title: sql`d.title_zh${c}, d.id`,
    id: sql`d.id`,
    agency: sql`d.publisher_name${c}, d.id`,
  }[sort];
  const rows = await sql<{ id: number }>`select d.id from datasets d where ${where}
    order by ${order} limit ${limit} offset ${offset}`.execute(ctx.db);
  return rows.rows.map((r) => Number(r.id));
}

async function loadRows(ctx: CatalogueContext, ids: number[]): Promise<Map<number, DatasetRow>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('datasets')
    .select([
      'id',
      'identifier',
      'titleZh',
      'descriptionZh',
      'publisherName',
      'qualityBadge',
      'categoryCode',
      'type',
      'publishedAt',
      'metadataModifiedAt',
    ])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** "Did you mean": the query with each unknown English word replaced by its closest index word. */
async function suggestQuery(ctx: CatalogueContext, parsed: ParsedQuery): Promise<string | undefined> {
  const terms = textTerms(parsed);
  if (terms.length === 0 || !terms.some((t) => t.tokens.length === 1 && /^[a-z]/.test(t.tokens[0]!)))
    return undefined;
  const vocabulary = await englishVocabulary(ctx.db, ctx.dialect, ctx.db);
  let changed = false;
  const words = terms.map((t) => {
    if (t.tokens.length !== 1) return t.text;
    const suggestion = suggestWord(t.text, vocabulary);
    if (!suggestion) return t.text;
    changed = true;
    return suggestion.word;
  });
  return changed ? words.join(' ') : undefined;
}

function emptyFacets(): Record<FacetName, FacetCount[]> {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<FacetName, FacetCount[]>;
}

export async function searchDatasets(ctx: CatalogueContext, query: SearchQuery): Promise<SearchResult> {
  const parsed = parseQuery(query.q ?? '');
  const terms = textTerms(parsed);
  const sort: SearchSort =
    query.sort === 'relevance' && terms.length === 0
      ? 'newest'
      : (query.sort ?? (terms.length > 0 ? 'relevance' : 'newest'));
  const limit = Math.min(MAX_LIMIT, Math.max(1, query.limit ?? DEFAULT_LIMIT));
  const offset = Math.max(0, query.offset ?? 0);
  const where = andAll(searchConditions(ctx.dialect, parsed, query.facets ?? {}, true));

  // The facet attributes are read (their stamp checked) before the matched ids; see
  // facet-attribute-cache.ts for why this order keeps the counts current.
  const attributes = query.withoutFacets ? undefined : await facetAttributes(ctx);
  const ids = await matchedIds(ctx, parsed, query.facets ?? {});
  const total = ids.length;

  let page: { datasetId: number; score: number }[] = [];
  if (total > 0 && offset < total) {
    if (sort === 'relevance') {
      const rest = andAll(searchConditions(ctx.dialect, parsed, query.facets ?? {}, false));
      const want = Math.max(RERANK_CANDIDATES, offset + limit);
      const candidates =
        total <= want ? await candidatesByIds(ctx, ids) : await engineCandidates(ctx, parsed, rest, want);
      const ranked = rankCandidates(
        candidates,
        terms.map((t) => t.tokens),
      );
      page = ranked.slice(offset, offset + limit);
    } else {
      page = (await orderedIds(ctx, where, sort, limit, offset)).map((datasetId) => ({
        datasetId,
        score: 0,
      }));
    }
  }

  const rows = await loadRows(
    ctx,
    page.map((p) => p.datasetId),
  );
  const words = highlightWords([
    ...terms.map((t) => t.text),
    ...parsed.filters.filter((f) => !f.negated && f.field === 'title').map((f) => f.value),
  ]);
  const hits: SearchHit[] = page.flatMap(({ datasetId, score }) => {
    const r = rows.get(datasetId);
    if (!r) return [];
    return [
      {
        datasetId,
        identifier: r.identifier,
        title: r.titleZh,
        titleHighlight: highlight(r.titleZh, words),
        descriptionSnippet: snippet(r.descriptionZh, words),
        agency: r.publisherName,
        badge: r.qualityBadge,
        categoryCode: r.categoryCode,
        type: r.type,
        publishedAt: r.publishedAt,
        metadataModifiedAt: r.metadataModifiedAt,
        score,
      },
    ];
  });

  const facets = attributes ? await facetCounts(ctx, attributes, ids) : emptyFacets();
  const result: SearchResult = { total, sort, limit, offset, hits, facets };
  if (total === 0) {
    const didYouMean = await suggestQuery(ctx, parsed);
    if (didYouMean) result.didYouMean = didYouMean;
  }
  return result;
}
