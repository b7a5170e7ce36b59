import type { CountedTerm, CountedTheme } from '../browse-counts.ts';
import type { DatasetSummary } from '../dataset-summary.ts';
import type { CatalogueTotals } from '../pages.repo.ts';
import { href, withQuery, type PageContext } from '../page-context.ts';
import { DatasetList, SearchBox } from './common.tsx';
import { Layout } from './layout.tsx';
import { TermTiles } from './term-tiles.tsx';

/** 首頁: the search box, the totals, the newest datasets, themes, categories and agencies. */

export interface HomeData {
  totals: CatalogueTotals;
  newest: DatasetSummary[];
  themes: CountedTheme[];
  categories: CountedTerm[];
}

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const m = ctx.m.home;
  const adopted = data.themes.filter((t) => !t.candidate);
  const candidates = data.themes.filter((t) => t.candidate);
  return (
    <Layout ctx={ctx} title={m.title} section="home" crumbs={[]} description={m.intro}>
      <h1>{m.heading}</h1>
      <p class="lead">{m.intro}</p>
      <SearchBox ctx={ctx} />
      <section aria-labelledby="totals">
        <h2 id="totals">{m.totals}</h2>
        <ul class="stats">
          <li>
            <strong>{data.totals.datasets.toLocaleString(ctx.locale)}</strong>
            <a href={href(ctx, '/datasets')}>{m.datasets}</a>
          </li>
          <li>
            <strong>{data.totals.organizations.toLocaleString(ctx.locale)}</strong>
            <a href={href(ctx, '/organizations')}>{m.organizations}</a>
          </li>
          <li>
            <strong>{data.totals.resources.toLocaleString(ctx.locale)}</strong>
            {m.resources}
          </li>
        </ul>
      </section>
      <section aria-labelledby="newest">
        <h2 id="newest">{m.newest}</h2>
        {data.newest.length === 0 ? <p>{m.noDatasets}</p> : <DatasetList ctx={ctx} datasets={data.newest} />}
        <p>
          <a href={href(ctx, withQuery('/datasets', { sort: 'newest' }))}>{m.moreNewest}</a>
        </p>
      </section>
      <section aria-labelledby="themes">
        <h2 id="themes">{m.themes}</h2>
        <TermTiles ctx={ctx} terms={adopted} base="/themes" />
        {candidates.length > 0 ? (
          <>
            <h3>{m.candidateThemes}</h3>
            <TermTiles ctx={ctx} terms={candidates} base="/themes" />
          </>
        ) : null}
      </section>
      <section aria-labelledby="categories">
        <h2 id="categories">{m.categories}</h2>
        <TermTiles ctx={ctx} terms={data.categories} base="/categories" />
      </section>
      <section aria-labelledby="agencies">
        <h2 id="agencies">{m.agencies}</h2>
        <p>
          <a href={href(ctx, '/organizations')}>{m.agenciesText}</a>
        </p>
      </section>
    </Layout>
  );
}
