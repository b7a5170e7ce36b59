import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { writeAuthHook } from '../../http/auth.ts';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { recordAudit } from '../accounts/audit.repo.ts';
import { authorize } from '../accounts/policy.ts';
import { actorOf } from '../accounts/principal.ts';
import { DatasetParamsSchema } from '../datasets/dataset.routes.ts';
import { sendResourceChecks } from './quality-jobs.ts';
import { resourceRowIds } from './quality.repo.ts';

/**
 * POST /api/v1/datasets/{id}/quality/check: queue a check of every resource now. Needs
 * the editor role in the dataset's organisation (quality.recheck); leaves an audit row.
 */

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
      const record = await findVisibleDataset(catalogue, request.params.datasetId, true);
      authorize(request.principal, 'quality.recheck', record.organizationId);
      if (!jobQueue)
        throw new AppError(
          'JOBS_UNAVAILABLE',
          'This process runs without a job queue, so it cannot queue checks',
        );
      const rowIds = [...(await resourceRowIds(catalogue.db, record.datasetId)).values()];
      const jobIds = await sendResourceChecks(jobQueue, rowIds, 'manual');
      const actor = actorOf(request.principal);
      await recordAudit(catalogue.db, { ...actor, ip: request.ip }, [
        {
          action: 'quality.recheck',
          targetType: 'dataset',
          targetId: record.identifier,
          organizationId: record.organizationId,
          detail: { datasetId: record.datasetId, queued: jobIds.length },
        },
      ]);
      return reply.code(202).send({ datasetId: record.datasetId, queued: jobIds.length, jobIds });
    },
  );
};
