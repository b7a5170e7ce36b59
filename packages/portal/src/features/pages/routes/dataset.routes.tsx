import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findVisibleDataset } from '../../../http/dataset-lookup.ts';
import { relatedDatasets } from '../../../search/index.ts';
import { presentDataset } from '../../datasets/dataset.present.ts';
import { listVersions } from '../../datasets/dataset.repo.ts';
import { datasetConvertibleCopies } from '../../formats/other-formats.ts';
import { scoreDatasets } from '../../quality/metadata-score.service.ts';
import { latestChecks, resourceRowIds } from '../../quality/quality.repo.ts';
import { datasetJsonLd, serializeJsonLd } from '../json-ld.ts';
import { href } from '../page-context.ts';
import { contextOf, pageUrls, sendPage, type PageRouteOptions } from '../page-response.ts';
import { datasetUsage, englishTitles } from '../pages.repo.ts';
import { DatasetPage, type DatasetPageData } from '../views/dataset-page.tsx';
import { PAGE_VERSIONS } from '../views/dataset-versions.tsx';

/**
 * `/dataset/{datasetId}` (a datasetId or an identifier) and its `.json` twin, which is the
 * REST API's dataset. The old `/datasets/{id}` pages redirect here for good (301).
 */

const DatasetParamsSchema = z.object({ datasetId: z.string().min(1).max(100) });

const RELATED = 5;

export const datasetPageRoutes: FastifyPluginAsyncZod<PageRouteOptions> = async (app, options) => {
  const { catalogue, settings } = options;

  for (const { url, json } of pageUrls('/dataset/:datasetId')) {
    app.get(
      url,
      { config: { html: !json }, schema: { params: DatasetParamsSchema } },
      async (request, reply) => {
        const dataset = await findVisibleDataset(catalogue, request.params.datasetId, false);
        if (json) return presentDataset(dataset);
        // A dataset found by its identifier is the same page as by its datasetId: one canonical path.
        const ctx = { ...contextOf(request, options), path: `/dataset/${dataset.datasetId}` };
        const rowIds = await resourceRowIds(catalogue.db, dataset.datasetId);
        const [checks, related, usage, versions, copies, scores] = await Promise.all([
          latestChecks(catalogue.db, [...rowIds.values()]),
          relatedDatasets(catalogue, dataset, RELATED),
          datasetUsage(catalogue.db, dataset.datasetId),
          listVersions(catalogue.db, dataset.datasetId, PAGE_VERSIONS),
          datasetConvertibleCopies(
            catalogue.db,
            { dataDir: settings.dataDir, maxBytes: settings.fetch.maxBytes },
            dataset.datasetId,
            rowIds,
          ),
          scoreDatasets(catalogue, [dataset]),
        ]);
        const titles = await englishTitles(
          catalogue.db,
          related.map((r) => r.datasetId),
        );
        const pageUrl = `${ctx.publicUrl}${href(ctx, `/dataset/${dataset.datasetId}`)}`;
        const data: DatasetPageData = {
          dataset,
          quality: { checks, rowIds, score: scores.get(dataset.datasetId) },
          related: related.map((r) => ({ ...r, titleEn: titles.get(r.datasetId) ?? null })),
          organizationPath:
            dataset.organizationId === null ? null : `/organizations/${dataset.organizationId}`,
          usage,
          versions: versions.map(({ version, actor, action, createdAt }) => ({
            version,
            actor,
            action,
            createdAt,
          })),
          otherFormats: new Map(
            [...copies].map(([resourceId, copy]) => [resourceId, { fetchedAt: copy.fetchedAt }]),
          ),
          jsonLd: serializeJsonLd(datasetJsonLd(dataset, pageUrl)),
        };
        return sendPage(reply, ctx, <DatasetPage ctx={ctx} data={data} />);
      },
    );
  }

  for (const { url, json } of pageUrls('/datasets/:datasetId')) {
    app.get(
      url,
      { config: { html: !json }, schema: { params: DatasetParamsSchema } },
      async (request, reply) => {
        const ctx = contextOf(request, options);
        const target = href(
          ctx,
          `/dataset/${encodeURIComponent(request.params.datasetId)}${json ? '.json' : ''}`,
        );
        return reply.redirect(target, 301);
      },
    );
  }
};
