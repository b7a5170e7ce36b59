import { findCategory } from '@odp/quality/metadata';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors/app-error.ts';
import { THEMES } from '../../../domain/vocabularies/themes.ts';
import { categoryName, themeName } from '../../../i18n/vocabulary-labels.ts';
import { searchDatasets } from '../../../search/index.ts';
import { countedCategories, countedThemes } from '../browse-counts.ts';
import { presentSummary, summaryOfHit } from '../dataset-summary.ts';
import { contextOf, pageUrls, sendPage, type PageRouteOptions } from '../page-response.ts';
import { englishTitles } from '../pages.repo.ts';
import {
  CategoriesPage,
  TermDatasetsPage,
  ThemesPage,
  type TermDatasetsData,
} from '../views/browse-pages.tsx';

/**
 * `/themes`, `/themes/{code}` (高應用價值主題 or a sub-category), `/categories` and
 * `/categories/{code}` (服務分類), with `.json` twins. Counts and lists come from the
 * search index's facets, so they agree with the search page.
 */

const PAGE_SIZE = 30;

const CodeParamsSchema = z.object({ code: z.string().min(1).max(50) });
const OffsetQuerySchema = z.object({ offset: z.coerce.number().int().min(0).max(10_000).default(0) });

function themeOf(code: string) {
  for (const t of THEMES) {
    if (t.code === code) return { theme: t, parent: undefined };
    const sub = t.subcategories.find((s) => s.code === code);
    if (sub) return { theme: undefined, parent: t };
  }
  return undefined;
}

export const browsePageRoutes: FastifyPluginAsyncZod<PageRouteOptions> = async (app, options) => {
  const { catalogue, locale } = options;

  async function facetTotals() {
    return (await searchDatasets(catalogue, { limit: 1 })).facets;
  }

  async function termDatasets(
    facet: 'theme' | 'category',
    code: string,
    name: string,
    offset: number,
  ): Promise<{ data: TermDatasetsData; themeFacet: Awaited<ReturnType<typeof facetTotals>>['theme'] }> {
    const result = await searchDatasets(catalogue, {
      facets: { [facet]: code },
      sort: 'newest',
      limit: PAGE_SIZE,
      offset,
    });
    const titles = await englishTitles(
      catalogue.db,
      result.hits.map((h) => h.datasetId),
    );
    return {
      data: {
        code,
        name,
        subcategories: [],
        total: result.total,
        limit: PAGE_SIZE,
        offset,
        datasets: result.hits.map((h) => summaryOfHit(h, titles.get(h.datasetId))),
      },
      themeFacet: result.facets.theme,
    };
  }

  function termJson(data: TermDatasetsData) {
    return { ...data, datasets: undefined, results: data.datasets.map(presentSummary) };
  }

  for (const { url, json } of pageUrls('/themes')) {
    app.get(url, { config: { html: !json } }, async (request, reply) => {
      const themes = countedThemes((await facetTotals()).theme, locale);
      if (json) return { themes };
      const ctx = contextOf(request, options);
      return sendPage(reply, ctx, <ThemesPage ctx={ctx} themes={themes} />);
    });
  }

  for (const { url, json } of pageUrls('/themes/:code')) {
    app.get(
      url,
      { config: { html: !json }, schema: { params: CodeParamsSchema, querystring: OffsetQuerySchema } },
      async (request, reply) => {
        const { code } = request.params;
        const found = themeOf(code);
        if (!found) throw new AppError('NOT_FOUND', `No theme ${code.slice(0, 50)}`);
        const { data, themeFacet } = await termDatasets(
          'theme',
          code,
          themeName(code, locale),
          request.query.offset,
        );
        if (found.theme) {
          const counted = countedThemes(themeFacet, locale).find((t) => t.code === code);
          data.subcategories = counted?.subcategories ?? [];
        }
        if (json)
          return {
            ...termJson(data),
            parent: found.parent ? found.parent.code : null,
            candidate: (found.theme ?? found.parent)!.candidate,
          };
        const ctx = contextOf(request, options);
        const m = ctx.m.themes;
        const crumbs = [
          { label: m.title, path: '/themes' },
          ...(found.parent
            ? [{ label: themeName(found.parent.code, locale), path: `/themes/${found.parent.code}` }]
            : []),
          { label: data.name },
        ];
        return sendPage(
          reply,
          ctx,
          <TermDatasetsPage
            ctx={ctx}
            data={data}
            section="themes"
            crumbs={crumbs}
            path={`/themes/${code}`}
            facet="theme"
            datasetsHeading={m.datasets}
          />,
        );
      },
    );
  }

  for (const { url, json } of pageUrls('/categories')) {
    app.get(url, { config: { html: !json } }, async (request, reply) => {
      const categories = countedCategories((await facetTotals()).category, locale);
      if (json) return { categories };
      const ctx = contextOf(request, options);
      return sendPage(reply, ctx, <CategoriesPage ctx={ctx} categories={categories} />);
    });
  }

  for (const { url, json } of pageUrls('/categories/:code')) {
    app.get(
      url,
      { config: { html: !json }, schema: { params: CodeParamsSchema, querystring: OffsetQuerySchema } },
      async (request, reply) => {
        const category = findCategory(request.params.code);
        if (!category || category.code !== request.params.code) {
          throw new AppError('NOT_FOUND', `No service category ${request.params.code.slice(0, 50)}`);
        }
        const { data } = await termDatasets(
          'category',
          category.code,
          categoryName(category.code, locale),
          request.query.offset,
        );
        if (json) return termJson(data);
        const ctx = contextOf(request, options);
        const crumbs = [{ label: ctx.m.categories.title, path: '/categories' }, { label: data.name }];
        return sendPage(
          reply,
          ctx,
          <TermDatasetsPage
            ctx={ctx}
            data={data}
            section="datasets"
            crumbs={crumbs}
            path={`/categories/${category.code}`}
            facet="category"
            datasetsHeading={ctx.m.categories.datasets}
          />,
        );
      },
    );
  }
};
