import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { readAuthHook } from '../../http/auth.ts';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

/**
 * GET /dataset/{datasetId}/resource/{resourceID}/download (and under /en/): the link the
 * pages give for a resource's file. It answers 302 to the resource's download URL as the
 * catalogue records it (downloadURL, else accessURL) — never to a URL taken from the
 * request — and the usage hook counts the download (docs/counting.md). An unknown
 * dataset, a resource of another dataset, or a resource without an http(s) URL is a 404
 * in the usual error body.
 */

const DownloadParamsSchema = z.object({
  datasetId: z.string().min(1).max(100).describe('datasetId or identifier (資料集編號)'),
  resourceId: z.string().min(1).max(100).describe('資料資源編號, e.g. A41000000G-000001-001'),
});

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

export const downloadRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue, settings }) => {
  app.addHook('onRequest', readAuthHook(settings));
  for (const prefix of ['', '/en']) {
    app.get(
      `${prefix}/dataset/:datasetId/resource/:resourceId/download`,
      // Not cached anywhere: each download reaches the portal and is counted.
      { config: { cacheControl: 'no-store' }, schema: { params: DownloadParamsSchema } },
      async (request, reply) => {
        const dataset = await findVisibleDataset(catalogue, request.params.datasetId, request.isAdmin);
        const resourceId = request.params.resourceId.trim();
        const resource = dataset.distribution.find((r) => r.resourceID === resourceId);
        if (!resource) {
          throw new AppError(
            'RESOURCE_NOT_FOUND',
            `Dataset ${dataset.identifier} has no resource ${resourceId.slice(0, 60)}`,
          );
        }
        const target = downloadTarget(resource);
        if (!target) throw new AppError('RESOURCE_NOT_FOUND', `Resource ${resourceId} has no download URL`);
        return reply.redirect(target.href, 302);
      },
    );
  }
};
