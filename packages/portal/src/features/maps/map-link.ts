import { detectCoordinateColumns } from '@odp/convert';
import type { ResourceRecord } from '../datasets/dataset.record.ts';
import { href, type PageContext } from '../pages/page-context.ts';
import { geoFormat } from './map-source.ts';

/**
 * Which resources the dataset page links to a map (地圖): GeoJSON and KML resources, and
 * those whose declared fields (主要欄位說明) include a longitude/latitude or TWD97 X/Y
 * pair — decided from the metadata alone, so the dataset page reads no files.
 */
export function resourceHasMap(resource: Pick<ResourceRecord, 'format' | 'resourceField'>): boolean {
  if (geoFormat(resource.format)) return true;
  return detectCoordinateColumns(resource.resourceField.map((f) => f.name)) !== undefined;
}

/** The map page of a resource, in the reader's language. */
export function mapPagePath(ctx: PageContext, datasetId: number, resourceId: string): string {
  return href(ctx, `/dataset/${datasetId}/resource/${encodeURIComponent(resourceId)}/map`);
}
