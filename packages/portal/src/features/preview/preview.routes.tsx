import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HTML_LANG } from '../../i18n/locale.ts';
import { AppError } from '../../errors/app-error.ts';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import type { PageContext } from '../pages/page-context.ts';
import { contextOf, pageUrls, sendPage, type PageRouteOptions } from '../pages/page-response.ts';
import { renderPage } from '../pages/views/layout.tsx';
import { parseSort } from '../tables/table-query.ts';
import { profileResourceTable, type TableProfile } from '../tables/table-profile.ts';
import { aggregateResourceTable, queryResourceTable, type TablesContext } from '../tables/tables.service.ts';
import { chartResult, chartSpecOf, type ChartSpec } from './chart-data.ts';
import { suggestCharts } from './chart-suggestions.ts';
import { renderChartSvg } from './chart-svg.ts';
import { previewMessages } from './preview-messages.ts';
import {
  ChartQuerySchema,
  filterOf,
  PreviewQuerySchema,
  ResourcePageParamsSchema,
  type ChartQuery,
  type ResourcePageParams,
} from './preview.schema.ts';
import { ChartPage } from './views/chart-page.tsx';
import { EMBED_CSP, EmbedPage } from './views/embed-page.tsx';
import { PreviewPage, type PreviewResource } from './views/preview-page.tsx';

/**
 * A structured resource's preview (預覽) and charts (圖表), in both languages:
 *
 * - `/dataset/{datasetId}/resource/{resourceID}/preview` (+ `.json`): rows with paging,
 *   sorting and a filter, and the column profiles;
 * - `…/chart` (+ `.json`): the chart builder, suggestions and the chart as inline SVG;
 * - `…/chart.svg`: the chart alone, as an SVG file;
 * - `/embed/dataset/{datasetId}/resource/{resourceID}/chart`: the chart for an `<iframe>`.
 *
 * The rows, groups and profiles come from the tables service (features/tables/).
 */

async function resourceOf(
  options: PageRouteOptions,
  ctx: PageContext,
  params: ResourcePageParams,
): Promise<PreviewResource> {
  const dataset = await findVisibleDataset(options.catalogue, params.datasetId, false);
  const resourceId = params.resourceId.trim();
  const resource = dataset.distribution.find((r) => r.resourceID === resourceId);
  if (!resource) {
    throw new AppError(
      'RESOURCE_NOT_FOUND',
      `Dataset ${dataset.identifier} has no resource ${resourceId.slice(0, 60)}`,
    );
  }
  const english = ctx.locale === 'en' && dataset.titleEn ? dataset.titleEn : null;
  return {
    datasetId: dataset.datasetId,
    datasetTitle: english ?? dataset.title,
    resourceId,
    name: resource.resourceDescription || resourceId,
  };
}

function tablesOf(options: PageRouteOptions): TablesContext {
  return { catalogue: options.catalogue, settings: options.settings };
}

/** The chart of a query (undefined before an X column is chosen), drawn. */
async function drawChart(
  options: PageRouteOptions,
  ctx: PageContext,
  resourceId: string,
  query: ChartQuery,
  profile: TableProfile,
) {
  const spec: ChartSpec | undefined = chartSpecOf(query, profile.columns);
  if (!spec) return undefined;
  const tables = tablesOf(options);
  const result = await chartResult(
    spec,
    {
      aggregate: (q) => aggregateResourceTable(tables, resourceId, q),
      rows: (q) => queryResourceTable(tables, resourceId, q),
    },
    previewMessages(ctx.locale),
    ctx.locale,
  );
  return { spec, result, svg: renderChartSvg(result.drawing) };
}

function chartContext(request: FastifyRequest, options: PageRouteOptions): PageContext {
  return contextOf(request, options);
}

export const previewRoutes: FastifyPluginAsyncZod<PageRouteOptions> = async (app, options) => {
  const tables = tablesOf(options);

  for (const { url, json } of pageUrls('/dataset/:datasetId/resource/:resourceId/preview')) {
    app.get(
      url,
      {
        config: { html: !json },
        schema: { params: ResourcePageParamsSchema, querystring: PreviewQuerySchema },
      },
      async (request, reply) => {
        const ctx = contextOf(request, options);
        const query = request.query;
        const resource = await resourceOf(options, ctx, request.params);
        const filter = filterOf(query);
        const [rows, profile] = await Promise.all([
          queryResourceTable(tables, resource.resourceId, {
            filters: filter ? [filter] : [],
            sort: parseSort(query.sort),
            limit: query.limit,
            offset: query.offset,
          }),
          profileResourceTable(tables, resource.resourceId),
        ]);
        const data = {
          resource,
          query,
          rows: { total: rows.total, fields: rows.fields, records: rows.records, truncated: rows.truncated },
          profile,
        };
        if (json) return data;
        return sendPage(reply, ctx, <PreviewPage ctx={ctx} data={data} />);
      },
    );
  }

  for (const { url, json } of pageUrls('/dataset/:datasetId/resource/:resourceId/chart')) {
    app.get(
      url,
      {
        config: { html: !json },
        schema: { params: ResourcePageParamsSchema, querystring: ChartQuerySchema },
      },
      async (request, reply) => {
        const ctx = chartContext(request, options);
        const resource = await resourceOf(options, ctx, request.params);
        const profile = await profileResourceTable(tables, resource.resourceId);
        const chart = await drawChart(options, ctx, resource.resourceId, request.query, profile);
        const suggestions = suggestCharts(profile, previewMessages(ctx.locale));
        if (json) {
          return {
            resource,
            query: request.query,
            suggestions,
            chart: chart
              ? {
                  title: chart.result.drawing.title,
                  xLabel: chart.result.drawing.xLabel,
                  yLabel: chart.result.drawing.yLabel,
                  data: chart.result.drawing.data,
                  summary: chart.result.summary,
                  notes: chart.result.notes,
                }
              : null,
          };
        }
        const data = {
          resource,
          query: request.query,
          columns: profile.columns,
          suggestions,
          chart: chart ? { result: chart.result, svg: chart.svg } : undefined,
        };
        return sendPage(reply, ctx, <ChartPage ctx={ctx} data={data} />);
      },
    );
  }

  /** The chart alone; an X column is required here. */
  async function requiredChart(request: FastifyRequest, params: ResourcePageParams, query: ChartQuery) {
    const ctx = chartContext(request, options);
    if (query.x === undefined) {
      throw new AppError('VALIDATION_FAILED', 'The chart needs an X column (x)', [
        { field: 'x', code: 'required', message: 'Choose an X column for the chart' },
      ]);
    }
    const resource = await resourceOf(options, ctx, params);
    const profile = await profileResourceTable(tables, resource.resourceId);
    const chart = await drawChart(options, ctx, resource.resourceId, query, profile);
    if (!chart) throw new AppError('VALIDATION_FAILED', 'The chart needs an X column (x)');
    return { ctx, resource, chart };
  }

  app.get(
    '/dataset/:datasetId/resource/:resourceId/chart.svg',
    { config: { html: false }, schema: { params: ResourcePageParamsSchema, querystring: ChartQuerySchema } },
    async (request, reply) => {
      const { resource, chart } = await requiredChart(request, request.params, request.query);
      const fileName = `${resource.resourceId.replace(/[^A-Za-z0-9._-]/g, '_')}-chart.svg`;
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('content-disposition', `inline; filename="${fileName}"`)
        .send(`<?xml version="1.0" encoding="UTF-8"?>\n${chart.svg}\n`);
    },
  );

  app.get(
    '/embed/dataset/:datasetId/resource/:resourceId/chart',
    { config: { html: true }, schema: { params: ResourcePageParamsSchema, querystring: ChartQuerySchema } },
    async (request, reply) => {
      const { ctx, resource, chart } = await requiredChart(request, request.params, request.query);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', EMBED_CSP)
        .header('content-language', HTML_LANG[ctx.locale])
        .send(renderPage(<EmbedPage ctx={ctx} resource={resource} chart={chart} />));
    },
  );
};
