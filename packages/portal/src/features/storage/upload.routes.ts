import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { writeAuthHook } from '../../http/auth.ts';
import { parseDatasetKey } from '../../http/dataset-lookup.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { authorize } from '../accounts/policy.ts';
import { writeContext } from '../accounts/write-context.ts';
import { getDataset } from '../datasets/dataset.service.ts';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import { sanitizeFileName } from './file-name.ts';
import type { FileStore } from './file-store.ts';
import { recordUpload } from './upload.service.ts';
import { sniffUpload } from './upload-sniff.ts';

/**
 * PUT /api/v1/datasets/{datasetId}/resources/{resourceID}/file: a resource's file,
 * uploaded by an editor of the dataset's organisation (docs/storage.md). The body is the
 * file itself (any Content-Type; the name in `?filename=`), or multipart/form-data with
 * one part named `file`. It is streamed to a temporary file (never held in memory),
 * hashed and counted on the way; its type is sniffed from its bytes; then it is moved
 * into the file store and recorded as a new version of the dataset.
 */

export const UploadParamsSchema = z.object({
  datasetId: z.string().min(1).max(100).describe('datasetId or identifier (資料集編號)'),
  resourceId: z.string().min(1).max(100).describe('資料資源編號, e.g. A41000000G-000001-001'),
});

const UploadQuerySchema = z.object({
  filename: z
    .string()
    .max(1000)
    .optional()
    .describe('The file name to offer when the file is downloaded (a raw body only; any path is dropped)'),
});

const UploadResultSchema = z
  .object({
    datasetId: z.number().int(),
    identifier: z.string(),
    resourceID: z.string(),
    version: z.number().int().describe('The dataset version that records the file'),
    changed: z.boolean().describe('false when the resource already had exactly these bytes (no new version)'),
    file: z.object({
      fileKey: z.string().describe('sha256:<hex>, the storage key'),
      size: z.number().int(),
      checksum: z.string().describe('SHA-256 of the bytes, hex'),
      mediaType: z.string().describe('The sniffed media type (never the client’s claim)'),
      format: z.string().describe('The sniffed format (CSV, XLSX, ZIP …); the declared format is kept'),
      fileName: z.string().nullable().describe('The uploaded file name, path removed'),
      downloadURL: z.string().describe('Where the platform serves the file'),
    }),
  })
  .meta({ id: 'UploadResult' });

const TOO_LARGE_CODES = new Set(['PAYLOAD_TOO_LARGE', 'FST_REQ_FILE_TOO_LARGE']);

/** The file's bytes and name: the raw body, or the `file` part of a multipart body. */
async function uploadBody(
  request: FastifyRequest,
  rawName: string | undefined,
  maxBytes: number,
): Promise<{ body: Readable; fileName: string | null }> {
  if (request.isMultipart()) {
    // One byte over the limit still arrives, so the store is the one that refuses it.
    const part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, parts: 11 } });
    if (!part || part.fieldname !== 'file') {
      throw new AppError('VALIDATION_FAILED', 'Send the file as the multipart part named "file"', [
        { field: 'file', code: 'required', message: 'a part named "file" is required' },
      ]);
    }
    return { body: part.file, fileName: sanitizeFileName(part.filename) };
  }
  const body = request.body as Readable | undefined;
  if (!body || typeof body.pipe !== 'function') throw new AppError('FILE_EMPTY', 'The body holds no file');
  return { body, fileName: sanitizeFileName(rawName) };
}

export const uploadRoutes: FastifyPluginAsyncZod<RouteDeps & { store: FileStore; maxBytes: number }> = async (
  app,
  { catalogue, settings, jobQueue, store, maxBytes },
) => {
  app.addHook('onRequest', writeAuthHook(settings, catalogue.db));
  // Bodies are streams here: the file as it arrives, or a multipart stream.
  app.removeAllContentTypeParsers();
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1 } });
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.put(
    '/datasets/:datasetId/resources/:resourceId/file',
    {
      schema: {
        tags: ['datasets'],
        summary: "Upload a resource's file (a new version of the dataset)",
        description:
          'The body is the file (any Content-Type; the download name in `?filename=`), or ' +
          'multipart/form-data with one part named `file`. Its type is sniffed from its bytes. ' +
          'Needs the editor role in the dataset’s organisation.',
        security: [{ apiKey: [] }],
        params: UploadParamsSchema,
        querystring: UploadQuerySchema,
        response: { 200: UploadResultSchema, ...errorResponses(400, 401, 403, 404, 413, 422, 500, 503) },
      },
    },
    async (request, reply) => {
      // Everything that can refuse the upload without reading it comes first.
      const dataset = await getDataset(catalogue, parseDatasetKey(request.params.datasetId));
      authorize(request.principal, 'resource.upload', dataset.organizationId);
      const resourceId = request.params.resourceId.trim();
      if (!dataset.distribution.some((r) => r.resourceID === resourceId)) {
        throw new AppError(
          'RESOURCE_NOT_FOUND',
          `Dataset ${dataset.identifier} has no resource ${resourceId.slice(0, 60)}`,
        );
      }
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > maxBytes + 64 * 1024 || (!request.isMultipart() && declared > maxBytes)) {
        reply.header('connection', 'close');
        throw new AppError('PAYLOAD_TOO_LARGE', `The file is over the ${maxBytes}-byte upload limit`);
      }

      const { body, fileName } = await uploadBody(request, request.query.filename, maxBytes);
      const staged = await store.stage(body, { maxBytes }).catch((error: unknown) => {
        // The rest of the body is not read: the connection closes after the answer.
        reply.header('connection', 'close');
        const code = (error as { code?: string }).code ?? '';
        throw TOO_LARGE_CODES.has(code)
          ? new AppError('PAYLOAD_TOO_LARGE', `The file is over the ${maxBytes}-byte upload limit`)
          : error;
      });
      let result;
      let sniffed;
      try {
        if (staged.size === 0) throw new AppError('FILE_EMPTY', 'The uploaded file has no bytes');
        sniffed = await sniffUpload(staged.path, fileName);
        const stored = await store.commit(staged);
        result = await recordUpload(
          catalogue,
          { datasetId: dataset.datasetId, resourceId, publicUrl: settings.publicUrl },
          { stored, mediaType: sniffed.mediaType, originalName: fileName },
          writeContext(request, 'resource.upload'),
        );
      } finally {
        // Gone already when committed; removed here when anything refused the file.
        await store.discard(staged);
      }
      const { record, changed } = result;
      if (changed) await queueChecksAfterWrite(jobQueue, catalogue, record.datasetId, 'change', request.log);
      const resource = record.distribution.find((r) => r.resourceID === resourceId);
      if (!resource?.fileKey) throw new AppError('INTERNAL', 'The upload was not recorded');
      return {
        datasetId: record.datasetId,
        identifier: record.identifier,
        resourceID: resourceId,
        version: record.version,
        changed,
        file: {
          fileKey: resource.fileKey,
          size: resource.size ?? staged.size,
          checksum: resource.checksum ?? '',
          mediaType: sniffed.mediaType,
          format: sniffed.format,
          fileName,
          downloadURL: resource.downloadURL ?? '',
        },
      };
    },
  );
};
