import cors from '@fastify/cors';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { plainJsonSerializerCompiler } from './http/json-serializer.ts';
import { clearReadCacheOnWrite, ReadCache, registerReadCache } from './http/read-cache.ts';
import { z } from 'zod';
import type { Settings } from './config/settings.ts';
import type { DatabaseHandle } from './db/database.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import { demoFilesRoutes } from './features/demo/demo-files.routes.ts';
import { datasetWriteRoutes } from './features/datasets/dataset-write.routes.ts';
import { versionRestoreRoutes } from './features/datasets/version-restore.routes.ts';
import { auditRoutes } from './features/accounts/audit.routes.ts';
import { datasetRoutes } from './features/datasets/dataset.routes.ts';
import { dcatRoutes } from './features/dcat/dcat.routes.ts';
import { resourceRoutes } from './features/datasets/resource.routes.ts';
import { tableRoutes } from './features/tables/tables.routes.ts';
import { searchRoutes } from './features/search/search.routes.ts';
import { downloadRoutes } from './features/stats/download.routes.ts';
import { storageRoutes } from './features/storage/storage.routes.ts';
import { statsRoutes } from './features/stats/stats.routes.ts';
import { registerUsageRecording, type UsageRecordingOptions } from './features/stats/usage-recording.ts';
import { qualityRoutes } from './features/quality/quality.routes.ts';
import { qualityWriteRoutes } from './features/quality/quality-write.routes.ts';
import { fixListRoutes } from './features/quality/fix-list.routes.ts';
import { fixRoutes } from './features/fixes/fix.routes.ts';
import { qualityDashboardRoutes } from './features/quality-dashboard/quality-dashboard.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { jobRoutes } from './features/jobs/jobs.routes.ts';
import { organizationRoutes } from './features/organizations/organization.routes.ts';
import { fontSizeRoutes } from './features/pages/font-size.routes.ts';
import { accountScope } from './features/manage/account-scope.ts';
import { pageRoutes, renderHtmlError } from './features/pages/page.routes.tsx';
import { v2DatasetRoutes } from './features/v2/v2-dataset.routes.ts';
import { v2DatasetWriteRoutes } from './features/v2/v2-dataset-write.routes.ts';
import { vocabularyRoutes } from './features/vocabularies/vocabulary.routes.ts';
import { readAuthHook } from './http/auth.ts';
import { ANONYMOUS } from './features/accounts/principal.ts';
import { cacheControlHook, registerEtags } from './http/caching.ts';
import { registerCompression } from './http/compression.ts';
import { registerRequestLog } from './http/request-log.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { OPENAPI_PATH, registerOpenApi } from './http/openapi.ts';
import { REQUEST_ID_HEADER, requestIdFor } from './http/request-id.ts';
import type { RouteDeps } from './http/route-deps.ts';
import { zodValidatorCompiler } from './http/zod-validation.ts';

export interface BuildAppOptions {
  settings: Settings;
  handle: DatabaseHandle;
  /** The job queue, for the admin jobs route (without it that route answers 503). */
  jobQueue?: JobQueue;
  /** A logger to use instead of JSON lines on stdout. */
  logger?: FastifyBaseLogger;
  /** Where the JSON log lines go (default stdout); tests pass a stream to read them. */
  logStream?: { write(line: string): void };
  /** Called for every route as it is added (tests use it to check the OpenAPI document). */
  onRoute?: (route: RouteOptions) => void;
  /**
   * Check every response against its route's schema before sending (tests turn this
   * on). In production presenters already build each output explicitly, so responses
   * are serialized without being validated again.
   */
  validateResponses?: boolean;
  /** Usage counting (docs/counting.md): flush interval, batch size, clock. */
  usage?: UsageRecordingOptions;
}

/** Request bodies larger than this are refused with 413 PAYLOAD_TOO_LARGE. */
export const BODY_LIMIT = 2 * 1024 * 1024;

function loggerOptions(options: BuildAppOptions): Pick<FastifyServerOptions, 'logger' | 'loggerInstance'> {
  if (options.logger) return { loggerInstance: options.logger };
  return {
    logger: {
      level: options.settings.logLevel,
      // Fastify's request serializer logs no headers; redact them anyway should a log call include them.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
        censor: '[redacted]',
      },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
  };
}

/** Builds the whole web app (pages, APIs, docs) without listening: tests use `inject()`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { settings, handle } = options;
  const deps: RouteDeps = {
    catalogue: { db: handle.db, dialect: handle.dialect },
    settings,
    jobQueue: options.jobQueue,
  };

  const app = Fastify({
    ...loggerOptions(options),
    genReqId: requestIdFor,
    requestIdHeader: false,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // One line a request instead (http/request-log.ts).
      disableRequestLogging: true,
    }),
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: 'idle',
  });

  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(options.validateResponses ? serializerCompiler : plainJsonSerializerCompiler);
  app.decorateRequest('isAdmin', false);
  app.decorateRequest('principal', undefined as never);
  app.decorateRequest('readCacheHit', false);
  const readCache = new ReadCache({ ttlSeconds: settings.readCacheSeconds });
  clearReadCacheOnWrite(app, readCache);
  app.addHook('onRequest', async (request, reply) => {
    request.principal = ANONYMOUS;
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onSend', cacheControlHook);
  registerRequestLog(app);
  registerErrorHandling(app, { renderHtml: renderHtmlError });
  // Page views, downloads and API calls, counted after each response is sent.
  registerUsageRecording(app, deps.catalogue, options.usage);

  // CORS for reads only, without credentials: a preflight for anything else gets no CORS headers.
  await app.register(cors, {
    delegator: (request, callback) => {
      const method =
        request.method === 'OPTIONS' ? request.headers['access-control-request-method'] : request.method;
      const read = method === 'GET' || method === 'HEAD';
      callback(null, {
        origin: read ? '*' : false,
        methods: ['GET', 'HEAD'],
        credentials: false,
        maxAge: 600,
      });
    },
  });
  await registerOpenApi(app, { publicUrl: settings.publicUrl });

  await app.register(async (reads) => {
    await registerEtags(reads);
    registerReadCache(reads, readCache);
    await registerCompression(reads);
    await reads.register(
      async (v1) => {
        v1.addHook('onRequest', readAuthHook(settings, deps.catalogue.db));
        await v1.register(datasetRoutes, deps);
        await v1.register(searchRoutes, deps);
        await v1.register(resourceRoutes, deps);
        await v1.register(qualityRoutes, deps);
        await v1.register(fixListRoutes, deps);
        await v1.register(organizationRoutes, deps);
        await v1.register(vocabularyRoutes);
        await v1.register(statsRoutes, deps);
        await v1.register(qualityDashboardRoutes, deps);
        v1.get(
          OPENAPI_PATH.slice('/api/v1'.length),
          {
            schema: {
              tags: ['documentation'],
              summary: 'This API as an OpenAPI 3.1 document',
              response: { 200: z.record(z.string(), z.unknown()) },
            },
          },
          async () => app.swagger(),
        );
      },
      { prefix: '/api/v1' },
    );
    // The row-level data API (docs/data-api.md) and its CKAN datastore_search alias.
    await reads.register(tableRoutes, deps);
    await reads.register(v2DatasetRoutes, { ...deps, prefix: '/api/v2' });
    await reads.register(pageRoutes, deps);
    // DCAT-AP 3: /catalog.ttl|rdf|jsonld and /dataset/{datasetId}.ttl|jsonld (docs/quality.md).
    await reads.register(dcatRoutes, deps);
    await reads.register(healthRoutes, deps);
  });
  await app.register(datasetWriteRoutes, { ...deps, prefix: '/api/v1' });
  await app.register(versionRestoreRoutes, { ...deps, prefix: '/api/v1' });
  await app.register(jobRoutes, { ...deps, prefix: '/api/v1' });
  await app.register(auditRoutes, { ...deps, prefix: '/api/v1' });
  await app.register(qualityWriteRoutes, { ...deps, prefix: '/api/v1' });
  await app.register(fixRoutes, { ...deps, prefix: '/api/v1' });
  await app.register(v2DatasetWriteRoutes, { ...deps, prefix: '/api/v2' });
  await app.register(demoFilesRoutes, { catalogue: deps.catalogue });
  // Outside the read cache: every download reaches the handler and is counted.
  await app.register(downloadRoutes, deps);
  // Outside the read cache: uploads stream their bodies; each file download reaches the handler.
  await app.register(storageRoutes, deps);
  // Outside the read cache: sign-in and back-office pages depend on the session cookie.
  await app.register(accountScope, deps);
  // Outside the read cache: the text-size answers depend on a cookie.
  await app.register(fontSizeRoutes);

  await app.ready();
  return app;
}
