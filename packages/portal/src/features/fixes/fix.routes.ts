import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAuthHook } from '../../http/auth.ts';
import { parseDatasetKey } from '../../http/dataset-lookup.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { authorize } from '../accounts/policy.ts';
import { writeContext } from '../accounts/write-context.ts';
import { DatasetSchema, presentDataset } from '../datasets/dataset.present.ts';
import { getDataset } from '../datasets/dataset.service.ts';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import { FixSchema, presentFix } from '../quality/fix-list.present.ts';
import { openFileStore } from '../storage/open-file-store.ts';
import { applyFix } from './apply-fix.service.ts';

/**
 * POST /api/v1/datasets/{datasetId}/fixes/{fixId}: an editor of the dataset's organisation
 * applies a one-click fix of the fix list (GET …/quality `fixes`): a new version of the
 * dataset (action `fix`, audit `dataset.fix`), reversible by restoring the version before
 * it; every resource of the dataset is queued for a check.
 */

const FixParamsSchema = z.object({
  datasetId: z.string().min(1).max(100).describe('datasetId or identifier (資料集編號)'),
  fixId: z
    .string()
    .min(1)
    .max(200)
    .describe('A fix id from the fix list, e.g. to_utf8:A41000000G-000001-001'),
});

const AppliedFixSchema = z
  .object({
    fix: FixSchema,
    changed: z
      .boolean()
      .describe('False when the fix left the dataset as it was: then no new version is made'),
    version: z
      .number()
      .int()
      .describe('The dataset version the fix wrote (restore the one before to undo it)'),
    resources: z.array(z.string()).describe('The resources written: the fixed one, or the new copies'),
    dataset: DatasetSchema,
  })
  .meta({ id: 'AppliedFix' });

export const fixRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue, settings, jobQueue }) => {
  app.addHook('onRequest', writeAuthHook(settings, catalogue.db));
  const store = openFileStore(settings);

  app.post(
    '/datasets/:datasetId/fixes/:fixId',
    {
      schema: {
        tags: ['quality'],
        summary: 'Apply a one-click fix (a new version of the dataset; the checks run again)',
        description:
          'Re-encode to UTF-8, flatten headers, convert ROC dates, fill the field list or publish ' +
          'CSV/JSON/XML copies, as the fix list offers. Needs the editor role (quality.fix).',
        security: [{ apiKey: [] }],
        params: FixParamsSchema,
        response: { 200: AppliedFixSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 500) },
      },
    },
    async (request) => {
      const dataset = await getDataset(catalogue, parseDatasetKey(request.params.datasetId));
      authorize(request.principal, 'quality.fix', dataset.organizationId);
      const applied = await applyFix(
        { catalogue, settings, store },
        dataset.datasetId,
        request.params.fixId.trim(),
        writeContext(request, 'quality.fix'),
      );
      if (applied.changed)
        await queueChecksAfterWrite(jobQueue, catalogue, applied.record.datasetId, 'change', request.log);
      return {
        fix: presentFix(applied.fix),
        changed: applied.changed,
        version: applied.record.version,
        resources: applied.resources,
        dataset: presentDataset(applied.record),
      };
    },
  );
};
