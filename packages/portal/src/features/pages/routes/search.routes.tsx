import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchDatasets } from '../../../search/index.ts';
import { facetValueName } from '../../../i18n/vocabulary-labels.ts';
import { presentSummary, summaryOfHit } from '../dataset-summary.ts';
import { getPage, type PageRouteOptions } from '../page-response.ts';
import { englishTitles, publisherLevels } from '../pages.repo.ts';
import { SearchPageQuerySchema, selectedFacets, type SearchPageQuery } from '../search-page-query.ts';
import { SearchPage, type SearchPageData } from '../views/search-page.tsx';

/** `/datasets` (the search page) and `/datasets.json`, through the search index. */

export const searchPageRoutes: FastifyPluginAsyncZod<PageRouteOptions> = async (app, options) => {
  const { catalogue, locale } = options;

  async function load(query: SearchPageQuery): Promise<SearchPageData> {
    const result = await searchDatasets(catalogue, {
      q: query.q,
      sort: query.sort,
      limit: query.limit,
      offset: query.offset,
      facets: selectedFacets(query),
    });
    const [titles, agencyLevels] = await Promise.all([
      englishTitles(
        catalogue.db,
        result.hits.map((h) => h.datasetId),
      ),
      publisherLevels(
        catalogue.db,
        result.facets.agency.map((a) => a.value),
      ),
    ]);
    return {
      query,
      result,
      datasets: result.hits.map((h) => summaryOfHit(h, titles.get(h.datasetId))),
      agencyLevels,
    };
  }

  getPage(app, options, '/datasets', {
    schema: { querystring: SearchPageQuerySchema },
    load: (request) => load(request.query),
    json: ({ result, datasets }) => ({
      total: result.total,
      limit: result.limit,
      offset: result.offset,
      sort: result.sort,
      results: datasets.map((d, i) => ({
        ...presentSummary(d),
        highlight: result.hits[i]!.titleHighlight,
        descriptionSnippet: result.hits[i]!.descriptionSnippet,
      })),
      facets: Object.fromEntries(
        Object.entries(result.facets).map(([facet, values]) => [
          facet,
          values.map((v) => ({ ...v, label: facetValueName(facet, v.value, locale) })),
        ]),
      ),
      ...(result.didYouMean ? { didYouMean: result.didYouMean } : {}),
    }),
    view: (data, ctx) => <SearchPage ctx={ctx} data={data} />,
  });
};
