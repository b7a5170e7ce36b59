import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGENCY_CODE_PATTERN, OID_PATTERN } from '@odp/quality/metadata';
import { AppError } from '../../errors/app-error.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { getOrganization } from '../organizations/organization.repo.ts';
import { listOrganizationFixes } from './fix-list.ts';
import { AgencyFixListSchema, presentAgencyFix } from './fix-list.present.ts';

/** GET /api/v1/organizations/{key}/fixes: an agency's fix list over all its datasets, most gain first. */

const ParamsSchema = z.object({
  key: z.string().min(1).max(100).describe('An id, an OID (2.16.886.101.…) or a 10-character agency code'),
});

const QuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

function isOrganizationKey(key: string): boolean {
  if (/^\d+$/.test(key)) return key.length <= 9;
  return OID_PATTERN.test(key) || AGENCY_CODE_PATTERN.test(key);
}

export const fixListRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue, settings }) => {
  app.get(
    '/organizations/:key/fixes',
    {
      schema: {
        tags: ['quality'],
        summary: "An agency's fix list: every dataset's fixes ranked by badge steps, then MQA points",
        params: ParamsSchema,
        querystring: QuerySchema,
        response: { 200: AgencyFixListSchema, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const key = request.params.key.trim();
      const row = isOrganizationKey(key) ? await getOrganization(catalogue.db, key) : undefined;
      if (!row) throw new AppError('ORGANIZATION_NOT_FOUND', `No organisation ${key.slice(0, 100)}`);
      const { limit, offset } = request.query;
      const fixes = await listOrganizationFixes(catalogue, row.id, {
        rules: settings.badgeRules,
        publicUrl: settings.publicUrl,
        includeUnlisted: request.isAdmin,
      });
      return {
        organizationId: row.id,
        total: fixes.length,
        limit,
        offset,
        results: fixes.slice(offset, offset + limit).map(presentAgencyFix),
      };
    },
  );
};
