import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { findVisibleDataset, listVisibleDatasets } from '../../http/dataset-lookup.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { getVersion, listVersions } from './dataset.repo.ts';
import { DatasetListQuerySchema } from './dataset.schema.ts';
import {
  DatasetListSchema,
  DatasetSchema,
  presentDataset,
  presentVersion,
  VersionDetailSchema,
  VersionListSchema,
} from './dataset.present.ts';

/** Reads of /api/v1/datasets: list with filters, one dataset, its versions. */

export const DatasetParamsSchema = z.object({
  datasetId: z
    .string()
    .min(1)
    .max(100)
    .describe('A numeric datasetId or an identifier such as A41000000G-000001'),
});

const VersionParamsSchema = DatasetParamsSchema.extend({
  version: z.coerce.number().int().min(1).max(1_000_000_000).describe('A version number (1 is the first)'),
});

export const datasetRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue }) => {
  app.get(
    '/datasets',
    {
      schema: {
        tags: ['datasets'],
        summary: 'List datasets',
        description:
          'Filters combine with AND. The public sees published, 預計下架 and 歷史資料 datasets; ' +
          'with the admin token, drafts and delisted datasets too (and `status` filters them).',
        querystring: DatasetListQuerySchema,
        response: { 200: DatasetListSchema, ...errorResponses(400, 401, 500) },
      },
    },
    async (request) => {
      const query = request.query;
      const { total, records } = await listVisibleDatasets(catalogue, query, request.isAdmin);
      return { total, limit: query.limit, offset: query.offset, results: records.map(presentDataset) };
    },
  );

  app.get(
    '/datasets/:datasetId',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Get a dataset with its resources',
        params: DatasetParamsSchema,
        response: { 200: DatasetSchema, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) =>
      presentDataset(await findVisibleDataset(catalogue, request.params.datasetId, request.isAdmin)),
  );

  app.get(
    '/datasets/:datasetId/versions',
    {
      schema: {
        tags: ['datasets'],
        summary: 'List the versions of a dataset (newest first)',
        params: DatasetParamsSchema,
        response: { 200: VersionListSchema, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const record = await findVisibleDataset(catalogue, request.params.datasetId, request.isAdmin);
      const versions = await listVersions(catalogue.db, record.datasetId);
      return {
        datasetId: record.datasetId,
        identifier: record.identifier,
        results: versions.map(presentVersion),
      };
    },
  );

  app.get(
    '/datasets/:datasetId/versions/:version',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Get one version of a dataset: what changed, and the whole dataset as it was',
        params: VersionParamsSchema,
        response: { 200: VersionDetailSchema, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const record = await findVisibleDataset(catalogue, request.params.datasetId, request.isAdmin);
      const version = await getVersion(catalogue.db, record.datasetId, request.params.version);
      if (!version) {
        throw new AppError(
          'VERSION_NOT_FOUND',
          `Dataset ${record.identifier} has no version ${request.params.version}`,
        );
      }
      return { ...presentVersion(version), snapshot: presentDataset(version.snapshot) };
    },
  );
};
