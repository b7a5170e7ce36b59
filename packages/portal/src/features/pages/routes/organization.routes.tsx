import { AGENCY_CODE_PATTERN, OID_PATTERN } from '@odp/quality/metadata';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors/app-error.ts';
import { listVisibleDatasets } from '../../../http/dataset-lookup.ts';
import { DatasetListQuerySchema } from '../../datasets/dataset.schema.ts';
import { getOrganization } from '../../organizations/organization.repo.ts';
import { presentSummary, summaryOfRecord } from '../dataset-summary.ts';
import { organizationTree } from '../organization-tree.ts';
import { getPage, type PageRouteOptions } from '../page-response.ts';
import { badgeCounts, childOrganizations, organizationById, organizationCounts } from '../pages.repo.ts';
import { OrganizationPage, type OrganizationPageData } from '../views/organization-page.tsx';
import { OrganizationsPage } from '../views/organizations-page.tsx';

/** `/organizations` (the agency tree) and `/organizations/{id, OID or agency code}`, with `.json` twins. */

const PAGE_SIZE = 30;

const OrganizationParamsSchema = z.object({ key: z.string().min(1).max(100) });
const OrganizationQuerySchema = z.object({ offset: z.coerce.number().int().min(0).max(10_000).default(0) });

function isOrganizationKey(key: string): boolean {
  if (/^\d+$/.test(key)) return key.length <= 9;
  return OID_PATTERN.test(key) || AGENCY_CODE_PATTERN.test(key);
}

export const organizationPageRoutes: FastifyPluginAsyncZod<PageRouteOptions> = async (app, options) => {
  const { catalogue, locale } = options;

  getPage(app, options, '/organizations', {
    load: async () => organizationTree(await organizationCounts(catalogue.db), locale),
    json: (tree) => tree,
    view: (tree, ctx) => <OrganizationsPage ctx={ctx} tree={tree} />,
  });

  async function load(key: string, offset: number): Promise<OrganizationPageData> {
    const organization = isOrganizationKey(key) ? await getOrganization(catalogue.db, key) : undefined;
    if (!organization) throw new AppError('ORGANIZATION_NOT_FOUND', `No organisation ${key.slice(0, 100)}`);
    const query = DatasetListQuerySchema.parse({
      organization: String(organization.id),
      sort: 'newest',
      limit: PAGE_SIZE,
      offset,
    });
    const [parent, children, badges, list] = await Promise.all([
      organization.parentId === null ? undefined : organizationById(catalogue.db, organization.parentId),
      childOrganizations(catalogue.db, organization.id),
      badgeCounts(catalogue.db, organization.id),
      listVisibleDatasets(catalogue, query, false),
    ]);
    return {
      organization,
      parent,
      children,
      badges,
      total: list.total,
      offset,
      limit: PAGE_SIZE,
      datasets: list.records.map(summaryOfRecord),
    };
  }

  getPage(app, options, '/organizations/:key', {
    schema: { params: OrganizationParamsSchema, querystring: OrganizationQuerySchema },
    load: (request) => load(request.params.key.trim(), request.query.offset),
    json: presentOrganizationPage,
    view: (data, ctx) => <OrganizationPage ctx={ctx} data={data} />,
  });
};

/** The `.json` twin of an agency's page. */
function presentOrganizationPage(data: OrganizationPageData) {
  const o = data.organization;
  return {
    organization: {
      id: o.id,
      oid: o.oid,
      agencyCode: o.agencyCode,
      nameZh: o.nameZh,
      nameEn: o.nameEn,
      level: o.level,
    },
    parent: data.parent
      ? { id: data.parent.id, nameZh: data.parent.nameZh, nameEn: data.parent.nameEn }
      : null,
    children: data.children.map((c) => ({
      id: c.id,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      datasetCount: c.datasetCount,
    })),
    badges: Object.fromEntries(data.badges),
    total: data.total,
    offset: data.offset,
    limit: data.limit,
    results: data.datasets.map(presentSummary),
  };
}
