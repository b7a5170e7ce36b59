import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Probes hit the health checks every few seconds: their requests are not logged. */
export const isProbe = (request: FastifyRequest): boolean =>
  request.url === '/healthz' || request.url === '/readyz';

/**
 * One access-log line a request, when it is answered: method, URL, client address,
 * status and time. Fastify's own request logging writes two lines (incoming, completed);
 * at tens of thousands of requests a second, serialising and writing log lines was the
 * largest cost of a cached read (bench B3), so the app turns Fastify's off and writes this.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    if (isProbe(request)) return;
    request.log.info(
      {
        req: { method: request.method, url: request.url, remoteAddress: request.ip },
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
  });
}
