import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RESOURCE_ID_PATTERN } from '@odp/quality/metadata';
import { AppError } from '../../errors/app-error.ts';
import { findVisibleDataset, isVisible } from '../../http/dataset-lookup.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { findDatasetIdByResourceId, loadDatasets } from '../datasets/dataset.repo.ts';
import { DatasetParamsSchema } from '../datasets/dataset.routes.ts';
import {
  DatasetQualitySchema,
  presentDatasetQuality,
  presentRuns,
  RunListSchema,
} from './quality.present.ts';
import { scoreDatasets } from './metadata-score.service.ts';
import { listDatasetFixes } from './fix-list.ts';
import { latestChecks, resourceRowIds, runHistory } from './quality.repo.ts';

/** Quality results in the REST API v1: a dataset's checks and a resource's run history. */

const RunParamsSchema = z.object({
  resourceID: z.string().min(1).max(100).describe('資料資源編號, e.g. A41000000G-000001-001'),
});
const RunQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('At most this many runs, newest first'),
});

export const qualityRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue, settings }) => {
  const rowIdsOf = (datasetId: number) => resourceRowIds(catalogue.db, datasetId);

  app.get(
    '/datasets/:datasetId/quality',
    {
      schema: {
        tags: ['quality'],
        summary:
          'The badge of a dataset, every check of every resource with evidence and fixes, and the metadata quality score',
        params: DatasetParamsSchema,
        response: { 200: DatasetQualitySchema, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const record = await findVisibleDataset(catalogue, request.params.datasetId, request.isAdmin);
      const rowIds = await rowIdsOf(record.datasetId);
      const score = (await scoreDatasets(catalogue, [record])).get(record.datasetId)!;
      return presentDatasetQuality(
        record,
        rowIds,
        await latestChecks(catalogue.db, [...rowIds.values()]),
        score,
        await listDatasetFixes(catalogue, record, {
          rules: settings.badgeRules,
          publicUrl: settings.publicUrl,
        }),
      );
    },
  );

  app.get(
    '/resources/:resourceID/quality/runs',
    {
      schema: {
        tags: ['quality'],
        summary: 'The check history of a resource, newest first',
        params: RunParamsSchema,
        querystring: RunQuerySchema,
        response: { 200: RunListSchema, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const resourceID = request.params.resourceID.trim();
      if (!RESOURCE_ID_PATTERN.test(resourceID))
        throw new AppError(
          'INVALID_IDENTIFIER',
          `${resourceID.slice(0, 60)} is not a resourceID like A41000000G-000001-001`,
        );
      const datasetId = await findDatasetIdByResourceId(catalogue.db, resourceID);
      const [record] = datasetId === undefined ? [] : await loadDatasets(catalogue.db, [datasetId]);
      if (!record || !isVisible(record, request.isAdmin))
        throw new AppError('RESOURCE_NOT_FOUND', `No resource ${resourceID}`);
      const rowId = (await rowIdsOf(record.datasetId)).get(resourceID);
      if (rowId === undefined) throw new AppError('RESOURCE_NOT_FOUND', `No resource ${resourceID}`);
      return presentRuns(resourceID, await runHistory(catalogue.db, rowId, request.query.limit));
    },
  );
};
