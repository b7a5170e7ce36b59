import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';

/**
 * The pages' stylesheet, served same-origin under a name that carries its content hash,
 * so it can be cached for a year and a new version is a new URL. Same-origin files keep
 * the CSP strict: `style-src 'self'`, nothing inline.
 */

const STYLESHEET = readFileSync(new URL('./assets/portal.css', import.meta.url), 'utf8');
const fingerprint = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12);

export const STYLESHEET_HREF = `/assets/portal-${fingerprint}.css`;

/** Fingerprinted files never change under their name. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export const pageAssetRoutes: FastifyPluginAsync = async (app) => {
  app.get(STYLESHEET_HREF, { config: { cacheControl: IMMUTABLE_CACHE_CONTROL } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(STYLESHEET),
  );
};
