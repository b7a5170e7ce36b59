import type { FastifyPluginAsync } from 'fastify';
import type { VNode } from 'preact';
import type { PageContext } from '../page-context.ts';
import { contextOf, pageUrls, sendPage, type PageRouteOptions } from '../page-response.ts';
import { API_EXAMPLES, OGDL_URL, licenceList, sitePages } from '../site-pages.ts';
import { AboutPage, ApiPage, FaqPage, LicencePage, SitemapPage } from '../views/info-pages.tsx';

/** `/licence`, `/api`, `/about`, `/faq` and `/sitemap`, each with a `.json` twin of its content. */

interface InfoPage {
  path: string;
  view: (ctx: PageContext) => VNode;
  json: (ctx: PageContext) => unknown;
}

const INFO_PAGES: InfoPage[] = [
  {
    path: '/licence',
    view: (ctx) => <LicencePage ctx={ctx} />,
    json: (ctx) => ({
      title: ctx.m.licence.heading,
      summary: ctx.m.licence.summary,
      url: OGDL_URL,
      licences: licenceList(ctx.locale),
    }),
  },
  {
    path: '/api',
    view: (ctx) => <ApiPage ctx={ctx} />,
    json: () => ({ docs: '/api/docs', openapi: '/api/v1/openapi.json', examples: API_EXAMPLES }),
  },
  {
    path: '/about',
    view: (ctx) => <AboutPage ctx={ctx} />,
    json: (ctx) => ({
      title: ctx.m.about.title,
      paragraphs: ctx.m.about.paragraphs,
      features: ctx.m.about.featureList,
    }),
  },
  {
    path: '/faq',
    view: (ctx) => <FaqPage ctx={ctx} />,
    json: (ctx) => ({ title: ctx.m.faq.title, items: ctx.m.faq.items }),
  },
  {
    path: '/sitemap',
    view: (ctx) => <SitemapPage ctx={ctx} pages={sitePages(ctx)} />,
    json: (ctx) => ({ title: ctx.m.sitemap.title, pages: sitePages(ctx) }),
  },
];

export const infoPageRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, options) => {
  for (const page of INFO_PAGES) {
    for (const { url, json } of pageUrls(page.path)) {
      app.get(url, { config: { html: !json } }, async (request, reply) => {
        const ctx = contextOf(request, options);
        return json ? page.json(ctx) : sendPage(reply, ctx, page.view(ctx));
      });
    }
  }
};
