import { findCategory } from '@odp/quality/metadata';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors/app-error.ts';
import { THEMES } from '../../../domain/vocabularies/themes.ts';
import { categoryName, themeName } from '../../../i18n/vocabulary-labels.ts';
import { searchDatasets } from '../../../search/index.ts';
import { countedCategories, countedThemes } from '../browse-counts.ts';
import { presentSummary, summaryOfHit } from '../dataset-summary.ts';
import { getPage, type PageRouteOptions } from '../page-response.ts';
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

  getPage(app, options, '/themes', {
    load: async () => countedThemes((await facetTotals()).theme, locale),
    json: (themes) => ({ themes }),
    view: (themes, ctx) => <ThemesPage ctx={ctx} themes={themes} />,
  });

  getPage(app, options, '/themes/:code', {
    schema: { params: CodeParamsSchema, querystring: OffsetQuerySchema },
    async load(request) {
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
      return { ...found, data };
    },
    json: ({ theme, parent, data }) => ({
      ...termJson(data),
      parent: parent ? parent.code : null,
      candidate: (theme ?? parent)!.candidate,
    }),
    view({ parent, data }, ctx) {
      const m = ctx.m.themes;
      const crumbs = [
        { label: m.title, path: '/themes' },
        ...(parent ? [{ label: themeName(parent.code, locale), path: `/themes/${parent.code}` }] : []),
        { label: data.name },
      ];
      return (
        <TermDatasetsPage
          ctx={ctx}
          data={data}
          section="themes"
          crumbs={crumbs}
          path={`/themes/${data.code}`}
          facet="theme"
          datasetsHeading={m.datasets}
        />
      );
    },
  });

  getPage(app, options, '/categories', {
    load: async () => countedCategories((await facetTotals()).category, locale),
    json: (categories) => ({ categories }),
    view: (categories, ctx) => <CategoriesPage ctx={ctx} categories={categories} />,
  });

  getPage(app, options, '/categories/:code', {
    schema: { params: CodeParamsSchema, querystring: OffsetQuerySchema },
    async load(request) {
      const category = findCategory(request.params.code);
      if (!category || category.code !== request.params.code) {
        throw new AppError('NOT_FOUND', `No service category ${request.params.code.slice(0, 50)}`);
      }
      const name = categoryName(category.code, locale);
      return (await termDatasets('category', category.code, name, request.query.offset)).data;
    },
    json: termJson,
    view: (data, ctx) => (
      <TermDatasetsPage
        ctx={ctx}
        data={data}
        section="datasets"
        crumbs={[{ label: ctx.m.categories.title, path: '/categories' }, { label: data.name }]}
        path={`/categories/${data.code}`}
        facet="category"
        datasetsHeading={ctx.m.categories.datasets}
      />
    ),
  });
};
