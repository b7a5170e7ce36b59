import { LICENCES } from '@odp/quality/metadata';
import type { Locale } from '../../i18n/locale.ts';
import { licenceName } from '../../i18n/vocabulary-labels.ts';
import type { PageContext } from './page-context.ts';

/** The site's page list (網站導覽) and the content of the informational pages, as data for both twins. */

export interface SitePage {
  path: string;
  title: string;
  children?: SitePage[];
}

export function sitePages(ctx: PageContext): SitePage[] {
  const m = ctx.m;
  return [
    { path: '/', title: m.breadcrumb.home },
    {
      path: '/datasets',
      title: m.nav.datasets,
      children: [{ path: '/categories', title: m.categories.title }],
    },
    { path: '/organizations', title: m.nav.organizations },
    { path: '/themes', title: m.nav.themes },
    { path: '/api', title: m.nav.api, children: [{ path: '/api/docs', title: m.apiPage.docs }] },
    {
      path: '/about',
      title: m.nav.about,
      children: [
        { path: '/faq', title: m.faq.title },
        { path: '/licence', title: m.licence.title },
      ],
    },
    { path: '/sitemap', title: m.sitemap.title },
  ];
}

/** Paths outside the language prefix (the API documentation is in English only). */
export const UNPREFIXED_PATHS: readonly string[] = ['/api/docs'];

export const OGDL_URL = 'https://data.gov.tw/license';

export function licenceList(locale: Locale) {
  return LICENCES.filter((l) => l.url !== '').map((l) => ({
    code: l.code,
    name: licenceName(l.code, locale),
    url: l.url,
  }));
}

/** Example requests of the API page, relative to the site. */
export const API_EXAMPLES = {
  v1: [
    '/api/v1/datasets?limit=5&category=A00',
    '/api/v1/search?q=雨量&limit=10',
    '/api/v1/organizations?level=central',
  ],
  v2: ['/api/v2/rest/dataset/1', '/api/v2/rest/dataset/export?limit=10'],
  pages: ['/datasets.json?q=雨量', '/dataset/1.json', '/organizations.json', '/themes.json'],
} as const;
