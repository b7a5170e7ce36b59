import {
  BADGE_LABELS,
  CATEGORIES,
  LICENCES,
  ORGANIZATION_LEVEL_LABELS,
  type Badge,
  type OrganizationLevel,
} from '@odp/quality/metadata';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import { THEMES } from '../domain/vocabularies/themes.ts';
import { tallyFacets } from './facet-attribute-cache.ts';
import type { FacetAttributes, FacetTallies } from './facet-attributes.ts';
import { FACETS, type FacetCount, type FacetName } from './search-query.ts';

/** Facet values shown: those with the most matched datasets first, then by value. */
export const FACET_VALUES_LIMIT = 50;

const TYPE_LABELS: Record<string, string> = { rawData: '原始資料', TOOLS: '工具', SERVICES: '服務' };

const themeLabels = new Map(
  THEMES.flatMap((t) => [
    [t.code, t.nameZh] as const,
    ...t.subcategories.map((s) => [s.code, s.nameZh] as const),
  ]),
);
const categoryLabels = new Map(CATEGORIES.map((c) => [c.code, c.nameZh]));
const licenceLabels = new Map(LICENCES.map((l) => [l.code, l.nameZh]));

function label(facet: FacetName, value: string): string {
  switch (facet) {
    case 'category':
      return categoryLabels.get(value) ?? value;
    case 'level':
      return ORGANIZATION_LEVEL_LABELS[value as OrganizationLevel] ?? value;
    case 'theme':
      return themeLabels.get(value) ?? value;
    case 'badge':
      return BADGE_LABELS[value as Badge] ?? value;
    case 'licence':
      return licenceLabels.get(value) ?? value;
    case 'type':
      return TYPE_LABELS[value] ?? value;
    default:
      return value;
  }
}

/**
 * One facet's counts as the SQL `group by value order by count(*) desc, value collate "C"
 * limit 50` gave them, empty values dropped after the limit: the top values are chosen
 * with '' among them, so the API shows what it always showed.
 */
function topValues(facet: FacetName, tally: FacetTallies[FacetName]): FacetCount[] {
  const { values, rank, counts } = tally;
  const present: number[] = [];
  for (let code = 0; code < counts.length; code++) if (counts[code]! > 0) present.push(code);
  present.sort((a, b) => counts[b]! - counts[a]! || rank[a]! - rank[b]!);
  return present
    .slice(0, FACET_VALUES_LIMIT)
    .filter((code) => values[code] !== '')
    .map((code) => ({ value: values[code]!, label: label(facet, values[code]!), count: counts[code]! }));
}

/**
 * Facet counts over the matched datasets `ids`, from the in-memory facet attributes
 * (read before the ids; see facet-attribute-cache.ts).
 */
export async function facetCounts(
  ctx: CatalogueContext,
  attributes: FacetAttributes,
  ids: readonly number[],
): Promise<Record<FacetName, FacetCount[]>> {
  const tallies = await tallyFacets(ctx, attributes, ids);
  return Object.fromEntries(FACETS.map((f) => [f, topValues(f, tallies[f])])) as Record<
    FacetName,
    FacetCount[]
  >;
}
