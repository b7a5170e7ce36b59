import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RESOURCE_ID_PATTERN } from '@odp/quality/metadata';
import { AppError } from '../../errors/app-error.ts';
import { isVisible } from '../../http/dataset-lookup.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { findDatasetIdByResourceId, loadDatasets } from './dataset.repo.ts';
import { ResourceSchema, presentResource } from './dataset.present.ts';

/** GET /api/v1/resources/{resourceID}: one resource (資料資源) and the dataset it belongs to. */

const ResourceParamsSchema = z.object({
  resourceID: z.string().min(1).max(100).describe('資料資源編號, e.g. A41000000G-000001-001'),
});

const ResourceWithDatasetSchema = ResourceSchema.extend({
  dataset: z.object({ datasetId: z.number().int(), identifier: z.string(), title: z.string() }),
});

export const resourceRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue }) => {
  app.get(
    '/resources/:resourceID',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Get a resource (資料資源) by its resourceID',
        params: ResourceParamsSchema,
        response: { 200: ResourceWithDatasetSchema, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const resourceID = request.params.resourceID.trim();
      if (!RESOURCE_ID_PATTERN.test(resourceID)) {
        throw new AppError(
          'INVALID_IDENTIFIER',
          `${resourceID.slice(0, 60)} is not a resourceID like A41000000G-000001-001`,
        );
      }
      const datasetId = await findDatasetIdByResourceId(catalogue.db, resourceID);
      const [record] = datasetId === undefined ? [] : await loadDatasets(catalogue.db, [datasetId]);
      const resource = record?.distribution.find((r) => r.resourceID === resourceID);
      if (!record || !resource || !isVisible(record, request.isAdmin)) {
        throw new AppError('RESOURCE_NOT_FOUND', `No resource ${resourceID}`);
      }
      return {
        ...presentResource(resource),
        dataset: { datasetId: record.datasetId, identifier: record.identifier, title: record.title },
      };
    },
  );
};
