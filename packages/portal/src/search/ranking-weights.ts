/**
 * How much a match in each field counts, in one place: SQLite's bm25() column weights,
 * PostgreSQL's ts_rank_cd weights (D, C, B, A) and the re-scoring of candidates in
 * rank-candidates.ts all read these.
 */
export const FIELD_WEIGHTS = {
  title: 10,
  keywords: 5,
  /** 主要欄位說明 */
  fields: 2,
  description: 1,
  agency: 2,
} as const;

export type IndexedField = keyof typeof FIELD_WEIGHTS;

/** The index columns in table order (FTS5 columns, bm25 arguments). */
export const INDEXED_FIELDS: readonly IndexedField[] = [
  'title',
  'keywords',
  'fields',
  'description',
  'agency',
];

/**
 * PostgreSQL's weights array {D, C, B, A}, scaled so A (title) is 1. C holds 主要欄位說明
 * and agency, which share one weight.
 */
export function postgresWeights(): [number, number, number, number] {
  const a = FIELD_WEIGHTS.title;
  return [FIELD_WEIGHTS.description / a, FIELD_WEIGHTS.fields / a, FIELD_WEIGHTS.keywords / a, 1];
}

/** BM25 term-frequency saturation and length normalisation of the re-scoring. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** Typical token counts per field (length normalisation uses fixed lengths, so scores do not depend on the candidate set). */
export const TYPICAL_FIELD_TOKENS: Record<IndexedField, number> = {
  title: 30,
  keywords: 12,
  fields: 80,
  description: 200,
  agency: 14,
};

/** Added when the title is exactly the query's words (one saturated field match is at most 2.2). */
export const EXACT_TITLE_BOOST = 1;

/** The quality prior: the score is multiplied by 1 + QUALITY_PRIOR × the badge's level. */
export const QUALITY_PRIOR = 0.02;
export const BADGE_LEVELS: Readonly<Record<string, number>> = { bronze: 1, silver: 2, gold: 3, platinum: 4 };

/** The popularity prior: + POPULARITY_PRIOR per tenfold downloads, at most POPULARITY_PRIOR_CAP. */
export const POPULARITY_PRIOR = 0.01;
export const POPULARITY_PRIOR_CAP = 0.05;

/** How many of the engine's best candidates are re-scored (pages beyond it follow engine order). */
export const RERANK_CANDIDATES = 1000;
