import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasets } from '../features/datasets/dataset.service.ts';
import { DEMO_ACTOR, prepareDemoCatalogue } from '../features/demo/demo-seed.ts';
import { datasetInput } from '../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { parseQuery } from './analysis/index.ts';
import { compareCodePoints } from './facet-attributes.ts';
import { FACET_VALUES_LIMIT } from './facets.ts';
import { andAll, searchConditions } from './search-conditions.ts';
import { searchDatasets } from './search-datasets.ts';
import { FACETS, type FacetName } from './search-query.ts';

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const NOW = new Date('2025-07-01T02:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
  const { catalogue } = await prepareDemoCatalogue(t, { publicUrl: 'http://127.0.0.1:3999', now: NOW });
  await catalogue.saveAgencyCodes(t, NOW);
  await createDatasets(t, catalogue.synthetic(0, 60), { actor: DEMO_ACTOR, action: 'import', now: NOW });
  // Formats in mixed case, twice in one dataset, and an astral character (code-point order).
  await createDatasets(
    t,
    ['csv', 'Csv', 'xml', '𠀀X', 'ＣＳＶ'].map((format, i) => ({
      input: datasetInput({
        identifier: `A41000000G-91000${i}`,
        title: `雨量格式${i}`,
        distribution: [format, format.toUpperCase(), 'json'].map((f, k) => ({
          resourceDescription: `r${k}`,
          format: f,
          characterSetCode: 'UTF-8',
          downloadURL: `https://example.gov.tw/${i}-${k}`,
        })),
      }),
    })),
    { actor: 'test', now: NOW },
  );
}, 60_000);
afterAll(async () => {
  await t.destroy();
});

/** The facet values of `d` as the per-facet GROUP BY queries had them. */
function facetSource(facet: FacetName): { from: RawBuilder<unknown>; value: RawBuilder<unknown> } {
  const datasets = sql`datasets d`;
  switch (facet) {
    case 'level':
      return { from: sql`datasets d join organizations o on o.id = d.organization_id`, value: sql`o.level` };
    case 'theme':
      return { from: sql`datasets d join dataset_themes t on t.dataset_id = d.id`, value: sql`t.theme_code` };
    case 'format':
      return {
        from: sql`datasets d join (select distinct dataset_id, upper(format) as format from resources) r on r.dataset_id = d.id`,
        value: sql`r.format`,
      };
    case 'badge':
      return { from: datasets, value: sql`coalesce(d.quality_badge, 'none')` };
    default: {
      const column = {
        category: 'category_code',
        agency: 'publisher_name',
        licence: 'license',
        frequency: 'accrual_periodicity',
        type: 'type',
      }[facet];
      return { from: datasets, value: sql.ref(`d.${column}`) };
    }
  }
}

/** The reference: one SQL GROUP BY per facet over the matched datasets. */
async function sqlFacets(q: string, facets: Partial<Record<FacetName, string>>) {
  const where = andAll(searchConditions(t.dialect, parseQuery(q), facets, true));
  const out: Record<string, { value: string; count: number }[]> = {};
  for (const facet of FACETS) {
    const { from, value } = facetSource(facet);
    const ordered = t.dialect === 'postgres' ? sql`${value} collate "C"` : value;
    const rows = await sql<{ value: string; n: number | string }>`select ${value} as value, count(*) as n
      from ${from} where ${where} group by ${value}
      order by count(*) desc, ${ordered} limit ${FACET_VALUES_LIMIT}`.execute(t.db);
    out[facet] = rows.rows
      .filter((r) => r.value !== null && r.value !== '')
      .map((r) => ({ value: String(r.value), count: Number(r.n) }));
  }
  return out;
}

describe(`facet counts on ${engine}`, () => {
  it.each([
    ['', {}],
    ['資料', {}],
    ['雨量', {}],
    ['臺北市', { category: 'I00' }],
    ['', { format: 'CSV' }],
    ['資料', { format: 'csv', level: 'central' }],
    ['', { type: 'rawData', badge: 'none' }],
    ['統計 -人口', {}],
    ['format:json', {}],
    ['沒有這種字', {}],
  ] as [string, Partial<Record<FacetName, string>>][])(
    'equal the SQL GROUP BY of each facet over the matched set (%j, %j)',
    async (q, facets) => {
      const result = await searchDatasets(t, { q, facets, limit: 10 });
      const got = Object.fromEntries(
        FACETS.map((f) => [f, result.facets[f].map(({ value, count }) => ({ value, count }))]),
      );
      expect(got).toEqual(await sqlFacets(q, facets));
    },
  );

  it('folds formats with upper() and counts a dataset once per format', async () => {
    const result = await searchDatasets(t, { q: '雨量格式', limit: 10 });
    const formats = Object.fromEntries(result.facets.format.map((f) => [f.value, f.count]));
    expect(result.total).toBe(5);
    expect(formats.CSV).toBe(2);
    expect(formats.JSON).toBe(5);
  });
});

describe('compareCodePoints', () => {
  it('orders by code point, astral characters after U+FFxx', () => {
    const values = ['ｚ', '𠀀', 'a', '', 'é', '\uffff'];
    expect([...values].sort(compareCodePoints)).toEqual(['', 'a', 'é', 'ｚ', '\uffff', '𠀀']);
    expect([...values].sort()).not.toEqual([...values].sort(compareCodePoints));
  });
});
