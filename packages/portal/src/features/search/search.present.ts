import type { z } from 'zod';
import type { RelatedDataset, SearchHit, SearchResult, SuggestResult } from '../../search/index.ts';
import type { RelatedResponseSchema } from './related-datasets.schema.ts';
import type { SearchHitSchema, SearchResponseSchema } from './search.schema.ts';
import type { SuggestResponseSchema } from './suggest.schema.ts';

/** The public fields of a search result. */
export function presentHit(h: SearchHit): z.output<typeof SearchHitSchema> {
  return {
    datasetId: h.datasetId,
    identifier: h.identifier,
    title: h.title,
    highlight: h.titleHighlight,
    descriptionSnippet: h.descriptionSnippet,
    agency: h.agency,
    badge: h.badge,
    categoryCode: h.categoryCode,
    type: h.type,
    publishedAt: h.publishedAt,
    modified: h.metadataModifiedAt,
  };
}

export function presentSearch(r: SearchResult): z.output<typeof SearchResponseSchema> {
  return {
    total: r.total,
    limit: r.limit,
    offset: r.offset,
    sort: r.sort,
    results: r.hits.map(presentHit),
    facets: r.facets,
    ...(r.didYouMean ? { didYouMean: r.didYouMean } : {}),
  };
}

export function presentSuggestions(r: SuggestResult): z.output<typeof SuggestResponseSchema> {
  return {
    query: r.query,
    suggestions: r.suggestions.map((s) => ({
      text: s.text,
      kind: s.kind,
      ...(s.datasetId !== undefined ? { datasetId: s.datasetId } : {}),
    })),
  };
}

export function presentRelated(
  datasetId: number,
  related: RelatedDataset[],
): z.output<typeof RelatedResponseSchema> {
  return {
    datasetId,
    results: related.map((d) => ({
      datasetId: d.datasetId,
      identifier: d.identifier,
      title: d.title,
      agency: d.agency,
      categoryCode: d.categoryCode,
      badge: d.badge,
      score: d.score,
    })),
  };
}
