import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { LISTED_STATUSES, type DatasetStatus } from '../../domain/dataset-status.ts';
import { AppError } from '../../errors/app-error.ts';
import { parseDatasetKey } from '../../http/dataset-lookup.ts';
import { csrfToken } from '../accounts/csrf.ts';
import { can } from '../accounts/policy.ts';
import type { Principal } from '../accounts/principal.ts';
import { writeContext } from '../accounts/write-context.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { getDataset } from '../datasets/dataset.service.ts';
import { versionHistory, versionView } from '../datasets/version-history.ts';
import { restoreVersion } from '../datasets/version-restore.ts';
import { href } from '../pages/page-context.ts';
import { sendPage } from '../pages/page-response.ts';
import { VersionListPage, VersionPage } from '../pages/views/version-pages.tsx';
import { queueChecksAfterWrite } from '../quality/check-on-write.ts';
import { requireSignedIn, type ManageRouteOptions } from './account-scope.ts';
import { historyMessages } from './history-messages.ts';
import { CsrfField, managePageContext } from './manage-page.tsx';

/**
 * The signed-in copies of the version pages (/manage/datasets/{id}/versions[/{n}]): the
 * same history and diff, drafts included for the organisation's members, and for its
 * editors a form that restores version n (POST …/restore, CSRF-checked) as a new version.
 */

const DatasetParamsSchema = z.object({ datasetId: z.string().min(1).max(100) });
const VersionParamsSchema = DatasetParamsSchema.extend({
  version: z.coerce.number().int().min(1).max(1_000_000_000),
});
const ListQuerySchema = z.object({
  restored: z.coerce.number().int().min(1).max(1_000_000_000).optional(),
  from: z.coerce.number().int().min(1).max(1_000_000_000).optional(),
});

/** A dataset the signed-in person may see: listed ones, and drafts of their organisations. */
async function visibleDataset(
  catalogue: CatalogueContext,
  principal: Principal,
  raw: string,
): Promise<DatasetRecord> {
  const key = parseDatasetKey(raw);
  const dataset = await getDataset(catalogue, key);
  const listed = LISTED_STATUSES.includes(dataset.status as DatasetStatus);
  if (!listed && !can(principal, 'dataset.read-draft', dataset.organizationId))
    throw new AppError('DATASET_NOT_FOUND', `No dataset ${String(key)}`);
  return dataset;
}

const basePath = (datasetId: number) => ({ basePath: `/manage/datasets/${datasetId}`, hasJson: false });

export const manageVersionRoutes: FastifyPluginAsyncZod<ManageRouteOptions> = async (app, options) => {
  const { catalogue, settings, jobQueue, locale } = options;

  app.get(
    '/manage/datasets/:datasetId/versions',
    {
      config: { html: true },
      preHandler: requireSignedIn,
      schema: { params: DatasetParamsSchema, querystring: ListQuerySchema },
    },
    async (request, reply) => {
      const dataset = await visibleDataset(catalogue, request.principal, request.params.datasetId);
      const versions = await versionHistory(catalogue, dataset.datasetId);
      const hm = historyMessages(locale);
      const { restored, from } = request.query;
      const notice =
        from === undefined
          ? undefined
          : restored === undefined
            ? hm.restoredNothing(from)
            : hm.restored(from, restored);
      const ctx = managePageContext(request, options);
      return sendPage(
        reply,
        ctx,
        <VersionListPage
          ctx={ctx}
          dataset={dataset}
          versions={versions}
          base={basePath(dataset.datasetId)}
          notice={notice}
        />,
      );
    },
  );

  app.get(
    '/manage/datasets/:datasetId/versions/:version',
    { config: { html: true }, preHandler: requireSignedIn, schema: { params: VersionParamsSchema } },
    async (request, reply) => {
      const dataset = await visibleDataset(catalogue, request.principal, request.params.datasetId);
      const view = await versionView(catalogue, dataset, request.params.version);
      const ctx = managePageContext(request, options);
      const hm = historyMessages(locale);
      const allowed = can(request.principal, 'dataset.restore', dataset.organizationId);
      const action = href(ctx, `/manage/datasets/${dataset.datasetId}/versions/${view.version}/restore`);
      return sendPage(
        reply,
        ctx,
        <VersionPage ctx={ctx} dataset={dataset} view={view} base={basePath(dataset.datasetId)}>
          <section aria-labelledby="restore" class="restore">
            <h2 id="restore">{hm.restoreHeading}</h2>
            {view.version === view.latest ? (
              <p>{hm.currentVersion}</p>
            ) : !allowed ? (
              <p>{hm.restoreNotAllowed}</p>
            ) : (
              <>
                <p>{hm.restoreIntro}</p>
                <form method="post" action={action}>
                  <CsrfField token={csrfToken(request, reply, settings.publicUrl)} />
                  <button type="submit" class="button">
                    {hm.restoreButton(view.version)}
                  </button>
                </form>
              </>
            )}
          </section>
        </VersionPage>,
      );
    },
  );

  app.post(
    '/manage/datasets/:datasetId/versions/:version/restore',
    { config: { html: true }, preHandler: requireSignedIn, schema: { params: VersionParamsSchema } },
    async (request, reply) => {
      const dataset = await visibleDataset(catalogue, request.principal, request.params.datasetId);
      const result = await restoreVersion(
        catalogue,
        dataset.datasetId,
        request.params.version,
        writeContext(request, 'dataset.restore'),
      );
      if (result.changed)
        await queueChecksAfterWrite(jobQueue, catalogue, result.record.datasetId, 'change', request.log);
      const ctx = managePageContext(request, options);
      const query = result.changed
        ? `?restored=${result.record.version}&from=${result.restoredFrom}`
        : `?from=${result.restoredFrom}`;
      return reply.redirect(href(ctx, `/manage/datasets/${dataset.datasetId}/versions${query}`), 303);
    },
  );
};
