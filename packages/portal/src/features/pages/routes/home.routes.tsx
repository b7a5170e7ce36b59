import type { FastifyPluginAsync } from 'fastify';
import { searchDatasets } from '../../../search/index.ts';
import { countedCategories, countedThemes } from '../browse-counts.ts';
import { presentSummary, summaryOfHit } from '../dataset-summary.ts';
import { contextOf, pageUrls, sendPage, type PageRouteOptions } from '../page-response.ts';
import { catalogueTotals, englishTitles } from '../pages.repo.ts';
import { HomePage, type HomeData } from '../views/home-page.tsx';

/** `/` and `/index.json`. */

const NEWEST = 8;

export const homeRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, options) => {
  const { catalogue, locale } = options;

  async function load(): Promise<HomeData> {
    const [totals, result] = await Promise.all([
      catalogueTotals(catalogue.db),
      searchDatasets(catalogue, { sort: 'newest', limit: NEWEST }),
    ]);
    const titles = await englishTitles(
      catalogue.db,
      result.hits.map((h) => h.datasetId),
    );
    return {
      totals,
      newest: result.hits.map((h) => summaryOfHit(h, titles.get(h.datasetId))),
      themes: countedThemes(result.facets.theme, locale),
      categories: countedCategories(result.facets.category, locale),
    };
  }

  for (const { url, json } of pageUrls('/')) {
    app.get(url, { config: { html: !json } }, async (request, reply) => {
      const data = await load();
      if (json) return { ...data, newest: data.newest.map(presentSummary) };
      return sendPage(
        reply,
        contextOf(request, options),
        <HomePage ctx={contextOf(request, options)} data={data} />,
      );
    });
  }
};
