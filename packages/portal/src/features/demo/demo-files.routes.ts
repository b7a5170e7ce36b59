import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { AppError } from '../../errors/app-error.ts';
import { getDataset } from '../datasets/dataset.service.ts';
import {
  FALLBACK_FIELDS,
  GENERATED_TYPES,
  generateDemoFile,
  isGeneratedExtension,
  type GeneratedFileSpec,
} from './demo-generated-file.ts';
import { findRealFile, realFilePath } from './demo-real-files.ts';

export interface DemoFilesOptions {
  /**
   * The catalogue the generated files describe: with it, a generated file has the
   * columns of its dataset's fields and exists only for resources whose URL points
   * at it; without it, any well-formed resourceID gets a generic table.
   */
  catalogue?: CatalogueContext;
}

const GENERATED_NAME = /^([A-Za-z0-9_]{10}-[A-Za-z0-9_]{6})-(\d{3})\.([a-z]+)$/;
/** When files not tied to a dataset's change time say they last changed. */
const GENERATED_EPOCH = new Date('2024-01-01T00:00:00Z');

const etagOf = (bytes: Buffer): string => `"${createHash('sha1').update(bytes).digest('base64url')}"`;

/** Sends bytes with validators, answering 304 when the client's copy is current. */
function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  body: Buffer,
  contentType: string,
  etag: string,
  modified: Date,
) {
  const lastModified = new Date(Math.floor(modified.getTime() / 1000) * 1000);
  reply
    .header('ETag', etag)
    .header('Last-Modified', lastModified.toUTCString())
    .header('Cache-Control', 'public, max-age=300')
    .header('X-Content-Type-Options', 'nosniff');
  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  const fresh =
    ifNoneMatch !== undefined
      ? ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')
      : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= lastModified.getTime();
  if (fresh) return reply.code(304).send();
  return reply.header('Content-Type', contentType).header('Content-Length', body.length).send(body);
}

const notFound = (what: string) => new AppError('NOT_FOUND', `No demo file ${what}`);

/**
 * GET /demo-files/<name>: the real files of demo/real, by exact name only (an
 * allow-list, so no path can escape the directory). CP950 files are served as
 * `text/csv; charset=big5`. GET /demo-files/generated/<resourceID>.<ext>: the small,
 * deterministic file behind a synthetic demo resource.
 */
export const demoFilesRoutes: FastifyPluginAsync<DemoFilesOptions> = async (app, options) => {
  const etags = new Map<string, { key: string; etag: string }>();

  app.get<{ Params: { name: string } }>('/demo-files/:name', async (request, reply) => {
    const file = findRealFile(request.params.name);
    if (!file) throw notFound(request.params.name);
    const path = realFilePath(file);
    const [info, body] = await Promise.all([stat(path), readFile(path)]);
    const key = `${info.mtimeMs}:${info.size}`;
    let cached = etags.get(file.name);
    if (cached?.key !== key) {
      cached = { key, etag: etagOf(body) };
      etags.set(file.name, cached);
    }
    return sendFile(request, reply, body, file.contentType, cached.etag, info.mtime);
  });

  app.get<{ Params: { file: string } }>('/demo-files/generated/:file', async (request, reply) => {
    const name = request.params.file;
    const match = GENERATED_NAME.exec(name);
    const ext = match?.[3] ?? '';
    if (!match || !isGeneratedExtension(ext)) throw notFound(`generated/${name}`);
    const resourceID = `${match[1]}-${match[2]}`;
    let spec: GeneratedFileSpec = { resourceID, ext, title: 'odp 示範資料', fields: FALLBACK_FIELDS };
    let modified = GENERATED_EPOCH;
    if (options.catalogue) {
      const dataset = await getDataset(options.catalogue, match[1] as string).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'DATASET_NOT_FOUND') return undefined;
        throw e;
      });
      const resource = dataset?.distribution.find((r) => r.resourceID === resourceID);
      const url = resource?.downloadURL ?? resource?.accessURL ?? '';
      if (!dataset || !url.endsWith(`/demo-files/generated/${name}`)) {
        throw new AppError(
          'RESOURCE_NOT_FOUND',
          `No generated demo file for resource ${resourceID} as .${ext}`,
        );
      }
      spec = {
        resourceID,
        ext,
        title: dataset.title,
        fields: dataset.fields.map((f) => ({ name: f.name, title: f.title })),
      };
      modified = new Date(dataset.updatedAt);
    }
    const body = generateDemoFile(spec);
    return sendFile(request, reply, body, GENERATED_TYPES[ext], etagOf(body), modified);
  });
};
