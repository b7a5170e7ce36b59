import type { FastifyPluginAsync } from 'fastify';
import { searchDatasets } from '../../../search/index.ts';
import { popularDatasets, siteUsageTotals } from '../../stats/popular-datasets.ts';
import { countedCategories, countedThemes } from '../browse-counts.ts';
import { presentSummary, summaryOfHit } from '../dataset-summary.ts';
import { getPage, type PageRouteOptions } from '../page-response.ts';
import { catalogueTotals, englishTitles } from '../pages.repo.ts';
import { HomePage, type HomeData } from '../views/home-page.tsx';

/** `/` and `/index.json`. */

const NEWEST = 8;
/** Datasets in each popular list (熱門資料集, 近 7 日熱門). */
const POPULAR = 10;

export const homeRoutes: FastifyPluginAsync<PageRouteOptions> = async (app, options) => {
  const { catalogue, locale } = options;

  async function load(): Promise<HomeData> {
    const [totals, result, usage, popular, popular7d] = await Promise.all([
      catalogueTotals(catalogue.db),
      searchDatasets(catalogue, { sort: 'newest', limit: NEWEST }),
      siteUsageTotals(catalogue),
      popularDatasets(catalogue, { window: 'all', limit: POPULAR, by: 'downloads' }),
      popularDatasets(catalogue, { window: '7d', limit: POPULAR, by: 'downloads' }),
    ]);
    const titles = await englishTitles(
      catalogue.db,
      result.hits.map((h) => h.datasetId),
    );
    return {
      totals,
      usage,
      popular,
      popular7d,
      newest: result.hits.map((h) => summaryOfHit(h, titles.get(h.datasetId))),
      themes: countedThemes(result.facets.theme, locale),
      categories: countedCategories(result.facets.category, locale),
    };
  }

  getPage(app, options, '/', {
    load,
    json: (data) => ({ ...data, newest: data.newest.map(presentSummary) }),
    view: (data, ctx) => <HomePage ctx={ctx} data={data} />,
  });
};
