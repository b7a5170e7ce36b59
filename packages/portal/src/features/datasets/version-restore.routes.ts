import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAuthHook } from '../../http/auth.ts';
import { parseDatasetKey } from '../../http/dataset-lookup.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { writeContext } from '../accounts/write-context.ts';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import { DatasetSchema, presentDataset } from './dataset.present.ts';
import { DatasetParamsSchema } from './dataset.routes.ts';
import { restoreVersion } from './version-restore.ts';

/**
 * POST /api/v1/datasets/{datasetId}/versions/{version}/restore: an editor of the
 * dataset's organisation writes version `version` back as a new version (action
 * `restore`). Credentials are checked before anything is read; the role inside the
 * write's transaction, like every other write; the audit log gets a `dataset.restore` row.
 */

const RestoreParamsSchema = DatasetParamsSchema.extend({
  version: z.coerce.number().int().min(1).max(1_000_000_000).describe('The version to restore'),
});

const RestoreResponseSchema = z
  .object({
    restoredFrom: z.number().int().describe('The version whose metadata was written back'),
    changed: z
      .boolean()
      .describe('False when that version equals the current metadata: then no new version is made'),
    dataset: DatasetSchema,
  })
  .meta({ id: 'RestoreResult' });

export const versionRestoreRoutes: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { catalogue, settings, jobQueue },
) => {
  app.addHook('onRequest', writeAuthHook(settings, catalogue.db));

  app.post(
    '/datasets/:datasetId/versions/:version/restore',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Restore an old version (written back as a new version; status and dates are kept)',
        description:
          "Writes the version's metadata and resources back through the same rules as PUT. " +
          'Resources come back with their uploaded files. Not restored: identifier, status, 預計下架日期, ' +
          'publishedAt, publication method, badges. Needs the editor role (docs/accounts.md).',
        security: [{ apiKey: [] }],
        params: RestoreParamsSchema,
        response: { 200: RestoreResponseSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => {
      const key = parseDatasetKey(request.params.datasetId);
      const result = await restoreVersion(
        catalogue,
        key,
        request.params.version,
        writeContext(request, 'dataset.restore'),
      );
      if (result.changed)
        await queueChecksAfterWrite(jobQueue, catalogue, result.record.datasetId, 'change', request.log);
      return {
        restoredFrom: result.restoredFrom,
        changed: result.changed,
        dataset: presentDataset(result.record),
      };
    },
  );
};
