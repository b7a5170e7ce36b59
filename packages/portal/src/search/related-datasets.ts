import { sql, type RawBuilder } from 'kysely';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import { LISTED_STATUSES } from '../domain/dataset-status.ts';
import type { DatasetRecord } from '../features/datasets/dataset.record.ts';
import { phraseTokens } from './analysis/index.ts';
import { fts5Phrase } from './match-expressions.ts';
import { countPhrase } from './rank-candidates.ts';

/**
 * Related datasets (相關資料集): the listed datasets that share the most distinctive title
 * words and keywords with a dataset — "more like this" over the search index.
 *
 * 1. Features of the dataset: the tokens of its title (CJK bigrams, words) and the token
 *    phrase of each keyword, as the index stores them.
 * 2. Each feature's document frequency: how many listed datasets hold it (title tokens in
 *    the title column, keyword phrases in the keywords column). Exact counts, so the same
 *    on SQLite and PostgreSQL.
 * 3. Candidates: the datasets holding any of the rarest features, taken rarest first while
 *    their frequencies add up to at most MAX_CANDIDATES (common words such as 台北 or 資料
 *    alone would bring in most of the catalogue and say little).
 * 4. Score: for each feature a candidate shares, its weight times its IDF, ln(1 + N / df).
 *    Ties go to the same 服務分類, then more shared themes, then the same agency, then the
 *    lower datasetId. The dataset itself is never among them.
 */

export const RELATED_LIMIT = { default: 5, max: 20 } as const;

/** How much a shared feature counts: a keyword is chosen by the agency, a title bigram is not. */
export const RELATED_WEIGHTS = { titleToken: 1, keyword: 3 } as const;

/** Candidates read at most (the sum of the chosen features' document frequencies). */
const MAX_CANDIDATES = 2_000;
/** Features of one dataset at most (a title of 30 characters has about 30 tokens). */
const MAX_TITLE_TOKENS = 40;
const MAX_KEYWORDS = 20;

export interface RelatedDataset {
  datasetId: number;
  identifier: string;
  title: string;
  agency: string;
  categoryCode: string;
  badge: string | null;
  /** The similarity (shared features weighted by rarity). */
  score: number;
}

interface Feature {
  kind: 'titleToken' | 'keyword';
  tokens: string[];
  df: number;
}

/** The source dataset, as much of it as similarity reads. */
export type RelatedSource = Pick<
  DatasetRecord,
  'datasetId' | 'title' | 'titleEn' | 'keyword' | 'categoryCode' | 'themes' | 'publisher'
>;

function features(d: RelatedSource): Omit<Feature, 'df'>[] {
  const title = [...new Set(phraseTokens([d.title, d.titleEn ?? ''].join('\n')))].slice(0, MAX_TITLE_TOKENS);
  const seen = new Set<string>();
  const keywords: string[][] = [];
  for (const k of d.keyword) {
    const tokens = phraseTokens(k);
    const key = tokens.join(' ');
    if (tokens.length === 0 || seen.has(key)) continue;
    seen.add(key);
    keywords.push(tokens);
  }
  return [
    ...title.map((t) => ({ kind: 'titleToken' as const, tokens: [t] })),
    ...keywords.slice(0, MAX_KEYWORDS).map((tokens) => ({ kind: 'keyword' as const, tokens })),
  ];
}

/**
 * The index condition "holds any of the features": an FTS5 MATCH on `search_fts`, or a
 * tsquery on the `document` of PostgreSQL's `search_documents` (aliased `alias`), each
 * token limited to its column's weight (A title, B keywords).
 */
function anyFeature(ctx: CatalogueContext, fs: Omit<Feature, 'df'>[], alias: string): RawBuilder<unknown> {
  if (ctx.dialect === 'postgres') {
    const q = fs
      .map((f) => {
        const weight = f.kind === 'titleToken' ? 'A' : 'B';
        return `(${f.tokens.map((t) => `${t}:${weight}`).join(' <-> ')})`;
      })
      .join(' | ');
    return sql`${sql.ref(`${alias}.document`)} @@ to_tsquery('simple', ${q})`;
  }
  const q = fs.map((f) => `(${fts5Phrase(f.tokens, f.kind === 'titleToken' ? 'title' : 'keywords')})`);
  return sql`search_fts match ${q.join(' OR ')}`;
}

/**
 * Document frequencies of the features and the size of the index, in one query. SQLite:
 * one FTS5 count for each feature. PostgreSQL: the GIN index finds the documents holding
 * any feature, and one pass over them counts each (a count a feature would read every
 * document's tsvector once for each feature on a small table).
 */
async function documentFrequencies(
  ctx: CatalogueContext,
  fs: Omit<Feature, 'df'>[],
): Promise<{ total: number; dfs: number[] }> {
  const alias = (i: number) => sql.ref(`f${i}`);
  const query =
    ctx.dialect === 'postgres'
      ? sql<Record<string, number | string>>`select (select count(*) from search_documents) as total,
          ${sql.join(fs.map((f, i) => sql`count(*) filter (where ${anyFeature(ctx, [f], 'search_documents')}) as ${alias(i)}`))}
          from search_documents where ${anyFeature(ctx, fs, 'search_documents')}`
      : sql<Record<string, number | string>>`select (select count(*) from search_fts) as total,
          ${sql.join(fs.map((f, i) => sql`(select count(*) from search_fts where ${anyFeature(ctx, [f], 'search_fts')}) as ${alias(i)}`))}`;
  const row = (await query.execute(ctx.db)).rows[0]!;
  return { total: Number(row.total), dfs: fs.map((_, i) => Number(row[`f${i}`])) };
}

/** The rarest features whose frequencies add up to at most MAX_CANDIDATES (at least one). */
function chooseFeatures(fs: Feature[]): Feature[] {
  const ordered = fs
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.df > 0)
    .sort((a, b) => a.f.df - b.f.df || a.i - b.i);
  const chosen: Feature[] = [];
  let sum = 0;
  for (const { f } of ordered) {
    if (chosen.length > 0 && sum + f.df > MAX_CANDIDATES) break;
    chosen.push(f);
    sum += f.df;
  }
  return chosen;
}

interface CandidateRow {
  id: number;
  identifier: string;
  titleZh: string;
  publisherName: string;
  categoryCode: string;
  qualityBadge: string | null;
  title: string;
  keywords: string;
  sharedThemes: number | string;
}

async function candidates(
  ctx: CatalogueContext,
  source: RelatedSource,
  chosen: Feature[],
): Promise<CandidateRow[]> {
  const themes = source.themes.length > 0 ? sql.join(source.themes) : sql`null`;
  const postgres = ctx.dialect === 'postgres';
  const rows =
    await sql<CandidateRow>`select d.id, d.identifier, d.title_zh, d.publisher_name, d.category_code,
      d.quality_badge, ${postgres ? sql`s.title, s.keywords` : sql`search_fts.title, search_fts.keywords`},
      (select count(*) from dataset_themes t where t.dataset_id = d.id and t.theme_code in (${themes})) as shared_themes
    from ${postgres ? sql`search_documents s join datasets d on d.id = s.dataset_id` : sql`search_fts join datasets d on d.id = search_fts.rowid`}
    where ${anyFeature(ctx, chosen, 's')}
      and d.id <> ${source.datasetId} and d.status in (${sql.join([...LISTED_STATUSES])})
    order by d.id
    limit ${MAX_CANDIDATES}`.execute(ctx.db);
  return rows.rows;
}

/** The listed datasets most like `source`, best first. */
export async function relatedDatasets(
  ctx: CatalogueContext,
  source: RelatedSource,
  limit: number = RELATED_LIMIT.default,
): Promise<RelatedDataset[]> {
  const wanted = Math.min(RELATED_LIMIT.max, Math.max(1, limit));
  const plain = features(source);
  if (plain.length === 0) return [];
  const { total, dfs } = await documentFrequencies(ctx, plain);
  const all: Feature[] = plain.map((f, i) => ({ ...f, df: dfs[i]! }));
  const chosen = chooseFeatures(all);
  if (chosen.length === 0) return [];
  const scored = all.filter((f) => f.df > 0).map((f) => ({ f, idf: Math.log(1 + total / f.df) }));

  const ranked = (await candidates(ctx, source, chosen)).map((r) => {
    // Every token of the title column, unigrams included, as the index matched them.
    const titleTokens = new Set(r.title ? r.title.split(' ') : []);
    const keywordTokens = r.keywords ? r.keywords.split(' ') : [];
    let score = 0;
    for (const { f, idf } of scored) {
      const shared =
        f.kind === 'titleToken' ? titleTokens.has(f.tokens[0]!) : countPhrase(keywordTokens, f.tokens) > 0;
      if (shared) score += RELATED_WEIGHTS[f.kind] * idf;
    }
    return {
      row: r,
      score: Math.round(score * 1e9) / 1e9,
      sameCategory: r.categoryCode === source.categoryCode ? 1 : 0,
      sharedThemes: Number(r.sharedThemes),
      sameAgency: r.publisherName === source.publisher ? 1 : 0,
    };
  });
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.sameCategory - a.sameCategory ||
      b.sharedThemes - a.sharedThemes ||
      b.sameAgency - a.sameAgency ||
      Number(a.row.id) - Number(b.row.id),
  );
  return ranked
    .filter((r) => r.score > 0)
    .slice(0, wanted)
    .map(({ row, score }) => ({
      datasetId: Number(row.id),
      identifier: row.identifier,
      title: row.titleZh,
      agency: row.publisherName,
      categoryCode: row.categoryCode,
      badge: row.qualityBadge,
      score,
    }));
}
