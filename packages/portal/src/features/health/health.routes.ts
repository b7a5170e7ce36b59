import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

/** GET /healthz (the process is alive) and GET /readyz (it can reach its database). */

const READY_TIMEOUT_MS = 3000;

const HealthSchema = z.object({ status: z.literal('ok') });
const ReadySchema = z.object({ status: z.literal('ready'), database: z.enum(['sqlite', 'postgres']) });

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const healthRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue }) => {
  const config = { cacheControl: 'no-store' };

  app.get(
    '/healthz',
    {
      config,
      schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: HealthSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config,
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers `select 1`',
        response: { 200: ReadySchema, ...errorResponses(503) },
      },
    },
    async (request) => {
      try {
        await withTimeout(sql`select 1`.execute(catalogue.db), READY_TIMEOUT_MS);
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        throw new AppError('NOT_READY', 'The database does not answer');
      }
      return { status: 'ready' as const, database: catalogue.dialect };
    },
  );
};
