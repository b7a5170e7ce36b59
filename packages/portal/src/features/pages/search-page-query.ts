import { z } from 'zod';
import { FACETS, PAGE_SIZES, SEARCH_SORTS, type FacetName } from '../../search/index.ts';
import { withQuery } from './page-context.ts';

/** The query string of the search page `/datasets` and the links that change it. */

const facetValue = z.string().trim().max(200).optional();

export const SearchPageQuerySchema = z.object({
  q: z.string().max(1_000).optional(),
  sort: z.enum(SEARCH_SORTS).optional(),
  limit: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { message: 'must be 10, 30 or 50' })
    .default(30),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  category: facetValue,
  level: facetValue,
  agency: facetValue,
  theme: facetValue,
  format: facetValue,
  badge: facetValue,
  licence: facetValue,
  frequency: facetValue,
  type: facetValue,
});
export type SearchPageQuery = z.output<typeof SearchPageQuerySchema>;

export const DEFAULT_PAGE_SIZE = 30;

export function selectedFacets(query: SearchPageQuery): Partial<Record<FacetName, string>> {
  const out: Partial<Record<FacetName, string>> = {};
  for (const f of FACETS) {
    const value = query[f];
    if (value) out[f] = value;
  }
  return out;
}

/** The search page path for `query` with `change` applied; paging restarts unless an offset is given. */
export function searchPath(
  query: SearchPageQuery,
  change: Partial<Record<keyof SearchPageQuery, string | number | undefined>>,
): string {
  const next = { ...query, offset: 0, ...change };
  return withQuery('/datasets', {
    q: typeof next.q === 'string' ? next.q.trim() || undefined : undefined,
    ...Object.fromEntries(FACETS.map((f) => [f, next[f]])),
    sort: next.sort,
    limit: next.limit === DEFAULT_PAGE_SIZE ? undefined : next.limit,
    offset: next.offset === 0 ? undefined : next.offset,
  });
}
