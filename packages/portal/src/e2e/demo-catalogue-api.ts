import type { E2ePortal } from './e2e-portal.ts';

/** What the REST API says of the demo catalogue, for the browser tests to compare the pages with. */

export interface SearchResponse {
  total: number;
  results: { datasetId: number; title: string }[];
}

export interface DatasetResponse {
  datasetId: number;
  title: string;
  fields: { name: string; title: string | null }[];
  distribution: { resourceID: string; format: string; downloadURL: string | null }[];
}

/** What GET /api/v1/search finds for the words (up to 50 datasets); `filters` is `&name=value…`. */
export function apiSearch(portal: E2ePortal, text: string, filters = ''): Promise<SearchResponse> {
  return portal.getJson<SearchResponse>(`/api/v1/search?q=${encodeURIComponent(text)}&limit=50${filters}`);
}

/** The first dataset found for 雨量 with a CSV resource served by the portal itself. */
export async function rainfallWithCsv(
  portal: E2ePortal,
): Promise<DatasetResponse & { csvURL: string; csvResourceID: string }> {
  for (const hit of (await apiSearch(portal, '雨量')).results) {
    const dataset = await portal.getJson<DatasetResponse>(`/api/v1/datasets/${hit.datasetId}`);
    const csv = dataset.distribution.find(
      (r) => r.format.toUpperCase() === 'CSV' && r.downloadURL?.startsWith(`${portal.origin}/demo-files/`),
    );
    if (csv?.downloadURL) return { ...dataset, csvURL: csv.downloadURL, csvResourceID: csv.resourceID };
  }
  throw new Error('No dataset found for 雨量 has a CSV resource served by the portal');
}
