import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';

/**
 * The pages' stylesheet and script, served same-origin under names that carry their
 * content hash, so they can be cached for a year and a new version is a new URL.
 * Same-origin files keep the CSP strict: `style-src 'self'` and `script-src 'self'`,
 * nothing inline.
 */

interface Asset {
  href: string;
  type: string;
  body: string;
}

function fingerprinted(file: string, extension: string, type: string): Asset {
  const body = readFileSync(new URL(`./assets/${file}.${extension}`, import.meta.url), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { href: `/assets/${file}-${hash}.${extension}`, type, body };
}

const STYLESHEET = fingerprinted('portal', 'css', 'text/css; charset=utf-8');
/** Search as you type (搜尋建議) for the pages with a search box; the box works without it. */
const SEARCH_SCRIPT = fingerprinted('search-suggest', 'js', 'text/javascript; charset=utf-8');
/** Live validation of the back office's dataset form (後台); the form works without it. */
const MANAGE_FORM_SCRIPT = fingerprinted('manage-form', 'js', 'text/javascript; charset=utf-8');
/** PNG export of the chart page's server-drawn SVG (圖表匯出); the SVG download works without it. */
const CHART_EXPORT_SCRIPT = fingerprinted('chart-export', 'js', 'text/javascript; charset=utf-8');

export const STYLESHEET_HREF = STYLESHEET.href;
export const SEARCH_SCRIPT_HREF = SEARCH_SCRIPT.href;
export const MANAGE_FORM_SCRIPT_HREF = MANAGE_FORM_SCRIPT.href;
export const CHART_EXPORT_SCRIPT_HREF = CHART_EXPORT_SCRIPT.href;

/** Fingerprinted files never change under their name. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export const pageAssetRoutes: FastifyPluginAsync = async (app) => {
  for (const asset of [STYLESHEET, SEARCH_SCRIPT, MANAGE_FORM_SCRIPT, CHART_EXPORT_SCRIPT]) {
    app.get(asset.href, { config: { cacheControl: IMMUTABLE_CACHE_CONTROL } }, async (_request, reply) =>
      reply.type(asset.type).send(asset.body),
    );
  }
};
