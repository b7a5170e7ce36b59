import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Settings } from '../../config/settings.ts';
import { AppError } from '../../errors/app-error.ts';
import { credentialsOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { presentJob } from './jobs.present.ts';
import { JobListQuerySchema, JobOverviewSchema } from './jobs.schema.ts';

/** GET /api/v1/admin/jobs: job counts by state and the latest jobs, for admins. */

/** Admin routes answer like the write routes: 403 when no token is configured, 401 without it. */
function adminAuthHook(settings: Settings) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (settings.adminToken === undefined) {
      throw new AppError('ADMIN_DISABLED', 'The admin API is off: no ODP_ADMIN_TOKEN is configured');
    }
    if (credentialsOf(request, settings) !== 'admin') {
      throw new AppError('UNAUTHORIZED', 'Admin routes need Authorization: Bearer <admin token>');
    }
    request.isAdmin = true;
  };
}

export const jobRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { settings, jobQueue }) => {
  app.addHook('onRequest', adminAuthHook(settings));

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
