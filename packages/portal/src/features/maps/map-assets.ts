import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyPluginAsync } from 'fastify';
import { IMMUTABLE_CACHE_CONTROL } from '../pages/page-assets.ts';
import { taiwanOutline } from './taiwan-outline.ts';

/**
 * The map page's files, served same-origin under names that carry their content hash
 * (like the pages' own assets, page-assets.ts): Leaflet's script and stylesheet from the
 * installed package, the page's script, and the Taiwan county outline built at startup.
 * Nothing of the map comes from another site unless the operator sets a tile URL.
 */

interface Asset {
  href: string;
  type: string;
  body: string;
}

function asset(name: string, body: string, extension: string, type: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { href: `/assets/${name}-${hash}.${extension}`, type, body };
}

const require = createRequire(import.meta.url);
const read = (file: string | URL) => readFileSync(file, 'utf8');

const LEAFLET_SCRIPT = asset(
  'leaflet',
  read(require.resolve('leaflet/dist/leaflet.js')),
  'js',
  'text/javascript; charset=utf-8',
);
const LEAFLET_STYLESHEET = asset(
  'leaflet',
  read(require.resolve('leaflet/dist/leaflet.css')),
  'css',
  'text/css; charset=utf-8',
);
const MAP_SCRIPT = asset(
  'resource-map',
  read(new URL('./assets/resource-map.js', import.meta.url)),
  'js',
  'text/javascript; charset=utf-8',
);

export const LEAFLET_SCRIPT_HREF = LEAFLET_SCRIPT.href;
export const LEAFLET_STYLESHEET_HREF = LEAFLET_STYLESHEET.href;
export const MAP_SCRIPT_HREF = MAP_SCRIPT.href;

/** The county outline's fingerprinted URL (builds the outline on first use). */
export function outlineHref(): string {
  return taiwanOutline().href;
}

export const mapAssetRoutes: FastifyPluginAsync = async (app) => {
  for (const file of [LEAFLET_SCRIPT, LEAFLET_STYLESHEET, MAP_SCRIPT]) {
    app.get(file.href, { config: { cacheControl: IMMUTABLE_CACHE_CONTROL } }, async (_request, reply) =>
      reply.type(file.type).send(file.body),
    );
  }
  const outline = taiwanOutline();
  app.get(outline.href, { config: { cacheControl: IMMUTABLE_CACHE_CONTROL } }, async (_request, reply) =>
    reply.type('application/geo+json').send(outline.body),
  );
};
