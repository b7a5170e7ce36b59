import { withQuery } from '../pages/page-context.ts';
import { DEFAULT_PREVIEW_PAGE_SIZE, type ChartQuery, type PreviewQuery } from './preview.schema.ts';

/** The page paths (without the language prefix) of a resource's preview, chart and embed. */

export function resourcePath(datasetId: number, resourceId: string): string {
  return `/dataset/${datasetId}/resource/${encodeURIComponent(resourceId)}`;
}

/** The preview with `query`, leaving out what is at its default. */
export function previewPath(
  datasetId: number,
  resourceId: string,
  query: Partial<PreviewQuery> = {},
): string {
  return withQuery(`${resourcePath(datasetId, resourceId)}/preview`, {
    filter: query.filter,
    op: query.filter === undefined || query.op === 'exact' ? undefined : query.op,
    value: query.filter === undefined ? undefined : query.value,
    sort: query.sort,
    limit: query.limit === DEFAULT_PREVIEW_PAGE_SIZE ? undefined : query.limit,
    offset: query.offset ? query.offset : undefined,
  });
}

/** The chart's query string (`?type=bar&x=…`), leaving out what is unset. */
export function chartSearch(query: Partial<ChartQuery>): string {
  const path = withQuery('', {
    type: query.type,
    x: query.x,
    y: query.y,
    agg: query.agg,
    bucket: query.bucket,
    group: query.group,
    filter: query.filter,
    op: query.filter === undefined || query.op === 'exact' ? undefined : query.op,
    value: query.filter === undefined ? undefined : query.value,
  });
  return path;
}

export type ChartView = 'chart' | 'chart.svg' | 'chart.json';

export function chartPath(
  datasetId: number,
  resourceId: string,
  query: Partial<ChartQuery> = {},
  view: ChartView = 'chart',
): string {
  return `${resourcePath(datasetId, resourceId)}/${view}${chartSearch(query)}`;
}

/** The embeddable chart page (no language prefix: callers add it). */
export function embedPath(datasetId: number, resourceId: string, query: Partial<ChartQuery>): string {
  return `/embed${resourcePath(datasetId, resourceId)}/chart${chartSearch(query)}`;
}
