import type { PopularDataset, SiteUsageTotals } from '../../stats/popular-datasets.ts';
import type { CountedTerm, CountedTheme } from '../browse-counts.ts';
import type { DatasetSummary } from '../dataset-summary.ts';
import type { CatalogueTotals } from '../pages.repo.ts';
import { href, withQuery, type PageContext } from '../page-context.ts';
import { Chinese, DatasetList, DatasetTitle, SearchBox } from './common.tsx';
import { Layout } from './layout.tsx';
import { TermTiles } from './term-tiles.tsx';

/**
 * 首頁: the search box, the catalogue's and the site's totals, the popular datasets (all
 * time and the last 7 days, by downloads), the newest datasets, themes, categories and agencies.
 */

export interface HomeData {
  totals: CatalogueTotals;
  /** Page views and downloads over every aggregated day. */
  usage: SiteUsageTotals;
  /** 熱門資料集: most downloaded over every aggregated day. */
  popular: PopularDataset[];
  /** 近 7 日熱門: most downloaded in the 7 days to the last aggregated day. */
  popular7d: PopularDataset[];
  newest: DatasetSummary[];
  themes: CountedTheme[];
  categories: CountedTerm[];
}

/** One popular list: the datasets most downloaded, most first, with their counts. */
function PopularList({
  ctx,
  id,
  heading,
  datasets,
  more,
  sort,
}: {
  ctx: PageContext;
  id: string;
  heading: string;
  datasets: PopularDataset[];
  /** The link to the whole list: the search page sorted by `sort`. */
  more: string;
  sort: string;
}) {
  const m = ctx.m.home;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {datasets.length === 0 ? (
        <p>{m.noDownloads}</p>
      ) : (
        <>
          <ol class="popular-list">
            {datasets.map((d) => (
              <li key={d.datasetId}>
                <a href={href(ctx, `/dataset/${d.datasetId}`)}>
                  <DatasetTitle ctx={ctx} title={d.title} titleEn={d.titleEn} />
                </a>
                <span class="muted">
                  <Chinese ctx={ctx} text={d.agency} />
                </span>
                <span class="popular-counts">{m.popularCounts(d.downloads, d.views)}</span>
              </li>
            ))}
          </ol>
          <p>
            <a href={href(ctx, withQuery('/datasets', { sort }))}>{more}</a>
          </p>
        </>
      )}
    </section>
  );
}

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const m = ctx.m.home;
  const adopted = data.themes.filter((t) => !t.candidate);
  const candidates = data.themes.filter((t) => t.candidate);
  const popularLists = [
    { id: 'popular', heading: m.popular, datasets: data.popular, more: m.morePopular, sort: 'downloads' },
    {
      id: 'popular-7d',
      heading: m.popularWeek,
      datasets: data.popular7d,
      more: m.morePopularWeek,
      sort: 'downloads7d',
    },
  ];
  return (
    <Layout ctx={ctx} title={m.title} section="home" crumbs={[]} description={m.intro} searchBox>
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
          <li>
            <strong>{data.usage.views.toLocaleString(ctx.locale)}</strong>
            {m.views}
          </li>
          <li>
            <strong>{data.usage.downloads.toLocaleString(ctx.locale)}</strong>
            {m.downloads}
          </li>
        </ul>
        <p class="muted">{data.usage.lastDay ? m.usageAsOf(data.usage.lastDay) : m.usageNone}</p>
      </section>
      <div class="popular">
        {popularLists.map((list) => (
          <PopularList key={list.id} ctx={ctx} {...list} />
        ))}
      </div>
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
