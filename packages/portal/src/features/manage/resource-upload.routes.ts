import type { FastifyPluginAsync } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/validation.ts';
import { authorize } from '../accounts/policy.ts';
import { writeContext } from '../accounts/write-context.ts';
import { getDataset } from '../datasets/dataset.service.ts';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import { sanitizeFileName } from '../storage/file-name.ts';
import { openFileStore, storageSettingsOf } from '../storage/open-file-store.ts';
import { sniffUpload } from '../storage/upload-sniff.ts';
import { recordUpload } from '../storage/upload.service.ts';
import type { ManageRouteOptions } from './account-scope.ts';
import { signedIn } from './manage-context.ts';

/**
 * PUT /manage/datasets/{datasetId}/resources/{resourceID}/file: the dataset form's
 * upload (assets/manage-form.js sends the file as the raw body, with a progress bar),
 * for the signed-in person with the session's CSRF token in `x-csrf-token`. The same
 * steps as the API's upload (features/storage/upload.routes.ts): the file is streamed
 * into the store's staging area within the upload size limit, sniffed, committed and
 * recorded by the storage service as a new version (role checked, audit row written).
 */

const Params = z.object({
  datasetId: z.coerce.number().int().min(1).max(2_147_483_647),
  resourceId: z.string().trim().min(1).max(100),
});
const Query = z.object({ filename: z.string().max(1000).optional() });
const TOO_LARGE_CODES = new Set(['PAYLOAD_TOO_LARGE', 'FST_REQ_FILE_TOO_LARGE']);

export const resourceUploadRoutes: FastifyPluginAsync<ManageRouteOptions> = async (app, options) => {
  const { catalogue, settings, jobQueue } = options;
  const store = openFileStore(settings);
  const { uploadMaxBytes: maxBytes } = storageSettingsOf(settings);
  // The body is the file, streamed as it arrives (never parsed, never held in memory).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.put('/manage/datasets/:datasetId/resources/:resourceId/file', async (request, reply) => {
    signedIn(request);
    const params = parseOrThrow(Params, request.params, 'path');
    const query = parseOrThrow(Query, request.query, 'query string');
    const dataset = await getDataset(catalogue, params.datasetId);
    authorize(request.principal, 'resource.upload', dataset.organizationId);
    if (!dataset.distribution.some((r) => r.resourceID === params.resourceId))
      throw new AppError(
        'RESOURCE_NOT_FOUND',
        `Dataset ${dataset.identifier} has no resource ${params.resourceId}`,
      );
    if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
      reply.header('connection', 'close');
      throw new AppError('PAYLOAD_TOO_LARGE', `The file is over the ${maxBytes}-byte upload limit`);
    }
    const body = request.body as Readable | undefined;
    if (!body || typeof body.pipe !== 'function') throw new AppError('FILE_EMPTY', 'The body holds no file');
    const fileName = sanitizeFileName(query.filename);
    const staged = await store.stage(body, { maxBytes }).catch((error: unknown) => {
      reply.header('connection', 'close');
      const code = (error as { code?: string }).code ?? '';
      throw TOO_LARGE_CODES.has(code)
        ? new AppError('PAYLOAD_TOO_LARGE', `The file is over the ${maxBytes}-byte upload limit`)
        : error;
    });
    let result;
    try {
      if (staged.size === 0) throw new AppError('FILE_EMPTY', 'The uploaded file has no bytes');
      const sniffed = await sniffUpload(staged.path, fileName);
      const stored = await store.commit(staged);
      result = await recordUpload(
        catalogue,
        { datasetId: dataset.datasetId, resourceId: params.resourceId, publicUrl: settings.publicUrl },
        { stored, mediaType: sniffed.mediaType, originalName: fileName },
        writeContext(request, 'resource.upload'),
      );
    } finally {
      await store.discard(staged);
    }
    const { record, changed } = result;
    if (changed) await queueChecksAfterWrite(jobQueue, catalogue, record.datasetId, 'change', request.log);
    const resource = record.distribution.find((r) => r.resourceID === params.resourceId);
    return {
      resourceID: params.resourceId,
      version: record.version,
      changed,
      size: resource?.size ?? staged.size,
      downloadURL: resource?.downloadURL ?? '',
    };
  });
};
