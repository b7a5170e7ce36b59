import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { VNode } from 'preact';
import { HTML_LANG, splitLocale, type Locale } from '../../i18n/locale.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { pageContext, type PageContext } from './page-context.ts';
import { PAGE_CSP, renderPage } from './views/layout.tsx';

/** What the page route plugins of one language are given. */
export interface PageRouteOptions extends RouteDeps {
  locale: Locale;
}

/**
 * A page's URL and its `.json` twin's: '/' pairs with '/index.json'. Routes pass
 * `config: { html: !json }` so a page's errors are HTML pages (http/error-handler.ts).
 */
export function pageUrls(path: string): { url: string; json: boolean }[] {
  return [
    { url: path, json: false },
    { url: path === '/' ? '/index.json' : `${path}.json`, json: true },
  ];
}

/** The context of the page this request asks for (the `.json` twin's: the page it mirrors). */
export function contextOf(request: FastifyRequest, options: PageRouteOptions): PageContext {
  const { path } = splitLocale(request.url);
  const page = path.replace(/^\/index\.json(?=\?|$)/, '/').replace(/\.json(?=\?|$)/, '');
  return pageContext(options.locale, page, options.settings.publicUrl);
}

export function sendPage(reply: FastifyReply, ctx: PageContext, page: VNode): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('content-language', HTML_LANG[ctx.locale])
    .send(renderPage(page));
}

/** A page: what it reads for a request, its `.json` twin's body and its view of the same data. */
export interface PageRoute<P, Q, T> {
  /** The path parameters and query string, validated (and defaulted) before `load` sees them. */
  schema?: { params?: z.ZodType<P>; querystring?: z.ZodType<Q> };
  load(request: FastifyRequest<{ Params: P; Querystring: Q }>): Promise<T>;
  json(data: T, ctx: PageContext): unknown;
  view(data: T, ctx: PageContext): VNode;
}

/** Registers a page and its `.json` twin (see `pageUrls`) on one handler. */
export function getPage<T, P = unknown, Q = unknown>(
  app: FastifyInstance,
  options: PageRouteOptions,
  path: string,
  route: PageRoute<P, Q, T>,
): void {
  for (const { url, json } of pageUrls(path)) {
    app.get<{ Params: P; Querystring: Q }>(
      url,
      { config: { html: !json }, schema: route.schema ?? {} },
      async (request, reply) => {
        const data = await route.load(request);
        const ctx = contextOf(request, options);
        return json ? route.json(data, ctx) : sendPage(reply, ctx, route.view(data, ctx));
      },
    );
  }
}
