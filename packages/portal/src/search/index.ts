/** odp search: the index, the query and its results. The analyser is in ./analysis. */
export { searchDatasets } from './search-datasets.ts';
export { rebuildSearchIndex } from './rebuild-index.ts';
export { indexDatasets, removeFromIndex, clearIndex, searchTokens, isSearchable } from './search-index.ts';
export {
  FACETS,
  PAGE_SIZES,
  SEARCH_SORTS,
  type FacetCount,
  type FacetName,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
} from './search-query.ts';
export {
  suggestSearches,
  SUGGEST_LIMIT,
  type SearchSuggestion,
  type SuggestionKind,
  type SuggestResult,
} from './autocomplete.ts';
export {
  relatedDatasets,
  RELATED_LIMIT,
  type RelatedDataset,
  type RelatedSource,
} from './related-datasets.ts';
