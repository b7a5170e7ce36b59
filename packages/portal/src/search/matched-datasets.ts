import { sql } from 'kysely';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import type { ParsedQuery } from './analysis/index.ts';
import { fts5All, tsCombine } from './match-expressions.ts';
import { andAll, searchConditions, textTerms } from './search-conditions.ts';
import type { FacetName } from './search-query.ts';

/**
 * The ids of every dataset a search matches, evaluated once per search: their number is
 * the total, the facets are counted from them, and a relevance search with few matches
 * re-scores them all without matching again.
 *
 * With words, the full-text index drives (one lookup in datasets per indexed match)
 * rather than `datasets d where d.id in (…match…)`, which SQLite runs as one status-index
 * probe per listed status per match — about twice the time at 50,000 matches. The set is
 * the same: every condition of searchConditions still applies, to `d`.
 */
export async function matchedIds(
  ctx: CatalogueContext,
  parsed: ParsedQuery,
  facets: Partial<Record<FacetName, string>>,
): Promise<number[]> {
  // Without the plugins: no key conversion of each of up to a million rows.
  const db = ctx.db.withoutPlugins();
  const terms = textTerms(parsed);
  let rows: { id: number | string }[];
  if (terms.length === 0) {
    const where = andAll(searchConditions(ctx.dialect, parsed, facets, true));
    rows = (await sql<{ id: number }>`select d.id from datasets d where ${where}`.execute(db)).rows;
  } else {
    const rest = andAll(searchConditions(ctx.dialect, parsed, facets, false));
    rows =
      ctx.dialect === 'postgres'
        ? (
            await sql<{ id: number }>`select s.dataset_id as id
              from search_documents s join datasets d on d.id = s.dataset_id
              where s.document @@ ${tsCombine(
                terms.map((t) => t.tokens),
                '&&',
              )} and ${rest}`.execute(db)
          ).rows
        : (
            await sql<{ id: number }>`select search_fts.rowid as id
              from search_fts join datasets d on d.id = search_fts.rowid
              where search_fts match ${fts5All(terms)} and ${rest}`.execute(db)
          ).rows;
  }
  return rows.map((r) => Number(r.id));
}
