/** What a search asks for and what it returns (no HTTP here; see features/search). */

/**
 * relevance, newest (published), modified (metadata), title, id; by use (docs/counting.md):
 * views, downloads, downloads7d (the 7 days to the last complete day); agency (提供機關).
 */
export const SEARCH_SORTS = [
  'relevance',
  'newest',
  'modified',
  'title',
  'id',
  'views',
  'downloads',
  'downloads7d',
  'agency',
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const PAGE_SIZES = [10, 30, 50] as const;

/** Facets, by their API names. */
export const FACETS = [
  'category',
  'level',
  'agency',
  'theme',
  'format',
  'badge',
  'licence',
  'frequency',
  'type',
] as const;
export type FacetName = (typeof FACETS)[number];

export interface SearchQuery {
  /** The search box (docs/search.md, query syntax). Empty: every listed dataset. */
  q?: string | undefined;
  /** Default: relevance when q has words, newest otherwise. */
  sort?: SearchSort | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  /** Facet selections: one value per facet, ANDed with each other and with q. */
  facets?: Partial<Record<FacetName, string>> | undefined;
  /** Skip the facet counts (the bench and internal callers). */
  withoutFacets?: boolean | undefined;
}

export interface SearchHit {
  datasetId: number;
  identifier: string;
  title: string;
  /** The title, HTML-escaped, with matched query characters in <mark>. */
  titleHighlight: string;
  /** Part of the description around the first match, HTML-escaped, with <mark>. */
  descriptionSnippet: string;
  agency: string;
  badge: string | null;
  categoryCode: string;
  type: string;
  publishedAt: string | null;
  metadataModifiedAt: string | null;
  /** The re-scored relevance (0 when sorted otherwise). */
  score: number;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  total: number;
  sort: SearchSort;
  limit: number;
  offset: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetCount[]>;
  /** When nothing matched and an English word looks misspelt: the corrected query. */
  didYouMean?: string;
}
