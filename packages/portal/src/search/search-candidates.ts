import { sql, type RawBuilder } from 'kysely';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import type { SearchTokenColumns } from '../db/schema.ts';
import type { ParsedQuery } from './analysis/index.ts';
import { fts5All, tsCombine } from './match-expressions.ts';
import type { Candidate } from './rank-candidates.ts';
import { FIELD_WEIGHTS, INDEXED_FIELDS, postgresWeights } from './ranking-weights.ts';
import { textTerms } from './search-conditions.ts';

/**
 * The candidates a relevance search re-scores (rank-candidates.ts), with their stored
 * tokens, quality badge and downloads (the ranking's priors): the engine's best matches when there are more than the re-ranker takes, or
 * every matched dataset, read by id, when there are not (no second full-text match).
 */

/** Ids bound per statement. */
const CHUNK = 500;

type TokenRow = SearchTokenColumns & {
  datasetId: number;
  qualityBadge: string | null;
  downloads: number | string;
};

const toCandidate = (r: TokenRow): Candidate => ({
  datasetId: Number(r.datasetId),
  badge: r.qualityBadge,
  downloads: Number(r.downloads),
  tokens: {
    title: r.title,
    keywords: r.keywords,
    fields: r.fields,
    description: r.description,
    agency: r.agency,
  },
});

/**
 * The engine's best `count` matches (its own ranking), with their stored tokens. The
 * ranked query reads ids only: carrying every match's token columns through the sort
 * cost more than the ranking itself; the winners' tokens are read by id after.
 */
export async function engineCandidates(
  ctx: CatalogueContext,
  parsed: ParsedQuery,
  where: RawBuilder<unknown>,
  count: number,
): Promise<Candidate[]> {
  const terms = textTerms(parsed);
  let rows;
  if (ctx.dialect === 'postgres') {
    const [d, c, b, a] = postgresWeights();
    const query = tsCombine(
      terms.map((t) => t.tokens),
      '&&',
    );
    rows = await sql<{ datasetId: number }>`select s.dataset_id
      from search_documents s join datasets d on d.id = s.dataset_id
      where s.document @@ ${query} and ${where}
      order by ts_rank_cd(array[${sql.lit(d)}, ${sql.lit(c)}, ${sql.lit(b)}, ${sql.lit(a)}]::float4[], s.document, ${query}, 33) desc, s.dataset_id
      limit ${count}`.execute(ctx.db);
  } else {
    const weights = sql.join(INDEXED_FIELDS.map((f) => sql.lit(FIELD_WEIGHTS[f])));
    rows = await sql<{ datasetId: number }>`select search_fts.rowid as dataset_id
      from search_fts join datasets d on d.id = search_fts.rowid
      where search_fts match ${fts5All(terms)} and ${where}
      order by bm25(search_fts, ${weights}), search_fts.rowid
      limit ${count}`.execute(ctx.db);
  }
  return candidatesByIds(
    ctx,
    rows.rows.map((r) => Number(r.datasetId)),
  );
}

/** The stored tokens of the datasets `ids` (matched datasets are always in the index). */
export async function candidatesByIds(ctx: CatalogueContext, ids: readonly number[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows =
      ctx.dialect === 'postgres'
        ? await ctx.db
            .selectFrom('searchDocuments as s')
            .innerJoin('datasets as d', 'd.id', 's.datasetId')
            .leftJoin('datasetUsageTotals as u', 'u.datasetId', 's.datasetId')
            .select([
              's.datasetId',
              'd.qualityBadge',
              sql<number>`coalesce(u.downloads_total, 0)`.as('downloads'),
              ...INDEXED_FIELDS.map((f) => `s.${f}` as const),
            ])
            .where('s.datasetId', 'in', part)
            .execute()
        : (
            await sql<TokenRow>`select s.rowid as dataset_id, d.quality_badge,
              coalesce(u.downloads_total, 0) as downloads, ${sql.join(INDEXED_FIELDS.map((f) => sql.ref(`s.${f}`)))}
              from search_fts s join datasets d on d.id = s.rowid
              left join dataset_usage_totals u on u.dataset_id = s.rowid
              where s.rowid in (${sql.join(part)})`.execute(ctx.db)
          ).rows;
    for (const r of rows) out.push(toCandidate(r));
  }
  return out;
}
