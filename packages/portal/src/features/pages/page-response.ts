import type { FastifyReply, FastifyRequest } from 'fastify';
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
