import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchDatasets } from '../../../search/index.ts';
import { facetValueName } from '../../../i18n/vocabulary-labels.ts';
import { presentSummary, summaryOfHit } from '../dataset-summary.ts';
import { contextOf, pageUrls, sendPage, type PageRouteOptions } from '../page-response.ts';
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

  for (const { url, json } of pageUrls('/datasets')) {
    app.get(
      url,
      { config: { html: !json }, schema: { querystring: SearchPageQuerySchema } },
      async (request, reply) => {
        const data = await load(request.query);
        const ctx = contextOf(request, options);
        if (!json) return sendPage(reply, ctx, <SearchPage ctx={ctx} data={data} />);
        const { result } = data;
        return {
          total: result.total,
          limit: result.limit,
          offset: result.offset,
          sort: result.sort,
          results: data.datasets.map((d, i) => ({
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
        };
      },
    );
  }
};
