import type { FastifyPluginAsync } from 'fastify';
import type { AppError } from '../../errors/app-error.ts';
import { registerErrorHandling, type HtmlErrorRenderer } from '../../http/error-handler.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { LOCALE_PREFIX, type Locale } from '../../i18n/locale.ts';
import { mapAssetRoutes } from '../maps/map-assets.ts';
import { mapPageRoutes } from '../maps/map.routes.tsx';
import { previewRoutes } from '../preview/preview.routes.tsx';
import {
  qualityDashboardAssetRoutes,
  qualityDashboardPageRoutes,
} from '../quality-dashboard/quality-dashboard-pages.routes.tsx';
import { pageAssetRoutes } from './page-assets.ts';
import { pageContext } from './page-context.ts';
import type { PageRouteOptions } from './page-response.ts';
import { browsePageRoutes } from './routes/browse.routes.tsx';
import { datasetPageRoutes } from './routes/dataset.routes.tsx';
import { homeRoutes } from './routes/home.routes.tsx';
import { infoPageRoutes } from './routes/info.routes.tsx';
import { organizationPageRoutes } from './routes/organization.routes.tsx';
import { searchPageRoutes } from './routes/search.routes.tsx';
import { versionPageRoutes } from './routes/versions.routes.tsx';
import { ErrorPage } from './views/error-page.tsx';
import { renderPage } from './views/layout.tsx';

/**
 * The public pages, in 正體中文 at the root and in English under `/en/`: the same route
 * plugins registered once for each language. Every page has a `.json` twin. The English
 * scope has its own error handlers so its error pages are in English too.
 */

/** The HTML error page of the page routes in a language (the API keeps its JSON error body). */
export function htmlErrorRenderer(locale: Locale): HtmlErrorRenderer {
  return (error: AppError, requestId: string) => {
    const ctx = pageContext(locale, '/', '');
    return renderPage(
      <ErrorPage
        ctx={ctx}
        status={error.status}
        code={error.code}
        message={error.message}
        requestId={requestId}
      />,
    );
  };
}

export const renderHtmlError: HtmlErrorRenderer = htmlErrorRenderer('zh-TW');

const localePages: FastifyPluginAsync<PageRouteOptions> = async (app, options) => {
  await app.register(homeRoutes, options);
  await app.register(searchPageRoutes, options);
  await app.register(datasetPageRoutes, options);
  await app.register(versionPageRoutes, options);
  await app.register(organizationPageRoutes, options);
  await app.register(browsePageRoutes, options);
  await app.register(infoPageRoutes, options);
  await app.register(mapPageRoutes, options);
  await app.register(previewRoutes, options);
  await app.register(qualityDashboardPageRoutes, options);
};

export const pageRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  await app.register(pageAssetRoutes);
  await app.register(mapAssetRoutes);
  await app.register(qualityDashboardAssetRoutes);
  await app.register(localePages, { ...deps, locale: 'zh-TW' });
  await app.register(
    async (english) => {
      registerErrorHandling(english, { renderHtml: htmlErrorRenderer('en') });
      await english.register(localePages, { ...deps, locale: 'en' });
    },
    { prefix: LOCALE_PREFIX.en },
  );
};
