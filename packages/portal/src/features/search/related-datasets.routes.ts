import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { relatedDatasets } from '../../search/index.ts';
import { DatasetParamsSchema } from '../datasets/dataset.routes.ts';
import { RelatedQuerySchema, RelatedResponseSchema } from './related-datasets.schema.ts';
import { presentRelated } from './search.present.ts';

/** GET /api/v1/datasets/{datasetId}/related: the listed datasets most like this one. */
export const relatedDatasetRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue }) => {
  app.get(
    '/datasets/:datasetId/related',
    {
      schema: {
        tags: ['search'],
        summary:
          'Related datasets: the listed datasets sharing the most distinctive title words and keywords',
        description:
          'Shared keywords and title words count by their rarity; ties go to the same 服務分類, ' +
          'shared themes, then the same agency (docs/search.md). An unknown or unlisted dataset is 404.',
        params: DatasetParamsSchema,
        querystring: RelatedQuerySchema,
        response: { 200: RelatedResponseSchema, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const source = await findVisibleDataset(catalogue, request.params.datasetId, request.isAdmin);
      return presentRelated(source.datasetId, await relatedDatasets(catalogue, source, request.query.limit));
    },
  );
};
