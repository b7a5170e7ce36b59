import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { AppError } from '../../errors/app-error.ts';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { listDatasetIds, listedDatasetIdsAfter, loadDatasets } from '../datasets/dataset.repo.ts';
import { DatasetListQuerySchema } from '../datasets/dataset.schema.ts';
import { V2DatasetSchema, presentV2Dataset } from './v2-dataset.present.ts';
import { v2ErrorFor, v2ErrorHandler, v2ErrorResponses } from './v2-error.present.ts';
import { registerV2QualityRoutes } from './v2-quality.routes.ts';

/**
 * The data.gov.tw API v2 read shapes, registered under /api/v2/rest. Public datasets
 * only; errors in the v2 envelope `{"success": false, "error": {"error_type", "message"}}`.
 */

const EXPORT_BATCH = 500;

const V2DatasetParamsSchema = z.object({
  datasetId: z.string().min(1).max(100).describe('The datasetId (or the identifier 機關代碼-流水號)'),
});

const ExportQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000_000)
    .optional()
    .describe('At most this many datasets (default: all)'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('Skip this many datasets first'),
});

const V2DatasetResponseSchema = z.object({ success: z.literal(true), result: V2DatasetSchema });
const V2ExportResponseSchema = z.object({ success: z.literal(true), result: z.array(V2DatasetSchema) });

/** The datasetId just before position `offset` in datasetId order (0 when offset is 0). */
async function cursorAt(ctx: CatalogueContext, offset: number): Promise<number | undefined> {
  if (offset === 0) return 0;
  const query = DatasetListQuerySchema.parse({ limit: 1, offset: offset - 1, sort: 'id' });
  const { ids } = await listDatasetIds(ctx.db, query, { includeUnlisted: false });
  return ids[0];
}

/** Streams the export in batches: memory stays flat however large the catalogue is. */
async function* exportJson(
  ctx: CatalogueContext,
  offset: number,
  limit: number | undefined,
): AsyncGenerator<string> {
  yield '{"success":true,"result":[';
  let afterId = await cursorAt(ctx, offset);
  let remaining = limit ?? Number.POSITIVE_INFINITY;
  let first = true;
  while (afterId !== undefined && remaining > 0) {
    const ids = await listedDatasetIdsAfter(ctx.db, afterId, Math.min(EXPORT_BATCH, remaining));
    if (ids.length === 0) break;
    const records = await loadDatasets(ctx.db, ids);
    const chunk = records.map((r) => JSON.stringify(presentV2Dataset(r))).join(',');
    yield first ? chunk : `,${chunk}`;
    first = false;
    remaining -= ids.length;
    afterId = ids[ids.length - 1];
  }
  yield ']}';
}

export const v2DatasetRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue }) => {
  app.setErrorHandler(v2ErrorHandler);
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = v2ErrorFor(
      new AppError('NOT_FOUND', `No v2 API ${request.method} ${request.url.slice(0, 200)}`),
    );
    return reply.code(status).header('cache-control', 'no-store').send(body);
  });

  await registerV2QualityRoutes(app, catalogue);

  app.get(
    '/rest/dataset/export',
    {
      schema: {
        tags: ['data.gov.tw v2'],
        summary: 'Export the public catalogue in the v2 dataset shape, ordered by datasetId',
        querystring: ExportQuerySchema,
        response: { 200: V2ExportResponseSchema, ...v2ErrorResponses(400, 500) },
      },
    },
    async (request, reply) => {
      const { offset, limit } = request.query;
      const stream = Readable.from(exportJson(catalogue, offset, limit));
      // A stream bypasses the serializer; the response schema documents what it streams.
      return reply.type('application/json; charset=utf-8').send(stream as never);
    },
  );

  app.get(
    '/rest/dataset/:datasetId',
    {
      schema: {
        tags: ['data.gov.tw v2'],
        summary: 'One dataset in the data.gov.tw v2 shape',
        params: V2DatasetParamsSchema,
        response: { 200: V2DatasetResponseSchema, ...v2ErrorResponses(400, 404, 500) },
      },
    },
    async (request) => {
      const record = await findVisibleDataset(catalogue, request.params.datasetId, false);
      return { success: true as const, result: presentV2Dataset(record) };
    },
  );
};
