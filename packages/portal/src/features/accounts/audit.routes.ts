import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { headerPrincipal } from '../../http/auth.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { AuditQuerySchema, auditScope } from './audit-access.ts';
import { AuditListSchema, nextBefore, presentAuditEntry } from './audit.present.ts';
import { searchAudit } from './audit-search.repo.ts';
import { isPlatformAdmin } from './principal.ts';

/**
 * GET /api/v1/admin/audit: the audit log, newest first. The admin token and platform
 * administrators read every row; an organisation admin's API key reads its
 * organisations' rows (docs/accounts.md). Not cached: it sits outside the read scope.
 */
export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue, settings }) => {
  app.addHook('onRequest', async (request) => {
    request.principal = await headerPrincipal(request, settings, catalogue.db);
    request.isAdmin = isPlatformAdmin(request.principal);
  });

  app.get(
    '/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit log: who did what, when and from where (newest first)',
        security: [{ adminToken: [] }, { apiKey: [] }],
        querystring: AuditQuerySchema,
        response: { 200: AuditListSchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => {
      const { organization, action, limit, before } = request.query;
      const visible = auditScope(request.principal, organization);
      const rows = await searchAudit(catalogue.db, {
        visibleOrganizationIds: visible,
        organizationId: organization,
        action,
        limit,
        beforeId: before,
      });
      return { results: rows.map(presentAuditEntry), nextBefore: nextBefore(rows, limit) };
    },
  );
};
