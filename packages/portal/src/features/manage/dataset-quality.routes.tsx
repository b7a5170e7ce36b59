import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LISTED_STATUSES, type DatasetStatus } from '../../domain/dataset-status.ts';
import { AppError } from '../../errors/app-error.ts';
import { parseDatasetKey } from '../../http/dataset-lookup.ts';
import { authorize, can } from '../accounts/policy.ts';
import { writeContext } from '../accounts/write-context.ts';
import { getDataset } from '../datasets/dataset.service.ts';
import { applyFix } from '../fixes/apply-fix.service.ts';
import { href } from '../pages/page-context.ts';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import { listDatasetFixes } from '../quality/fix-list.ts';
import { openFileStore } from '../storage/open-file-store.ts';
import { requireSignedIn, type ManageRouteOptions } from './account-scope.ts';
import { datasetQualityMessages } from './dataset-quality-messages.ts';
import { manageContext, sendManagePage, signedIn } from './manage-context.ts';
import { DatasetQualityPage } from './views/dataset-quality-page.tsx';

/**
 * /manage/datasets/{id}/quality: the dataset's fix list (docs/quality.md "Fix list and
 * one-click fixes") for the organisation's members, drafts included; for its editors a
 * 一鍵修正 form per one-click fix (POST …/fixes/{fixId}, CSRF-checked by the account scope)
 * that writes the fix as a new version and comes back here with a notice.
 */

const ParamsSchema = z.object({ datasetId: z.string().min(1).max(100) });
const FixParamsSchema = ParamsSchema.extend({ fixId: z.string().min(1).max(200) });
const QuerySchema = z.object({
  fixed: z.coerce.number().int().min(1).max(1_000_000_000).optional(),
  unchanged: z.literal('1').optional(),
});

export const datasetQualityRoutes: FastifyPluginAsyncZod<ManageRouteOptions> = async (app, options) => {
  const { catalogue, settings, jobQueue, locale } = options;
  const store = openFileStore(settings);
  const fixOptions = { rules: settings.badgeRules, publicUrl: settings.publicUrl };

  app.get(
    '/manage/datasets/:datasetId/quality',
    {
      config: { html: true },
      preHandler: requireSignedIn,
      schema: { params: ParamsSchema, querystring: QuerySchema },
    },
    async (request, reply) => {
      const principal = signedIn(request);
      const dataset = await getDataset(catalogue, parseDatasetKey(request.params.datasetId));
      const listed = LISTED_STATUSES.includes(dataset.status as DatasetStatus);
      if (!listed && !can(principal, 'dataset.read-draft', dataset.organizationId))
        throw new AppError('DATASET_NOT_FOUND', `No dataset ${request.params.datasetId.slice(0, 60)}`);
      const q = datasetQualityMessages(locale);
      const { fixed, unchanged } = request.query;
      const notice = fixed !== undefined ? q.applied(fixed) : unchanged ? q.unchanged : undefined;
      const ctx = manageContext(request, reply, options);
      return sendManagePage(
        reply,
        ctx,
        <DatasetQualityPage
          ctx={ctx}
          dataset={dataset}
          fixes={await listDatasetFixes(catalogue, dataset, fixOptions)}
          canFix={can(principal, 'quality.fix', dataset.organizationId)}
          notice={notice}
        />,
      );
    },
  );

  app.post(
    '/manage/datasets/:datasetId/fixes/:fixId',
    { config: { html: true }, preHandler: requireSignedIn, schema: { params: FixParamsSchema } },
    async (request, reply) => {
      const dataset = await getDataset(catalogue, parseDatasetKey(request.params.datasetId));
      authorize(request.principal, 'quality.fix', dataset.organizationId);
      const applied = await applyFix(
        { catalogue, settings, store },
        dataset.datasetId,
        request.params.fixId.trim(),
        writeContext(request, 'quality.fix'),
      );
      if (applied.changed)
        await queueChecksAfterWrite(jobQueue, catalogue, dataset.datasetId, 'change', request.log);
      const query = applied.changed ? `?fixed=${applied.record.version}` : '?unchanged=1';
      const ctx = manageContext(request, reply, options);
      return reply.redirect(href(ctx, `/manage/datasets/${dataset.datasetId}/quality${query}`), 303);
    },
  );
};
