import { FACETS, type FacetCount, type FacetName } from '../../../search/index.ts';
import { facetValueName } from '../../../i18n/vocabulary-labels.ts';
import { href, type PageContext } from '../page-context.ts';
import { searchPath, type SearchPageQuery } from '../search-page-query.ts';
import { Chinese } from './common.tsx';

/**
 * The facets of the search page as links: a value's link adds it to the search, the
 * selected value's link removes it (one value a facet). 提供機關 is a tree under 中央/地方.
 */

export interface FacetsProps {
  ctx: PageContext;
  query: SearchPageQuery;
  facets: Record<FacetName, FacetCount[]>;
  /** 中央/地方 of each agency in the agency facet. */
  agencyLevels: Map<string, string>;
}

/** Facet values written by agencies (names, frequencies) rather than from a vocabulary. */
const FREE_TEXT: readonly FacetName[] = ['agency', 'frequency'];

interface FacetValueProps {
  ctx: PageContext;
  query: SearchPageQuery;
  facet: FacetName;
  value: FacetCount;
}

function FacetLink({ ctx, query, facet, value }: FacetValueProps) {
  const selected = query[facet] === value.value;
  const name = facetValueName(facet, value.value, ctx.locale);
  return (
    <>
      <a
        href={href(ctx, searchPath(query, { [facet]: selected ? undefined : value.value }))}
        aria-current={selected ? 'true' : undefined}
        title={selected ? ctx.m.datasets.removeFilter(name) : undefined}
        rel="nofollow"
      >
        {FREE_TEXT.includes(facet) ? <Chinese ctx={ctx} text={name} /> : name}
        {selected ? ctx.m.datasets.facetSelected : null}
      </a>{' '}
      <span class="count">({value.count.toLocaleString(ctx.locale)})</span>
    </>
  );
}

function FacetValue(props: FacetValueProps) {
  return (
    <li>
      <FacetLink {...props} />
    </li>
  );
}

function AgencyTree({ ctx, query, facets, agencyLevels }: FacetsProps) {
  const groups = facets.level.map((level) => ({
    level,
    agencies: facets.agency.filter((a) => agencyLevels.get(a.value) === level.value),
  }));
  const others = facets.agency.filter(
    (a) => !facets.level.some((l) => l.value === agencyLevels.get(a.value)),
  );
  return (
    <ul>
      {groups.map(({ level, agencies }) => (
        <li key={level.value}>
          <FacetLink ctx={ctx} query={query} facet="level" value={level} />
          {agencies.length > 0 ? (
            <ul>
              {agencies.map((a) => (
                <FacetValue key={a.value} ctx={ctx} query={query} facet="agency" value={a} />
              ))}
            </ul>
          ) : null}
        </li>
      ))}
      {others.length > 0 ? (
        <li>
          {ctx.m.datasets.otherAgencies}
          <ul>
            {others.map((a) => (
              <FacetValue key={a.value} ctx={ctx} query={query} facet="agency" value={a} />
            ))}
          </ul>
        </li>
      ) : null}
    </ul>
  );
}

export function SearchFacets(props: FacetsProps) {
  const { ctx, query, facets } = props;
  const shown = FACETS.filter((f) => f !== 'level' && f !== 'agency' && facets[f].length > 0);
  return (
    <section class="facets" aria-labelledby="facets-heading">
      <h2 id="facets-heading">{ctx.m.datasets.filters}</h2>
      {facets.agency.length > 0 || facets.level.length > 0 ? (
        <details class="facet" open>
          <summary>{ctx.m.datasets.facets.agency}</summary>
          <AgencyTree {...props} />
        </details>
      ) : null}
      {shown.map((f) => (
        <details
          key={f}
          class="facet"
          open={query[f] !== undefined || f === 'category' || f === 'badge' || f === 'format'}
        >
          <summary>{ctx.m.datasets.facets[f]}</summary>
          <ul>
            {facets[f].map((v) => (
              <FacetValue key={v.value} ctx={ctx} query={query} facet={f} value={v} />
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
