import type { SearchTokenColumns } from '../db/schema.ts';
import {
  BADGE_LEVELS,
  BM25,
  EXACT_TITLE_BOOST,
  FIELD_WEIGHTS,
  INDEXED_FIELDS,
  POPULARITY_PRIOR,
  POPULARITY_PRIOR_CAP,
  QUALITY_PRIOR,
  TYPICAL_FIELD_TOKENS,
} from './ranking-weights.ts';

/**
 * One scoring function for both databases. SQLite's bm25() and PostgreSQL's ts_rank_cd
 * rank differently, so the engine only picks the candidates; they are re-scored here from
 * the stored token columns (the same analyser output on both), and ties go to the lower
 * datasetId. The same candidates therefore come back in the same order on both.
 *
 * BM25F-style: for each query term (a phrase of tokens), the phrase's occurrences in each
 * field are weighted (FIELD_WEIGHTS), length-normalised against a fixed typical length,
 * summed, then saturated. Every candidate matches every term (AND), so no IDF is used.
 * A title equal to the query gets a boost; the quality badge and the downloads a small
 * prior each (a few per cent: they order near-ties, they do not lift a weak match over
 * a strong one).
 */

export interface Candidate {
  datasetId: number;
  tokens: SearchTokenColumns;
  /** The dataset's quality badge (gold, silver, bronze) or null: a small prior. */
  badge: string | null;
  /** Downloads counted so far (aggregated daily): a small popularity prior. */
  downloads: number;
}

/** How many times `phrase` occurs as consecutive tokens in `tokens` (tokens never hold a space). */
export function countPhrase(tokens: readonly string[], phrase: readonly string[]): number {
  return countPhraseIn(` ${tokens.join(' ')} `, phrase);
}

/** Tokens in a stored token column (tokens are joined by single spaces). */
function tokenCount(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) n++;
  return n;
}

/**
 * How many times `phrase` occurs in a stored column without splitting it: `padded` is the
 * column with a space before and after, so a phrase matches whole tokens only.
 * Overlapping occurrences count.
 */
function countPhraseIn(padded: string, phrase: readonly string[]): number {
  if (phrase.length === 0) return 0;
  const needle = ` ${phrase.join(' ')} `;
  let n = 0;
  for (let at = padded.indexOf(needle); at !== -1; at = padded.indexOf(needle, at + 1)) n++;
  return n;
}

/** The score of one candidate for the query's terms (token phrases). */
export function scoreCandidate(candidate: Candidate, terms: readonly (readonly string[])[]): number {
  const { tokens } = candidate;
  const fields = INDEXED_FIELDS.map((f) => ({
    field: f,
    padded: ` ${tokens[f]} `,
    length: tokenCount(tokens[f]),
  }));
  let score = 0;
  for (const term of terms) {
    let weighted = 0;
    for (const { field, padded, length } of fields) {
      if (length === 0) continue;
      const tf = countPhraseIn(padded, term);
      if (tf === 0) continue;
      const norm = 1 - BM25.b + (BM25.b * length) / TYPICAL_FIELD_TOKENS[field];
      weighted += (FIELD_WEIGHTS[field] * tf) / norm;
    }
    score += (weighted * (BM25.k1 + 1)) / (weighted + BM25.k1);
  }
  // A title that is exactly what was asked for (all the terms, in order, and nothing else).
  const asked = terms.flat();
  if (asked.length > 0 && tokens.title === asked.join(' ')) score += EXACT_TITLE_BOOST;
  const quality = QUALITY_PRIOR * (BADGE_LEVELS[candidate.badge ?? ''] ?? 0);
  const popularity = Math.min(
    POPULARITY_PRIOR_CAP,
    POPULARITY_PRIOR * Math.log10(1 + Math.max(0, candidate.downloads)),
  );
  return score * (1 + quality + popularity);
}

/** Candidates best first; equal scores by datasetId. Scores are rounded so float noise cannot reorder. */
export function rankCandidates(
  candidates: readonly Candidate[],
  terms: readonly (readonly string[])[],
): { datasetId: number; score: number }[] {
  return candidates
    .map((c) => ({ datasetId: c.datasetId, score: Math.round(scoreCandidate(c, terms) * 1e9) / 1e9 }))
    .sort((a, b) => b.score - a.score || a.datasetId - b.datasetId);
}
