import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGENCY_CODE_PATTERN, OID_PATTERN, ORGANIZATION_LEVELS } from '@odp/quality/metadata';
import { AppError } from '../../errors/app-error.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { listDatasetIds } from '../datasets/dataset.repo.ts';
import { DatasetListQuerySchema } from '../datasets/dataset.schema.ts';
import { getOrganization, listOrganizations } from './organization.repo.ts';
import { OrganizationListSchema, OrganizationSchema, presentOrganization } from './organization.present.ts';

/** GET /api/v1/organizations and /organizations/{key} (id, OID or agency code). */

const OrganizationListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(30),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  level: z.enum(ORGANIZATION_LEVELS).optional().describe('central (中央) or local (地方)'),
  parent: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Children of this organisation: id, OID or agency code'),
  q: z.string().trim().max(100).optional().describe('Part of the Chinese name'),
});

const OrganizationParamsSchema = z.object({
  key: z.string().min(1).max(100).describe('An id, an OID (2.16.886.101.…) or a 10-character agency code'),
});

/** An id (small enough for an integer column), an OID or an agency code. */
function isOrganizationKey(key: string): boolean {
  if (/^\d+$/.test(key)) return key.length <= 9;
  return OID_PATTERN.test(key) || AGENCY_CODE_PATTERN.test(key);
}

export const organizationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue }) => {
  app.get(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'List organisations',
        querystring: OrganizationListQuerySchema,
        response: { 200: OrganizationListSchema, ...errorResponses(400, 401, 500) },
      },
    },
    async (request) => {
      const { limit, offset, level, parent, q } = request.query;
      let parentId: number | undefined;
      if (parent !== undefined) {
        const row = isOrganizationKey(parent) ? await getOrganization(catalogue.db, parent) : undefined;
        if (!row) return { total: 0, limit, offset, results: [] };
        parentId = row.id;
      }
      const { total, rows } = await listOrganizations(catalogue.db, { limit, offset, level, parentId, q });
      return { total, limit, offset, results: rows.map((r) => presentOrganization(r, r.datasetCount)) };
    },
  );

  app.get(
    '/organizations/:key',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Get an organisation by id, OID or agency code',
        params: OrganizationParamsSchema,
        response: { 200: OrganizationSchema, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const key = request.params.key.trim();
      const row = isOrganizationKey(key) ? await getOrganization(catalogue.db, key) : undefined;
      if (!row) throw new AppError('ORGANIZATION_NOT_FOUND', `No organisation ${key.slice(0, 100)}`);
      const query = DatasetListQuerySchema.parse({ organization: String(row.id), limit: 1 });
      const { total } = await listDatasetIds(catalogue.db, query, { includeUnlisted: false });
      return presentOrganization(row, total);
    },
  );
};
