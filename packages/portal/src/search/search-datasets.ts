import { sql, type RawBuilder } from 'kysely';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import type { SearchTokenColumns } from '../db/schema.ts';
import { parseQuery, suggestWord, type ParsedQuery } from './analysis/index.ts';
import { facetCounts } from './facets.ts';
import { highlight, highlightWords, snippet } from './highlight.ts';
import { fts5All, tsCombine } from './match-expressions.ts';
import { rankCandidates, type Candidate } from './rank-candidates.ts';
import { FIELD_WEIGHTS, INDEXED_FIELDS, postgresWeights, RERANK_CANDIDATES } from './ranking-weights.ts';
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
 * Searches the listed datasets: parseQuery → the engine's full-text match (FTS5 MATCH /
 * tsquery) with filters and facets → for relevance, the engine's best candidates
 * re-scored by one function (rank-candidates.ts) so SQLite and PostgreSQL agree →
 * page, highlights, facet counts, and "did you mean" when nothing matched.
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

/** Ids of the matched datasets in a column order (not relevance). */
async function orderedIds(
  ctx: CatalogueContext,
  where: RawBuilder<unknown>,
  sort: Exclude<SearchSort, 'relevance'>,
  limit: number,
  offset: number,
): Promise<number[]> {
  const c = ctx.dialect === 'postgres' ? sql` collate "C"` : sql``;
  const order = {
    newest: sql`coalesce(d.published_at, '')${c} desc, d.id desc`,
    modified: sql`coalesce(d.metadata_modified_at, '')${c} desc, d.id desc`,
    title: sql`d.title_zh${c}, d.id`,
    id: sql`d.id`,
  }[sort];
  const rows = await sql<{ id: number }>`select d.id from datasets d where ${where}
    order by ${order} limit ${limit} offset ${offset}`.execute(ctx.db);
  return rows.rows.map((r) => Number(r.id));
}

/** The engine's best `count` matches (its own ranking), with their stored tokens. */
async function engineCandidates(
  ctx: CatalogueContext,
  parsed: ParsedQuery,
  where: RawBuilder<unknown>,
  count: number,
): Promise<Candidate[]> {
  const terms = textTerms(parsed);
  const table = ctx.dialect === 'postgres' ? 's' : 'search_fts';
  const columns = sql.join(INDEXED_FIELDS.map((f) => sql.ref(`${table}.${f}`)));
  let rows;
  if (ctx.dialect === 'postgres') {
    const [d, c, b, a] = postgresWeights();
    const query = tsCombine(
      terms.map((t) => t.tokens),
      '&&',
    );
    rows = await sql<SearchTokenColumns & { datasetId: number }>`select s.dataset_id, ${columns}
      from search_documents s join datasets d on d.id = s.dataset_id
      where s.document @@ ${query} and ${where}
      order by ts_rank_cd(array[${sql.lit(d)}, ${sql.lit(c)}, ${sql.lit(b)}, ${sql.lit(a)}]::float4[], s.document, ${query}, 33) desc, s.dataset_id
      limit ${count}`.execute(ctx.db);
  } else {
    const weights = sql.join(INDEXED_FIELDS.map((f) => sql.lit(FIELD_WEIGHTS[f])));
    rows = await sql<
      SearchTokenColumns & { datasetId: number }
    >`select search_fts.rowid as dataset_id, ${columns}
      from search_fts join datasets d on d.id = search_fts.rowid
      where search_fts match ${fts5All(terms)} and ${where}
      order by bm25(search_fts, ${weights}), search_fts.rowid
      limit ${count}`.execute(ctx.db);
  }
  return rows.rows.map((r) => ({
    datasetId: Number(r.datasetId),
    tokens: {
      title: r.title,
      keywords: r.keywords,
      fields: r.fields,
      description: r.description,
      agency: r.agency,
    },
  }));
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

  const countRow = await sql<{
    n: number | string;
  }>`select count(*) as n from datasets d where ${where}`.execute(ctx.db);
  const total = Number(countRow.rows[0]?.n ?? 0);

  let page: { datasetId: number; score: number }[] = [];
  if (total > 0 && offset < total) {
    if (sort === 'relevance') {
      const rest = andAll(searchConditions(ctx.dialect, parsed, query.facets ?? {}, false));
      const want = Math.max(RERANK_CANDIDATES, offset + limit);
      const candidates = await engineCandidates(ctx, parsed, rest, want);
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

  const facets = query.withoutFacets ? emptyFacets() : await facetCounts(ctx.db, ctx.dialect, where);
  const result: SearchResult = { total, sort, limit, offset, hits, facets };
  if (total === 0) {
    const didYouMean = await suggestQuery(ctx, parsed);
    if (didYouMean) result.didYouMean = didYouMean;
  }
  return result;
}
