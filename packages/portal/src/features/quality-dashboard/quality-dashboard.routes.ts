import { AGENCY_CODE_PATTERN, OID_PATTERN } from '@odp/quality/metadata';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { AppError } from '../../errors/app-error.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { getOrganization, type OrganizationRow } from '../organizations/organization.repo.ts';
import {
  OrganizationQualitySchema,
  PlatformQualitySchema,
  presentOrganizationQuality,
  presentPlatformQuality,
} from './quality-dashboard.present.ts';
import { organizationQuality, platformQuality } from './quality-dashboard.service.ts';

/** GET /api/v1/quality/summary and /api/v1/organizations/{key}/quality: the dashboards' numbers. */

export const QualityOrganizationParamsSchema = z.object({
  key: z.string().min(1).max(100).describe('An id, an OID (2.16.886.101.…) or a 10-character agency code'),
});

/** The agency named by an id, OID or agency code, or ORGANIZATION_NOT_FOUND. */
export async function findOrganization(catalogue: CatalogueContext, raw: string): Promise<OrganizationRow> {
  const key = raw.trim();
  const valid = /^\d+$/.test(key) ? key.length <= 9 : OID_PATTERN.test(key) || AGENCY_CODE_PATTERN.test(key);
  const organization = valid ? await getOrganization(catalogue.db, key) : undefined;
  if (!organization) throw new AppError('ORGANIZATION_NOT_FOUND', `No organisation ${key.slice(0, 100)}`);
  return organization;
}

export const qualityDashboardRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue }) => {
  app.get(
    '/quality/summary',
    {
      schema: {
        tags: ['quality'],
        summary:
          'Platform-wide quality: badges now, 中央/地方, the daily trend, the agency ranking and the common failing checks',
        response: { 200: PlatformQualitySchema, ...errorResponses(401, 500) },
      },
    },
    async () => presentPlatformQuality(await platformQuality(catalogue)),
  );

  app.get(
    '/organizations/:key/quality',
    {
      schema: {
        tags: ['quality'],
        summary:
          'An agency’s quality: badges, award score, rank, trend, common failing checks and datasets needing attention',
        params: QualityOrganizationParamsSchema,
        response: { 200: OrganizationQualitySchema, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const organization = await findOrganization(catalogue, request.params.key);
      return presentOrganizationQuality(await organizationQuality(catalogue, organization));
    },
  );
};
