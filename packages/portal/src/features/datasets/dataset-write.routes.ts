import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DATASET_STATUSES } from '../../domain/dataset-status.ts';
import { AppError } from '../../errors/app-error.ts';
import { writeAuthHook } from '../../http/auth.ts';
import { writeContext } from '../accounts/write-context.ts';
import { findVisibleDataset, parseDatasetKey } from '../../http/dataset-lookup.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { withoutDefaults } from '../../http/zod-validation.ts';
import { DatasetSchema, presentDataset } from './dataset.present.ts';
import { DatasetParamsSchema } from './dataset.routes.ts';
import { DatasetInputSchema, DatasetPatchSchema } from './dataset.schema.ts';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import { changeDatasetStatus, createDatasets, updateDatasetMetadata } from './dataset.service.ts';

/**
 * Writes of /api/v1/datasets: credentials (API key or admin token) are checked before the
 * body is read; the role in the dataset's organisation inside the write's transaction
 * (docs/accounts.md). The schemas validate at the edge; the service validates again and
 * owns the rules. Every write leaves a version and an audit log row.
 */

/**
 * PUT replaces the whole dataset. The identifier may be left out (it never changes),
 * and so may the status (it keeps its value; POST …/status changes it).
 */
const DatasetReplaceSchema = z.object({
  ...DatasetInputSchema.shape,
  identifier: DatasetInputSchema.shape.identifier.optional(),
  status: DatasetInputSchema.shape.status.unwrap().optional(),
});

/** PATCH changes only the fields it names (no defaults are filled in). */
const DatasetPatchBodySchema = withoutDefaults(DatasetPatchSchema);

const StatusBodySchema = z.object({
  status: z.enum(DATASET_STATUSES).describe('The new lifecycle status'),
  delistingDate: z
    .string()
    .optional()
    .describe('預計下架日期 YYYY-MM-DD: required with delisting_scheduled, not before today'),
});

const WRITE_ERRORS = errorResponses(400, 401, 403, 404, 409, 413, 415, 500);
const security = [{ apiKey: [] }];

export const datasetWriteRoutes: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { catalogue, settings, jobQueue },
) => {
  app.addHook('onRequest', writeAuthHook(settings, catalogue.db));

  app.post(
    '/datasets',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Create a dataset (version 1)',
        security,
        body: DatasetInputSchema,
        response: { 201: DatasetSchema, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const [record] = await createDatasets(
        catalogue,
        [{ input: request.body }],
        writeContext(request, 'dataset.create'),
      );
      if (!record) throw new AppError('INTERNAL', 'The dataset was not created');
      await queueChecksAfterWrite(jobQueue, catalogue, record.datasetId, 'publish', request.log);
      return reply
        .code(201)
        .header('location', `/api/v1/datasets/${record.datasetId}`)
        .send(presentDataset(record));
    },
  );

  app.put(
    '/datasets/:datasetId',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Replace a dataset (a new version when anything changed)',
        security,
        params: DatasetParamsSchema,
        body: DatasetReplaceSchema,
        response: { 200: DatasetSchema, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const existing = await findVisibleDataset(catalogue, request.params.datasetId, true);
      const options = writeContext(request, 'dataset.update');
      const { identifier, status, ...rest } = request.body;
      if (identifier !== undefined && identifier !== existing.identifier) {
        throw new AppError('VALIDATION_FAILED', 'The identifier of a dataset cannot change', [
          { field: 'identifier', code: 'immutable', message: `must stay ${existing.identifier}` },
        ]);
      }
      const body = { ...rest, status: status ?? existing.status };
      const { record, changed } = await updateDatasetMetadata(catalogue, existing.datasetId, body, {
        ...options,
        mode: 'replace',
      });
      if (changed) await queueChecksAfterWrite(jobQueue, catalogue, record.datasetId, 'change', request.log);
      return presentDataset(record);
    },
  );

  app.patch(
    '/datasets/:datasetId',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Change some fields of a dataset (a new version when anything changed)',
        security,
        params: DatasetParamsSchema,
        body: DatasetPatchBodySchema,
        response: { 200: DatasetSchema, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const key = parseDatasetKey(request.params.datasetId);
      const { record, changed } = await updateDatasetMetadata(catalogue, key, request.body, {
        ...writeContext(request, 'dataset.update'),
        mode: 'patch',
      });
      if (changed) await queueChecksAfterWrite(jobQueue, catalogue, record.datasetId, 'change', request.log);
      return presentDataset(record);
    },
  );

  app.post(
    '/datasets/:datasetId/status',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Move a dataset through its lifecycle: draft → published → 預計下架 → delisted, or 歷史資料',
        security,
        params: DatasetParamsSchema,
        body: StatusBodySchema,
        response: { 200: DatasetSchema, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const key = parseDatasetKey(request.params.datasetId);
      const { status, delistingDate } = request.body;
      return presentDataset(
        await changeDatasetStatus(catalogue, key, status, {
          ...writeContext(request, 'dataset.status'),
          ...(delistingDate === undefined ? {} : { delistingDate }),
        }),
      );
    },
  );
};
