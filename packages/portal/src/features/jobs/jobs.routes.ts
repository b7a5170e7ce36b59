import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Settings } from '../../config/settings.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { headerPrincipal } from '../../http/auth.ts';
import { authorizePlatformAdmin } from '../accounts/policy.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { presentJob } from './jobs.present.ts';
import { JobListQuerySchema, JobOverviewSchema } from './jobs.schema.ts';

/** GET /api/v1/admin/jobs: job counts by state and the latest jobs, for admins. */

/** Admin routes: 401 without credentials, 403 for anyone but a platform administrator. */
function adminAuthHook(settings: Settings, db: Kysely<Database>) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.principal = await headerPrincipal(request, settings, db);
    authorizePlatformAdmin(request.principal);
    request.isAdmin = true;
  };
}

export const jobRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue, settings, jobQueue }) => {
  app.addHook('onRequest', adminAuthHook(settings, catalogue.db));

  app.get(
    '/admin/jobs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Background jobs: counts by state and the latest jobs',
        security: [{ adminToken: [] }],
        querystring: JobListQuerySchema,
        response: { 200: JobOverviewSchema, ...errorResponses(400, 401, 403, 500, 503) },
      },
    },
    async (request) => {
      if (!jobQueue) throw new AppError('JOBS_UNAVAILABLE', 'This server runs without a job queue');
      const { limit, name, state } = request.query;
      const [counts, jobs] = await Promise.all([
        jobQueue.countByState(),
        jobQueue.listJobs({ limit, ...(name ? { name } : {}), ...(state ? { state } : {}) }),
      ]);
      return { counts, jobs: jobs.map(presentJob) };
    },
  );
};
