import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { DATASET_STATUSES } from '../../domain/dataset-status.ts';
import { parseOrThrow } from '../../errors/validation.ts';
import { can, organizationsWith } from '../accounts/policy.ts';
import { isPlatformAdmin } from '../accounts/principal.ts';
import { requireSignedIn, type ManageRouteOptions } from './account-scope.ts';
import { organizationDatasets, organizationsByIds } from './manage.repo.ts';
import { manageContext, sendManagePage, signedIn } from './manage-context.ts';
import { ManageHomePage, type ManageHomeData } from './views/manage-home-page.tsx';

/**
 * /manage (後台首頁): the organisations the signed-in person belongs to with their role,
 * and one organisation's datasets in every status with their badge, resources, last
 * change and failed checks, filtered by status and paged. Platform administrators pick
 * any organisation.
 */

export const MANAGE_PAGE_SIZE = 20;

const ManageQuery = z.object({
  organization: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  status: z.union([z.literal(''), z.enum(DATASET_STATUSES)]).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const manageHomeRoutes: FastifyPluginAsync<ManageRouteOptions> = async (app, options) => {
  const { catalogue } = options;

  app.get('/manage', { config: { html: true }, preHandler: requireSignedIn }, async (request, reply) => {
    const principal = signedIn(request);
    const query = parseOrThrow(ManageQuery, request.query, 'query string');
    const memberOf = organizationsWith(principal, 'member');
    const organizations = await organizationsByIds(catalogue.db, memberOf);
    const chosen =
      organizations.find((o) => o.id === query.organization) ??
      (query.organization === undefined ? organizations[0] : undefined);
    const status = query.status || undefined;
    const datasets = chosen
      ? await organizationDatasets(catalogue.db, {
          organizationId: chosen.id,
          status,
          limit: MANAGE_PAGE_SIZE,
          offset: query.offset,
        })
      : { total: 0, rows: [] };
    const data: ManageHomeData = {
      displayName: principal.displayName,
      platformAdmin: isPlatformAdmin(principal),
      organizations: organizations.map((o) => ({
        ...o,
        role: principal.roles.get(o.id) ?? null,
      })),
      chosen: chosen
        ? {
            ...chosen,
            canEdit: can(principal, 'dataset.update', chosen.id),
            canManageMembers: can(principal, 'organization.members', chosen.id),
          }
        : undefined,
      status,
      offset: query.offset,
      limit: MANAGE_PAGE_SIZE,
      datasets,
    };
    const ctx = manageContext(request, reply, options);
    return sendManagePage(reply, ctx, <ManageHomePage ctx={ctx} data={data} />);
  });
};
