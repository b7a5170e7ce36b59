import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { writeAuthHook } from '../../http/auth.ts';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { authorize, type OrganizationAction } from '../accounts/policy.ts';
import { writeContext } from '../accounts/write-context.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { findDatasetId, loadDatasets } from '../datasets/dataset.repo.ts';
import { createDatasets, updateDatasetMetadata } from '../datasets/dataset.service.ts';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import {
  V2DatasetCreateSchema,
  V2DatasetReplaceSchema,
  v2DatasetInput,
  v2ReplacementInput,
} from './v2-dataset.input.ts';
import { v2ErrorHandler, v2ErrorResponses } from './v2-error.present.ts';

/**
 * The data.gov.tw v2 publishing API (docs/accounts.md): POST, PUT and DELETE
 * /api/v2/rest/dataset with an API key in `Authorization`. The key is checked before the
 * body is read (ER0001); the key's role in the dataset's organisation inside the write's
 * transaction (ER0403): editor to create and change, admin to delete. DELETE is the
 * permanent delisting (已下架): the dataset stays, with a version and an audit row, and
 * its identifier is never used again. Answers `{"success": true, "result": {…}}`, errors
 * the v2 envelope.
 */

const V2DatasetParamsSchema = z.object({
  datasetId: z.string().min(1).max(100).describe('The datasetId (or the identifier 機關代碼-流水號)'),
});

const V2WriteResultSchema = z
  .object({
    success: z.literal(true),
    result: z.object({
      datasetId: z.string().describe('資料集識別碼, as a string (as data.gov.tw sends it)'),
      identifier: z.string().describe('資料集編號 機關代碼-流水號'),
      modifiedDate: z.string().describe('詮釋資料更新時間 after the write'),
    }),
  })
  .meta({ id: 'DataGovTwWriteResult' });

const security = [{ apiKey: [] }];
const tags = ['data.gov.tw v2'];

function written(record: DatasetRecord): z.output<typeof V2WriteResultSchema> {
  return {
    success: true,
    result: {
      datasetId: String(record.datasetId),
      identifier: record.identifier,
      modifiedDate: record.metadataModifiedAt ?? '',
    },
  };
}

function refused(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field} ${message}`, [{ field, code: 'immutable', message }]);
}

/**
 * The dataset a PUT or DELETE acts on, once the key may act on it. A permanently delisted
 * dataset no longer exists for this API (ER0050 / ER0051, saying why).
 */
async function writableDataset(
  deps: RouteDeps,
  request: FastifyRequest,
  raw: string,
  action: OrganizationAction,
): Promise<DatasetRecord> {
  const existing = await findVisibleDataset(deps.catalogue, raw, true);
  authorize(request.principal, action, existing.organizationId);
  if (existing.status === 'delisted')
    throw new AppError(
      'DATASET_NOT_FOUND',
      `Dataset ${existing.identifier} was permanently delisted (已下架) and can no longer be changed`,
    );
  return existing;
}

export const v2DatasetWriteRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { catalogue, settings, jobQueue } = deps;
  app.setErrorHandler(v2ErrorHandler);
  app.addHook('onRequest', writeAuthHook(settings, catalogue.db));

  app.post(
    '/rest/dataset',
    {
      schema: {
        tags,
        summary: 'Publish a dataset (data.gov.tw v2 field names; 上架方式 系統介接程式)',
        security,
        body: V2DatasetCreateSchema,
        response: { 200: V2WriteResultSchema, ...v2ErrorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => {
      const { identifier } = request.body;
      const takenId = await findDatasetId(catalogue.db, identifier);
      const [taken] = takenId === undefined ? [] : await loadDatasets(catalogue.db, [takenId]);
      if (taken?.status === 'delisted')
        throw new AppError(
          'DUPLICATE_IDENTIFIER',
          `identifier ${identifier} belonged to dataset ${taken.datasetId}, permanently delisted (已下架); an identifier is never used again`,
        );
      const [record] = await createDatasets(
        catalogue,
        [{ input: v2DatasetInput(request.body, identifier), system: { publicationMethod: 'system' } }],
        writeContext(request, 'dataset.create'),
      );
      if (!record) throw new AppError('INTERNAL', 'The dataset was not created');
      await queueChecksAfterWrite(jobQueue, catalogue, record.datasetId, 'publish', request.log);
      return written(record);
    },
  );

  app.put(
    '/rest/dataset/:datasetId',
    {
      schema: {
        tags,
        summary: 'Replace a dataset (data.gov.tw v2 field names; a new version when anything changed)',
        security,
        params: V2DatasetParamsSchema,
        body: V2DatasetReplaceSchema,
        response: { 200: V2WriteResultSchema, ...v2ErrorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => {
      const existing = await writableDataset(deps, request, request.params.datasetId, 'dataset.update');
      const { datasetId, identifier } = request.body;
      if (datasetId !== undefined && String(datasetId).trim() !== String(existing.datasetId))
        throw refused('datasetId', `is numbered by the platform and must stay ${existing.datasetId}`);
      if (identifier !== undefined && identifier !== existing.identifier)
        throw refused('identifier', `cannot change: must stay ${existing.identifier}`);
      const { record, changed } = await updateDatasetMetadata(
        catalogue,
        existing.datasetId,
        v2ReplacementInput(request.body, existing),
        { ...writeContext(request, 'dataset.update'), mode: 'replace' },
      );
      if (changed) await queueChecksAfterWrite(jobQueue, catalogue, record.datasetId, 'change', request.log);
      return written(record);
    },
  );

  app.delete(
    '/rest/dataset/:datasetId',
    {
      config: { v2ErrorCodes: { DATASET_NOT_FOUND: 'ER0051' } },
      schema: {
        tags,
        summary: 'Delist a dataset permanently (已下架; its identifier is never used again)',
        security,
        params: V2DatasetParamsSchema,
        response: { 200: V2WriteResultSchema, ...v2ErrorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => {
      const existing = await writableDataset(deps, request, request.params.datasetId, 'dataset.delete');
      const { record } = await updateDatasetMetadata(
        catalogue,
        existing.datasetId,
        { status: 'delisted' },
        { ...writeContext(request, 'dataset.delete'), mode: 'patch', action: 'delete' },
      );
      return written(record);
    },
  );
};
