import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { writeAuthHook } from '../../http/auth.ts';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { DatasetParamsSchema } from '../datasets/dataset.routes.ts';
import { sendResourceChecks } from './quality-jobs.ts';
import { resourceRowIds } from './quality.repo.ts';

/** POST /api/v1/datasets/{id}/quality/check: queue a check of every resource now (admin). */

const CheckQueuedSchema = z.object({
  datasetId: z.number().int(),
  queued: z
    .number()
    .int()
    .describe('Check jobs sent (a resource already waiting for a check is not sent again)'),
  jobIds: z.array(z.string()),
});

export const qualityWriteRoutes: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { catalogue, settings, jobQueue },
) => {
  app.addHook('onRequest', writeAuthHook(settings, catalogue.db));
  app.post(
    '/datasets/:datasetId/quality/check',
    {
      schema: {
        tags: ['quality'],
        summary: 'Check every resource of a dataset again now (queued for the workers)',
        params: DatasetParamsSchema,
        response: { 202: CheckQueuedSchema, ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request, reply) => {
      if (!jobQueue)
        throw new AppError(
          'JOBS_UNAVAILABLE',
          'This process runs without a job queue, so it cannot queue checks',
        );
      const record = await findVisibleDataset(catalogue, request.params.datasetId, true);
      const rowIds = [...(await resourceRowIds(catalogue.db, record.datasetId)).values()];
      const jobIds = await sendResourceChecks(jobQueue, rowIds, 'manual');
      return reply.code(202).send({ datasetId: record.datasetId, queued: jobIds.length, jobIds });
    },
  );
};
