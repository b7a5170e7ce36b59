import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { suggestSearches } from '../../search/index.ts';
import { presentSuggestions } from './search.present.ts';
import { SuggestQuerySchema, SuggestResponseSchema } from './suggest.schema.ts';

/** GET /api/v1/search/suggest: titles, keywords and agencies for what has been typed. */
export const suggestRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue }) => {
  app.get(
    '/search/suggest',
    {
      schema: {
        tags: ['search'],
        summary: 'Autocomplete: dataset titles, keywords and agencies for a typed prefix',
        description:
          'Any text is accepted in `q`; input without letters or digits (empty, punctuation, ' +
          'operators) gets no suggestions. Keywords and agencies come first, at most half the ' +
          'list, then titles (docs/search.md).',
        querystring: SuggestQuerySchema,
        response: { 200: SuggestResponseSchema, ...errorResponses(400, 401, 500) },
      },
    },
    async (request) =>
      presentSuggestions(
        await suggestSearches(catalogue, { q: request.query.q, limit: request.query.limit }),
      ),
  );
};
