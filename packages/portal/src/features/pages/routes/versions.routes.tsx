import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findVisibleDataset } from '../../../http/dataset-lookup.ts';
import { presentDataset } from '../../datasets/dataset.present.ts';
import type { DatasetRecord, ResourceRecord } from '../../datasets/dataset.record.ts';
import {
  versionHistory,
  versionView,
  type FieldDiff,
  type VersionSummary,
  type VersionView,
} from '../../datasets/version-history.ts';
import { getPage, type PageRouteOptions } from '../page-response.ts';
import { RestoreLink, VersionListPage, VersionPage } from '../views/version-pages.tsx';

/**
 * `/dataset/{datasetId}/versions` and `/dataset/{datasetId}/versions/{n}` with their
 * `.json` twins: the public version history (版本紀錄). Only listed datasets have one:
 * drafts and delisted datasets answer 404 like their pages do.
 */

const DatasetParamsSchema = z.object({ datasetId: z.string().min(1).max(100) });
const VersionParamsSchema = DatasetParamsSchema.extend({
  version: z.coerce.number().int().min(1).max(1_000_000_000),
});

const PUBLIC_BASE = (datasetId: number) => ({ basePath: `/dataset/${datasetId}`, hasJson: true });

function presentSummary(v: VersionSummary) {
  return { version: v.version, createdAt: v.createdAt, actor: v.actor, action: v.action, changed: v.changed };
}

function presentFields(rows: readonly FieldDiff[]) {
  return rows.map((r) => ({ field: r.field, from: r.from ?? null, to: r.to ?? null }));
}

function presentResourceRef(r: ResourceRecord) {
  return { resourceID: r.resourceID, resourceDescription: r.resourceDescription, format: r.format };
}

/** The `.json` twin of a version page. */
export function presentVersionView(view: VersionView) {
  return {
    datasetId: view.datasetId,
    identifier: view.identifier,
    version: view.version,
    createdAt: view.createdAt,
    actor: view.actor,
    action: view.action,
    currentVersion: view.latest,
    previousVersion: view.previous,
    changes: {
      first: view.diff.first,
      fields: presentFields(view.diff.fields),
      resources: {
        added: view.diff.added.map(presentResourceRef),
        removed: view.diff.removed.map(presentResourceRef),
        changed: view.diff.changed.map((r) => ({
          resourceID: r.resourceID,
          fields: presentFields(r.fields),
        })),
      },
    },
    snapshot: presentDataset(view.snapshot),
  };
}

export const versionPageRoutes: FastifyPluginAsyncZod<PageRouteOptions> = async (app, options) => {
  const { catalogue } = options;

  getPage<{ dataset: DatasetRecord; versions: VersionSummary[] }, z.infer<typeof DatasetParamsSchema>>(
    app,
    options,
    '/dataset/:datasetId/versions',
    {
      schema: { params: DatasetParamsSchema },
      load: async (request) => {
        const dataset = await findVisibleDataset(catalogue, request.params.datasetId, false);
        return { dataset, versions: await versionHistory(catalogue, dataset.datasetId) };
      },
      json: ({ dataset, versions }) => ({
        datasetId: dataset.datasetId,
        identifier: dataset.identifier,
        title: dataset.title,
        currentVersion: dataset.version,
        results: versions.map(presentSummary),
      }),
      view: ({ dataset, versions }, ctx) => (
        <VersionListPage
          ctx={ctx}
          dataset={dataset}
          versions={versions}
          base={PUBLIC_BASE(dataset.datasetId)}
        />
      ),
    },
  );

  getPage<{ dataset: DatasetRecord; view: VersionView }, z.infer<typeof VersionParamsSchema>>(
    app,
    options,
    '/dataset/:datasetId/versions/:version',
    {
      schema: { params: VersionParamsSchema },
      load: async (request) => {
        const dataset = await findVisibleDataset(catalogue, request.params.datasetId, false);
        return { dataset, view: await versionView(catalogue, dataset, request.params.version) };
      },
      json: ({ view }) => presentVersionView(view),
      view: ({ dataset, view }, ctx) => (
        <VersionPage ctx={ctx} dataset={dataset} view={view} base={PUBLIC_BASE(dataset.datasetId)}>
          <RestoreLink ctx={ctx} view={view} />
        </VersionPage>
      ),
    },
  );
};
