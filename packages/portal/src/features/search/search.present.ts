import type { z } from 'zod';
import type { SearchHit, SearchResult } from '../../search/index.ts';
import type { SearchHitSchema, SearchResponseSchema } from './search.schema.ts';

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
