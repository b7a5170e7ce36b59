import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { readAuthHook } from '../../http/auth.ts';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import type { ResourceRecord } from '../datasets/dataset.record.ts';
import { getVersion } from '../datasets/dataset.repo.ts';
import { attachmentDisposition } from './file-name.ts';
import type { FileStore } from './file-store.ts';
import { findStoredFile } from './stored-file.repo.ts';
import { UploadParamsSchema } from './upload.routes.ts';

/**
 * GET /dataset/{datasetId}/resource/{resourceID}/file: the uploaded file of the
 * resource as the dataset is now; GET /dataset/{datasetId}/versions/{version}/resource/
 * {resourceID}/file: the file as that version recorded it (files are never replaced, so
 * old versions stay downloadable). Drafts stay hidden as everywhere else.
 *
 * Served as an attachment, with the type sniffed at upload, `nosniff`, and a CSP that
 * lets nothing run: a file is never shown as a page of the portal. HTML and SVG (which
 * a browser would run) go out as application/octet-stream. ETag is the file key.
 */

const VersionFileParamsSchema = UploadParamsSchema.extend({
  version: z.coerce.number().int().min(1).max(1_000_000_000).describe('A version number (1 is the first)'),
});

/** Types a browser would render as a document with scripts: never served as themselves. */
const ACTIVE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/xml+svg']);

export function servedType(mediaType: string | undefined): string {
  const type = (mediaType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '' || ACTIVE_TYPES.has(type)) return 'application/octet-stream';
  return type;
}

/** The extension offered when the uploader gave no name, from the sniffed type. */
const EXTENSIONS: Record<string, string> = {
  'text/csv': 'csv',
  'application/json': 'json',
  'application/geo+json': 'geojson',
  'application/xml': 'xml',
  'application/zip': 'zip',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

function resourceIn(distribution: readonly ResourceRecord[], rawId: string, where: string): ResourceRecord {
  const resourceId = rawId.trim();
  const resource = distribution.find((r) => r.resourceID === resourceId);
  if (!resource)
    throw new AppError('RESOURCE_NOT_FOUND', `${where} has no resource ${resourceId.slice(0, 60)}`);
  return resource;
}

export const fileRoutes: FastifyPluginAsyncZod<RouteDeps & { store: FileStore }> = async (
  app,
  { catalogue, settings, store },
) => {
  app.addHook('onRequest', readAuthHook(settings, catalogue.db));

  async function sendFile(
    request: FastifyRequest,
    reply: FastifyReply,
    resource: ResourceRecord,
    what: string,
  ) {
    const fileKey = resource.fileKey;
    if (!fileKey)
      throw new AppError('FILE_NOT_FOUND', `Resource ${resource.resourceID} has no uploaded file${what}`);
    const etag = `"${fileKey}"`;
    reply.header('etag', etag).header('x-content-type-options', 'nosniff');
    if (
      String(request.headers['if-none-match'] ?? '')
        .split(/\s*,\s*/)
        .includes(etag)
    ) {
      return reply.code(304).send();
    }
    const row = await findStoredFile(catalogue.db, fileKey);
    const file = await store.get(fileKey);
    if (!file)
      throw new AppError(
        'FILE_NOT_FOUND',
        `The file of resource ${resource.resourceID} is missing from storage`,
      );
    const extension = EXTENSIONS[row?.mediaType ?? ''] ?? 'bin';
    const name = row?.originalName ?? `${resource.resourceID}.${extension}`;
    return reply
      .type(servedType(row?.mediaType))
      .header('content-length', file.size)
      .header('content-disposition', attachmentDisposition(name))
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(file.body);
  }

  app.get(
    '/dataset/:datasetId/resource/:resourceId/file',
    {
      config: { cacheControl: 'no-cache' },
      schema: {
        tags: ['datasets'],
        summary: "A resource's uploaded file, as the dataset is now",
        params: UploadParamsSchema,
      },
    },
    async (request, reply) => {
      const dataset = await findVisibleDataset(catalogue, request.params.datasetId, request.isAdmin);
      const resource = resourceIn(
        dataset.distribution,
        request.params.resourceId,
        `Dataset ${dataset.identifier}`,
      );
      return sendFile(request, reply, resource, '');
    },
  );

  app.get(
    '/dataset/:datasetId/versions/:version/resource/:resourceId/file',
    {
      // The file of a version never changes.
      config: { cacheControl: 'public, max-age=86400' },
      schema: {
        tags: ['datasets'],
        summary: "A resource's uploaded file as one version of the dataset recorded it",
        params: VersionFileParamsSchema,
      },
    },
    async (request, reply) => {
      const dataset = await findVisibleDataset(catalogue, request.params.datasetId, request.isAdmin);
      const version = await getVersion(catalogue.db, dataset.datasetId, request.params.version);
      if (!version) {
        throw new AppError(
          'VERSION_NOT_FOUND',
          `Dataset ${dataset.identifier} has no version ${request.params.version}`,
        );
      }
      const where = `Version ${version.version} of dataset ${dataset.identifier}`;
      const resource = resourceIn(version.snapshot.distribution, request.params.resourceId, where);
      return sendFile(request, reply, resource, ` in version ${version.version}`);
    },
  );
};
