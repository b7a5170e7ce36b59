import { isConvertError } from '@odp/convert';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { readAuthHook } from '../../http/auth.ts';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { ConvertedCopyStore } from '../formats/converted-copy-store.ts';
import { latestFetchedCopies } from '../formats/fetched-copy.repo.ts';
import { assertNoPersonalData } from '../privacy/personal-data-gate.ts';
import { fetchedStore, judgeCopy, OTHER_FORMAT_TYPES, OTHER_FORMATS } from '../formats/other-formats.ts';
import type { DatasetRecord, ResourceRecord } from '../datasets/dataset.record.ts';

/**
 * GET /dataset/{datasetId}/resource/{resourceID}/download (and under /en/): the link the
 * pages give for a resource's file. It answers 302 to the resource's download URL as the
 * catalogue records it (downloadURL, else accessURL) — never to a URL taken from the
 * request — and the usage hook counts the download (docs/counting.md). An unknown
 * dataset, a resource of another dataset, or a resource without an http(s) URL is a 404
 * in the usual error body.
 *
 * GET …/download.csv, …/download.json and …/download.xml (and under /en/): the platform's
 * converted copies (多元格式參考資料, features/formats/), streamed as attachments and
 * counted as downloads the same way. 404 CONVERTED_COPY_UNAVAILABLE when there is no whole
 * stored body of structured data within the fetch byte limit; 422 CONVERSION_FAILED (with
 * the converter's code) when the body cannot be read.
 */

const DownloadParamsSchema = z.object({
  datasetId: z.string().min(1).max(100).describe('datasetId or identifier (資料集編號)'),
  resourceId: z.string().min(1).max(100).describe('資料資源編號, e.g. A41000000G-000001-001'),
});

const UNAVAILABLE = {
  'not-fetched': 'the platform has not fetched its file yet',
  truncated: 'its file was cut at the fetch byte limit',
  'too-large': 'its file is over the fetch byte limit',
  'not-structured': 'its file is not structured data the platform converts',
} as const;

/** The URL to send the reader to, when it is an absolute http(s) URL. */
export function downloadTarget(resource: {
  downloadURL: string | null;
  accessURL: string | null;
}): URL | null {
  for (const candidate of [resource.downloadURL, resource.accessURL]) {
    if (!candidate) continue;
    let url: URL;
    try {
      url = new URL(candidate.trim());
    } catch {
      continue;
    }
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  }
  return null;
}

function resourceOf(dataset: DatasetRecord, rawResourceId: string): ResourceRecord {
  const resourceId = rawResourceId.trim();
  const resource = dataset.distribution.find((r) => r.resourceID === resourceId);
  if (!resource) {
    throw new AppError(
      'RESOURCE_NOT_FOUND',
      `Dataset ${dataset.identifier} has no resource ${resourceId.slice(0, 60)}`,
    );
  }
  return resource;
}

/** A file name for the attachment: the resourceID's safe characters and the format. */
export function convertedFileName(resourceId: string, format: string): string {
  return `${resourceId.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;
}

export const downloadRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue, settings }) => {
  app.addHook('onRequest', readAuthHook(settings, catalogue.db));
  const converted = new ConvertedCopyStore(settings.dataDir);
  const store = fetchedStore(settings.dataDir);
  for (const prefix of ['', '/en']) {
    for (const format of OTHER_FORMATS) {
      app.get(
        `${prefix}/dataset/:datasetId/resource/:resourceId/download.${format}`,
        { config: { cacheControl: 'no-store' }, schema: { params: DownloadParamsSchema } },
        async (request, reply) => {
          const dataset = await findVisibleDataset(catalogue, request.params.datasetId, request.isAdmin);
          const resource = resourceOf(dataset, request.params.resourceId);
          const row = await catalogue.db
            .selectFrom('resources')
            .select('id')
            .where('datasetId', '=', dataset.datasetId)
            .where('resourceId', '=', resource.resourceID)
            .executeTakeFirst();
          if (row) await assertNoPersonalData(catalogue.db, row.id, resource.resourceID);
          const fetched = row ? (await latestFetchedCopies(catalogue.db, [row.id])).get(row.id) : undefined;
          const verdict = await judgeCopy(store, fetched, settings.fetch.maxBytes);
          if (!('copy' in verdict)) {
            throw new AppError(
              'CONVERTED_COPY_UNAVAILABLE',
              `Resource ${resource.resourceID} has no ${format.toUpperCase()} copy: ${UNAVAILABLE[verdict.reason]}`,
              { reason: verdict.reason },
            );
          }
          let file;
          try {
            file = await converted.get(verdict.copy, format);
          } catch (error) {
            if (!isConvertError(error)) throw error;
            // The message is for people; the server's file paths are not theirs to see.
            const message = error.message.replaceAll(verdict.copy.path, 'the stored file');
            throw new AppError(
              'CONVERSION_FAILED',
              `Resource ${resource.resourceID} could not be converted to ${format.toUpperCase()}: ${message}`,
              { convertCode: error.code, ...(error.line ? { line: error.line } : {}) },
            );
          }
          return reply
            .type(OTHER_FORMAT_TYPES[format])
            .header('content-length', file.bytes)
            .header(
              'content-disposition',
              `attachment; filename="${convertedFileName(resource.resourceID, format)}"`,
            )
            .header('x-content-type-options', 'nosniff')
            .send(createReadStream(file.path));
        },
      );
    }
    app.get(
      `${prefix}/dataset/:datasetId/resource/:resourceId/download`,
      // Not cached anywhere: each download reaches the portal and is counted.
      { config: { cacheControl: 'no-store' }, schema: { params: DownloadParamsSchema } },
      async (request, reply) => {
        const dataset = await findVisibleDataset(catalogue, request.params.datasetId, request.isAdmin);
        const resource = resourceOf(dataset, request.params.resourceId);
        const target = downloadTarget(resource);
        if (!target) {
          throw new AppError('RESOURCE_NOT_FOUND', `Resource ${resource.resourceID} has no download URL`);
        }
        return reply.redirect(target.href, 302);
      },
    );
  }
};
