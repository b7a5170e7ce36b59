import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  BADGE_LABELS,
  CATEGORIES,
  LICENCES,
  ORGANIZATION_LEVEL_LABELS,
  type Badge,
  type OrganizationLevel,
} from '@odp/quality/metadata';
import type { DialectName } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { THEMES } from '../domain/vocabularies/themes.ts';
import { FACETS, type FacetCount, type FacetName } from './search-query.ts';

/**
 * Facet counts over the whole matched set: one GROUP BY per facet, over the datasets `d`
 * that satisfy `where`. Values with the most datasets first, then by value.
 */
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

/** The FROM … and value expression of each facet (`d` is datasets). */
function facetSource(facet: FacetName): { from: RawBuilder<unknown>; value: RawBuilder<unknown> } {
  const datasets = sql`datasets d`;
  switch (facet) {
    case 'category':
      return { from: datasets, value: sql`d.category_code` };
    case 'level':
      return { from: sql`datasets d join organizations o on o.id = d.organization_id`, value: sql`o.level` };
    case 'agency':
      return { from: datasets, value: sql`d.publisher_name` };
    case 'theme':
      return { from: sql`datasets d join dataset_themes t on t.dataset_id = d.id`, value: sql`t.theme_code` };
    case 'format':
      return {
        from: sql`datasets d join (select distinct dataset_id, upper(format) as format from resources) r on r.dataset_id = d.id`,
        value: sql`r.format`,
      };
    case 'badge':
      return { from: datasets, value: sql`coalesce(d.quality_badge, 'none')` };
    case 'licence':
      return { from: datasets, value: sql`d.license` };
    case 'frequency':
      return { from: datasets, value: sql`d.accrual_periodicity` };
    case 'type':
      return { from: datasets, value: sql`d.type` };
  }
}

export async function facetCounts(
  db: Kysely<Database>,
  dialect: DialectName,
  where: RawBuilder<unknown>,
): Promise<Record<FacetName, FacetCount[]>> {
  const out = {} as Record<FacetName, FacetCount[]>;
  for (const facet of FACETS) {
    const { from, value } = facetSource(facet);
    // Code-point order on both databases.
    const ordered = dialect === 'postgres' ? sql`${value} collate "C"` : value;
    const rows = await sql<{
      value: string | null;
      n: number | string;
    }>`select ${value} as value, count(*) as n
      from ${from} where ${where} group by ${value}
      order by count(*) desc, ${ordered} limit ${FACET_VALUES_LIMIT}`.execute(db);
    out[facet] = rows.rows
      .filter((r) => r.value !== null && r.value !== '')
      .map((r) => ({ value: String(r.value), label: label(facet, String(r.value)), count: Number(r.n) }));
  }
  return out;
}
