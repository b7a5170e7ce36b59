import etag from '@fastify/etag';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Overrides the default Cache-Control of a read (health checks use `no-store`). */
    cacheControl?: string;
  }
}

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

function appendVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  const fields = String(current ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (!fields.some((f) => f.toLowerCase() === field.toLowerCase())) fields.push(field);
  reply.header('vary', fields.join(', '));
}

/**
 * Cache-Control for every response: public reads may be cached for a minute;
 * authenticated responses, writes and errors must not be stored.
 */
export async function cacheControlHook(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  const authenticated = request.headers.authorization !== undefined;
  if (!isRead || reply.statusCode >= 400 || authenticated) {
    reply.header('cache-control', 'no-store');
  } else if (!reply.hasHeader('cache-control')) {
    reply.header('cache-control', request.routeOptions.config?.cacheControl ?? PUBLIC_CACHE_CONTROL);
  }
  if (isRead) appendVary(reply, 'Authorization');
  return payload;
}

/**
 * ETags and `If-None-Match` → 304 for the reads registered in `scope` (and only
 * there: writes never answer 304). Error responses carry no ETag.
 */
export async function registerEtags(scope: FastifyInstance): Promise<void> {
  await scope.register(etag);
  scope.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode >= 400) reply.removeHeader('etag');
    return payload;
  });
}
