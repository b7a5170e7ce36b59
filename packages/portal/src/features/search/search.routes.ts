import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { FACETS, searchDatasets, type FacetName } from '../../search/index.ts';
import { relatedDatasetRoutes } from './related-datasets.routes.ts';
import { presentSearch } from './search.present.ts';
import { SearchQuerySchema, SearchResponseSchema } from './search.schema.ts';
import { suggestRoutes } from './suggest.routes.ts';

/**
 * GET /api/v1/search: full-text search of the listed datasets with facets; with it the
 * search features' other routes, autocomplete and related datasets.
 */
export const searchRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { catalogue } = deps;
  await app.register(suggestRoutes, deps);
  await app.register(relatedDatasetRoutes, deps);
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search the listed datasets (Chinese and English), with facet counts and highlights',
        description:
          'Any text is accepted in `q`: punctuation, operators and unbalanced quotes are read as ' +
          'plain text (docs/search.md). Facet parameters narrow the results and combine with AND.',
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema, ...errorResponses(400, 401, 500) },
      },
    },
    async (request) => {
      const query = request.query;
      const facets: Partial<Record<FacetName, string>> = {};
      for (const facet of FACETS) {
        const value = query[facet];
        if (value) facets[facet] = value;
      }
      const result = await searchDatasets(catalogue, {
        q: query.q,
        sort: query.sort,
        limit: query.limit,
        offset: query.offset,
        facets,
      });
      return presentSearch(result);
    },
  );
};
