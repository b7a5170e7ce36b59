import { PAGE_SIZES, SEARCH_SORTS, FACETS, type SearchResult } from '../../../search/index.ts';
import { facetValueName } from '../../../i18n/vocabulary-labels.ts';
import type { DatasetSummary } from '../dataset-summary.ts';
import { href, type PageContext } from '../page-context.ts';
import { searchPath, selectedFacets, type SearchPageQuery } from '../search-page-query.ts';
import { DatasetList, Pager, SearchBox } from './common.tsx';
import { Layout } from './layout.tsx';
import { SearchFacets } from './search-facets.tsx';

/**
 * 資料集搜尋: results with highlights, facets, active filters, sort and page size, paging,
 * "did you mean" and help when nothing matched. Plain links and GET forms; the search box
 * gets suggestions as you type where script runs (assets/search-suggest.js).
 */

export interface SearchPageData {
  query: SearchPageQuery;
  result: SearchResult;
  datasets: DatasetSummary[];
  agencyLevels: Map<string, string>;
}

function ActiveFilters({ ctx, query }: { ctx: PageContext; query: SearchPageQuery }) {
  const selected = Object.entries(selectedFacets(query));
  if (selected.length === 0) return null;
  const m = ctx.m.datasets;
  return (
    <section aria-labelledby="active-filters">
      <h2 id="active-filters" class="visually-hidden">
        {m.activeFilters}
      </h2>
      <ul class="active-filters">
        {selected.map(([facet, value]) => {
          const label = `${m.facets[facet as keyof typeof m.facets]}${ctx.m.colon}${facetValueName(facet, value, ctx.locale)}`;
          return (
            <li key={facet}>
              <a
                href={href(ctx, searchPath(query, { [facet]: undefined }))}
                aria-label={m.removeFilter(label)}
              >
                {label} ✕
              </a>
            </li>
          );
        })}
        {selected.length > 1 ? (
          <li>
            <a
              href={href(
                ctx,
                searchPath({ ...query, ...Object.fromEntries(FACETS.map((f) => [f, undefined])) }, {}),
              )}
            >
              {m.clearFilters}
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function ResultTools({ ctx, query, sort }: { ctx: PageContext; query: SearchPageQuery; sort: string }) {
  const m = ctx.m.datasets;
  return (
    <form class="result-tools" method="get" action={href(ctx, '/datasets')}>
      {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
      {Object.entries(selectedFacets(query)).map(([facet, value]) => (
        <input key={facet} type="hidden" name={facet} value={value} />
      ))}
      <label for="sort">{m.sort}</label>
      <select id="sort" name="sort">
        {SEARCH_SORTS.filter((s) => s !== 'relevance' || query.q?.trim()).map((s) => (
          <option key={s} value={s} selected={s === sort}>
            {m.sorts[s]}
          </option>
        ))}
      </select>
      <label for="limit">{m.pageSize}</label>
      <select id="limit" name="limit">
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n} selected={n === query.limit}>
            {n}
          </option>
        ))}
      </select>
      <button type="submit">{m.apply}</button>
    </form>
  );
}

function EmptyHelp({
  ctx,
  query,
  didYouMean,
}: {
  ctx: PageContext;
  query: SearchPageQuery;
  didYouMean: string | undefined;
}) {
  const m = ctx.m.datasets;
  return (
    <div class="help">
      <p>
        <strong>{m.empty}</strong>
      </p>
      {didYouMean ? (
        <p>
          {m.didYouMean}
          <a href={href(ctx, searchPath(query, { q: didYouMean }))}>{didYouMean}</a>
        </p>
      ) : null}
      <ul>
        {m.emptyHelp.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      <p>
        <a href={href(ctx, '/themes')}>{m.browseThemes}</a>{' '}
        <a href={href(ctx, '/organizations')}>{m.browseOrganizations}</a>
      </p>
    </div>
  );
}

export function SearchPage({ ctx, data }: { ctx: PageContext; data: SearchPageData }) {
  const { query, result } = data;
  const m = ctx.m.datasets;
  const q = query.q?.trim();
  const title = q ? m.searchTitle(q) : m.title;
  const from = result.offset + 1;
  const to = result.offset + result.hits.length;
  return (
    <Layout
      ctx={ctx}
      title={title}
      section="datasets"
      searchBox
      crumbs={q ? [{ label: m.title, path: '/datasets' }, { label: title }] : [{ label: m.title }]}
    >
      <h1>{title}</h1>
      <SearchBox ctx={ctx} q={query.q} />
      <div class="search-layout">
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" class="visually-hidden">
            {m.results}
          </h2>
          <ActiveFilters ctx={ctx} query={query} />
          <p role="status">
            {m.total(result.total)}
            {result.hits.length > 0 ? m.range(from, to) : ''}
          </p>
          {result.total > 0 ? <ResultTools ctx={ctx} query={query} sort={result.sort} /> : null}
          {result.hits.length === 0 ? (
            <EmptyHelp ctx={ctx} query={query} didYouMean={result.didYouMean} />
          ) : (
            <DatasetList ctx={ctx} datasets={data.datasets} />
          )}
          <Pager
            ctx={ctx}
            total={result.total}
            limit={result.limit}
            offset={result.offset}
            pathFor={(offset) => searchPath(query, { offset })}
          />
        </section>
        <SearchFacets ctx={ctx} query={query} facets={result.facets} agencyLevels={data.agencyLevels} />
      </div>
    </Layout>
  );
}
