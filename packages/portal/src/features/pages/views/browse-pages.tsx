import type { CountedTerm, CountedTheme } from '../browse-counts.ts';
import type { DatasetSummary } from '../dataset-summary.ts';
import { href, withQuery, type PageContext } from '../page-context.ts';
import type { Crumb } from './breadcrumb.tsx';
import { PagedDatasetList } from './common.tsx';
import { Layout } from './layout.tsx';
import { TermTiles } from './term-tiles.tsx';

/** 主題 and 服務分類: the lists with counts, and one theme's or category's datasets. */

export function ThemesPage({ ctx, themes }: { ctx: PageContext; themes: CountedTheme[] }) {
  const m = ctx.m.themes;
  const groups: [string, string, CountedTheme[]][] = [
    ['adopted', m.adopted, themes.filter((t) => !t.candidate)],
    ['candidate', m.candidate, themes.filter((t) => t.candidate)],
  ];
  return (
    <Layout ctx={ctx} title={m.title} section="themes" crumbs={[{ label: m.title }]}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {groups.map(([id, heading, list]) => (
        <section key={id} aria-labelledby={id}>
          <h2 id={id}>{heading}</h2>
          {list.map((t) => (
            <section key={t.code} aria-labelledby={`theme-${t.code}`}>
              <h3 id={`theme-${t.code}`}>
                <a href={href(ctx, `/themes/${t.code}`)}>{t.name}</a>{' '}
                <span class="muted">({m.count(t.count)})</span>
              </h3>
              <TermTiles ctx={ctx} terms={t.subcategories} base="/themes" />
            </section>
          ))}
        </section>
      ))}
    </Layout>
  );
}

export function CategoriesPage({ ctx, categories }: { ctx: PageContext; categories: CountedTerm[] }) {
  const m = ctx.m.categories;
  return (
    <Layout ctx={ctx} title={m.title} section="datasets" crumbs={[{ label: m.title }]}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <TermTiles ctx={ctx} terms={categories} base="/categories" />
    </Layout>
  );
}

export interface TermDatasetsData {
  code: string;
  name: string;
  /** Sub-categories with counts (a theme's), or none. */
  subcategories: CountedTerm[];
  total: number;
  limit: number;
  offset: number;
  datasets: DatasetSummary[];
}

export interface TermDatasetsPageProps {
  ctx: PageContext;
  data: TermDatasetsData;
  section: 'themes' | 'datasets';
  crumbs: Crumb[];
  /** This page's path (no language prefix) and the search facet that lists the same datasets. */
  path: string;
  facet: 'theme' | 'category';
  datasetsHeading: string;
}

export function TermDatasetsPage({
  ctx,
  data,
  section,
  crumbs,
  path,
  facet,
  datasetsHeading,
}: TermDatasetsPageProps) {
  return (
    <Layout ctx={ctx} title={data.name} section={section} crumbs={crumbs}>
      <h1>{data.name}</h1>
      {data.subcategories.length > 0 ? (
        <section aria-labelledby="subcategories">
          <h2 id="subcategories">{ctx.m.themes.subcategories}</h2>
          <TermTiles ctx={ctx} terms={data.subcategories} base="/themes" />
        </section>
      ) : null}
      <section aria-labelledby="term-datasets">
        <h2 id="term-datasets">{datasetsHeading}</h2>
        <p>
          {ctx.m.datasets.total(data.total)}
          {data.total > 0 ? (
            <>
              {' '}
              <a href={href(ctx, withQuery('/datasets', { [facet]: data.code }))}>
                {ctx.m.organizations.searchAll}
              </a>
            </>
          ) : null}
        </p>
        <PagedDatasetList ctx={ctx} list={data} path={path} />
      </section>
    </Layout>
  );
}
