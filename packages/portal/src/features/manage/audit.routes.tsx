import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditQuerySchema, auditScope } from '../accounts/audit-access.ts';
import { nextBefore, presentAuditEntry } from '../accounts/audit.present.ts';
import { organizationNames, searchAudit } from '../accounts/audit-search.repo.ts';
import { sendPage } from '../pages/page-response.ts';
import { requireSignedIn, type ManageRouteOptions } from './account-scope.ts';
import { managePageContext } from './manage-page.tsx';
import { AuditPage } from './views/audit-page.tsx';

/**
 * /manage/audit (稽核紀錄): platform administrators read every row, organisation admins
 * their organisations' rows, anyone else gets 403. Filters by organisation and action;
 * older rows page by `before` (the last id shown).
 */

const PAGE_SIZE = 50;

/** The filter form sends empty fields: they mean "no filter". */
const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const AuditPageQuerySchema = z.object({
  organization: z.preprocess(blankIsUnset, AuditQuerySchema.shape.organization),
  action: z.preprocess(blankIsUnset, AuditQuerySchema.shape.action),
  before: z.preprocess(blankIsUnset, AuditQuerySchema.shape.before),
});

export const manageAuditRoutes: FastifyPluginAsyncZod<ManageRouteOptions> = async (app, options) => {
  const { catalogue } = options;

  app.get(
    '/manage/audit',
    { config: { html: true }, preHandler: requireSignedIn, schema: { querystring: AuditPageQuerySchema } },
    async (request, reply) => {
      const { organization, action, before } = request.query;
      const visible = auditScope(request.principal, organization);
      const [rows, organizations] = await Promise.all([
        searchAudit(catalogue.db, {
          visibleOrganizationIds: visible,
          organizationId: organization,
          action,
          limit: PAGE_SIZE,
          beforeId: before,
        }),
        organizationNames(catalogue.db, visible),
      ]);
      const ctx = managePageContext(request, options);
      return sendPage(
        reply,
        ctx,
        <AuditPage
          ctx={ctx}
          data={{
            rows: rows.map(presentAuditEntry),
            organizations,
            organization,
            action,
            before,
            nextBefore: nextBefore(rows, PAGE_SIZE),
          }}
        />,
      );
    },
  );
};
