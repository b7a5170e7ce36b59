import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { popularDatasets, siteUsageTotals } from './popular-datasets.ts';
import { PopularQuerySchema, PopularResponseSchema, TotalsResponseSchema } from './stats.schema.ts';

/** GET /api/v1/stats/popular and /api/v1/stats/totals: usage statistics from the daily aggregates. */
export const statsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue }) => {
  app.get(
    '/stats/popular',
    {
      schema: {
        tags: ['statistics'],
        summary: 'The most downloaded (or viewed) listed datasets, overall or in the last 7 days',
        querystring: PopularQuerySchema,
        response: { 200: PopularResponseSchema, ...errorResponses(400, 401, 500) },
      },
    },
    async (request) => {
      const { window, limit, by } = request.query;
      return { window, by, results: await popularDatasets(catalogue, { window, limit, by }) };
    },
  );
  app.get(
    '/stats/totals',
    {
      schema: {
        tags: ['statistics'],
        summary: "The site's page views, downloads and API calls over every aggregated day",
        response: { 200: TotalsResponseSchema, ...errorResponses(401, 500) },
      },
    },
    async () => siteUsageTotals(catalogue),
  );
};
