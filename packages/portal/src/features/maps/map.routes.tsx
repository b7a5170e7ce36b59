import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import { HTML_LANG } from '../../i18n/locale.ts';
import type { DatasetRecord, ResourceRecord } from '../datasets/dataset.record.ts';
import { contextOf, pageUrls, type PageRouteOptions } from '../pages/page-response.ts';
import { renderPage } from '../pages/views/layout.tsx';
import { CountyLookup } from './county-lookup.ts';
import { LEAFLET_SCRIPT_HREF, LEAFLET_STYLESHEET_HREF, MAP_SCRIPT_HREF } from './map-assets.ts';
import { mapPageCsp } from './map-csp.ts';
import { mapLocations } from './map-locations.ts';
import { loadResourceMap, type ResourceMap } from './map-source.ts';
import { taiwanOutline } from './taiwan-outline.ts';
import { MapPage, type MapPageData } from './views/map-page.tsx';

/**
 * GET /dataset/{datasetId}/resource/{resourceId}/map (and under /en/): a resource's map,
 * with its `.json` twin (the table of locations and where the map's data is), and
 * …/map.geojson: what the map draws as GeoJSON (application/geo+json) — for a GeoJSON
 * resource its checked fetched copy, for a KML resource the copy converted, for a table
 * with coordinates its points. The page's CSP is the pages' own, plus the tile server in
 * img-src when one is configured (map-csp.ts).
 */

const MapParamsSchema = z.object({
  datasetId: z.string().min(1).max(100),
  resourceId: z.string().min(1).max(100),
});

/** Rows of the table of locations on the page (the GeoJSON has every feature). */
export const MAX_LISTED_LOCATIONS = 500;

function resourceOf(dataset: DatasetRecord, rawResourceId: string): ResourceRecord {
  const resourceId = rawResourceId.trim();
  const resource = dataset.distribution.find((r) => r.resourceID === resourceId);
  if (!resource) {
    throw new AppError(
      'RESOURCE_NOT_FOUND',
      `Dataset ${dataset.identifier} has no resource ${resourceId.slice(0, 60)}`,
    );
  }
  return resource;
}

/** Where the script reads the features: the data API for tables, the map's own GeoJSON otherwise. */
function dataUrlOf(map: ResourceMap, datasetId: number, resourceId: string): string {
  const id = encodeURIComponent(resourceId);
  return map.source.kind === 'coordinates'
    ? `/api/v1/resources/${id}/data.geojson`
    : `/dataset/${datasetId}/resource/${id}/map.geojson`;
}

export const mapPageRoutes: FastifyPluginAsyncZod<PageRouteOptions> = async (app, options) => {
  const { catalogue, settings } = options;
  const deps = { catalogue, settings };
  const tileUrl = settings.map?.tileUrl;
  const csp = mapPageCsp(tileUrl);

  for (const { url, json } of pageUrls('/dataset/:datasetId/resource/:resourceId/map')) {
    app.get(url, { config: { html: !json }, schema: { params: MapParamsSchema } }, async (request, reply) => {
      const dataset = await findVisibleDataset(catalogue, request.params.datasetId, false);
      const resource = resourceOf(dataset, request.params.resourceId);
      const map = await loadResourceMap(deps, dataset.datasetId, resource);
      const outline = taiwanOutline();
      const locations = mapLocations(map.features, new CountyLookup(outline.outline), MAX_LISTED_LOCATIONS);
      const dataUrl = dataUrlOf(map, dataset.datasetId, resource.resourceID);
      if (json) {
        return {
          datasetId: dataset.datasetId,
          resourceId: resource.resourceID,
          source: map.source,
          total: map.total,
          truncated: map.truncated,
          dataUrl,
          outlineUrl: outline.href,
          locations,
        };
      }
      const path = `/dataset/${dataset.datasetId}/resource/${encodeURIComponent(resource.resourceID)}/map`;
      const ctx = { ...contextOf(request, options), path };
      const data: MapPageData = {
        datasetId: dataset.datasetId,
        datasetTitle: dataset.title,
        datasetTitleEn: dataset.titleEn,
        resourceId: resource.resourceID,
        resourceName: resource.resourceDescription || resource.resourceID,
        source: map.source,
        features: map.features,
        total: map.total,
        locations,
        dataUrl,
        outlineUrl: outline.href,
        tileUrl,
        tileAttribution: settings.map?.tileAttribution ?? '',
        assets: {
          leafletScript: LEAFLET_SCRIPT_HREF,
          leafletStylesheet: LEAFLET_STYLESHEET_HREF,
          mapScript: MAP_SCRIPT_HREF,
        },
      };
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', csp)
        .header('content-language', HTML_LANG[ctx.locale])
        .send(renderPage(<MapPage ctx={ctx} data={data} outline={outline.outline} />));
    });
  }

  app.get(
    '/dataset/:datasetId/resource/:resourceId/map.geojson',
    { config: { html: false }, schema: { params: MapParamsSchema } },
    async (request, reply) => {
      const dataset = await findVisibleDataset(catalogue, request.params.datasetId, false);
      const resource = resourceOf(dataset, request.params.resourceId);
      const map = await loadResourceMap(deps, dataset.datasetId, resource);
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('x-content-type-options', 'nosniff')
        .send(JSON.stringify(map.features));
    },
  );
};
