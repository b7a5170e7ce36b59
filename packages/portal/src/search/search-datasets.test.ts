import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeDatasetStatus,
  createDatasets,
  updateDatasetMetadata,
} from '../features/datasets/dataset.service.ts';
import { DEMO_ACTOR, prepareDemoCatalogue } from '../features/demo/demo-seed.ts';
import { datasetInput } from '../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { parseQuery } from './analysis/index.ts';
import { countPhrase, rankCandidates } from './rank-candidates.ts';
import { INDEXED_FIELDS } from './ranking-weights.ts';
import { searchDatasets } from './search-datasets.ts';
import { searchTokens } from './search-index.ts';
import { loadDatasets } from '../features/datasets/dataset.repo.ts';

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const NOW = new Date('2025-07-01T02:00:00Z');
let t: TestDatabase;
let ids: number[] = [];
/** The seeded datasets the public can find (the synthetic catalogue has some drafts and delisted ones). */
let listedIds: number[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
  const { catalogue } = await prepareDemoCatalogue(t, { publicUrl: 'http://127.0.0.1:3999', now: NOW });
  await catalogue.saveAgencyCodes(t, NOW);
  const records = await createDatasets(t, catalogue.synthetic(0, 40), {
    actor: DEMO_ACTOR,
    action: 'import',
    now: NOW,
  });
  ids = records.map((r) => r.datasetId);
  listedIds = records
    .filter((r) => ['published', 'delisting_scheduled', 'historical'].includes(r.status))
    .map((r) => r.datasetId)
    .sort((a, b) => a - b);
}, 60_000);
afterAll(async () => {
  await t.destroy();
});

/**
 * The order every database must give: the matched datasets (every term's phrase in some
 * field, as the engines match) ranked by the shared scoring function. Computed in JS from
 * the records, so it does not depend on the engine under test.
 */
async function expectedOrder(q: string): Promise<number[]> {
  const terms = parseQuery(q)
    .terms.map((term) => term.tokens)
    .filter((p) => p.length > 0);
  const records = (await loadDatasets(t.db, ids)).filter((r) =>
    ['published', 'delisting_scheduled', 'historical'].includes(r.status),
  );
  const candidates = records
    .map((r) => ({ datasetId: r.datasetId, tokens: searchTokens(r), badge: r.qualityBadge, downloads: 0 }))
    .filter((c) =>
      terms.every((p) => INDEXED_FIELDS.some((f) => countPhrase(c.tokens[f].split(' '), p) > 0)),
    );
  return rankCandidates(candidates, terms).map((r) => r.datasetId);
}

describe(`searchDatasets on ${engine}`, () => {
  it('indexes the catalogue writes: the seeded datasets are all found by an empty query', async () => {
    const all = await searchDatasets(t, { q: '', limit: 50, withoutFacets: true });
    expect(listedIds.length).toBeGreaterThan(30);
    expect(all.total).toBe(listedIds.length);
    expect(all.sort).toBe('newest');
  });

  it('gives the engine-independent order (same top 10 on every database)', async () => {
    const first = await loadDatasets(t.db, ids.slice(0, 5));
    // Words from the seeded titles: 2-character words, a longer phrase, an agency.
    const queries = [
      ...first.map((r) => [...r.title].slice(0, 2).join('')),
      [...first[0]!.title].slice(0, 5).join(''),
      first[1]!.publisher,
      '資料',
      '臺北市',
      '台北 資料',
      '統計',
    ];
    let compared = 0;
    for (const q of queries) {
      const want = await expectedOrder(q);
      const got = await searchDatasets(t, { q, limit: 50, withoutFacets: true });
      expect(got.total, q).toBe(want.length);
      expect(
        got.hits.map((h) => h.datasetId),
        q,
      ).toEqual(want.slice(0, 50));
      compared += want.length;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('pages, sorts and counts facets over the whole matched set', async () => {
    const page1 = await searchDatasets(t, { q: '', sort: 'id', limit: 10 });
    const page2 = await searchDatasets(t, { q: '', sort: 'id', limit: 10, offset: 10 });
    expect(page1.hits.map((h) => h.datasetId)).toEqual(listedIds.slice(0, 10));
    expect(page2.hits[0]!.datasetId).toBe(listedIds[10]);
    const categories = page1.facets.category;
    expect(categories.reduce((n, f) => n + f.count, 0)).toBe(listedIds.length);
    const top = categories[0]!;
    expect(top.label).not.toBe('');
    const filtered = await searchDatasets(t, { facets: { category: top.value }, withoutFacets: true });
    expect(filtered.total).toBe(top.count);
    const byTitle = await searchDatasets(t, { sort: 'title', limit: 50, withoutFacets: true });
    const titles = byTitle.hits.map((h) => h.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe(`search index maintenance on ${engine}`, () => {
  let id = 0;
  beforeAll(async () => {
    const [record] = await createDatasets(
      t,
      [
        {
          input: datasetInput({
            identifier: 'A41000000G-900001',
            title: '臺北市YouBike站點<即時>',
            description: 'Station list & rainfall stations for 臺北市, updated hourly.',
            status: 'draft',
          }),
        },
      ],
      { actor: 'test', now: NOW },
    );
    id = record!.datasetId;
  });

  it('keeps drafts out, indexes on publish, re-indexes on edit, drops on delisting', async () => {
    expect((await searchDatasets(t, { q: 'youbike' })).total).toBe(0);
    await changeDatasetStatus(t, id, 'published', { actor: 'test', now: NOW });
    const found = await searchDatasets(t, { q: '台北 youbike' });
    expect(found.hits.map((h) => h.datasetId)).toEqual([id]);
    expect(found.hits[0]!.titleHighlight).toBe('<mark>臺北</mark>市<mark>YouBike</mark>站點&lt;即時&gt;');
    expect(found.hits[0]!.descriptionSnippet).toContain('&amp;');

    await updateDatasetMetadata(
      t,
      id,
      { title: '新北市公共自行車站點' },
      { actor: 'test', mode: 'patch', now: NOW },
    );
    expect((await searchDatasets(t, { q: 'youbike' })).total).toBe(0);
    expect((await searchDatasets(t, { q: '自行車' })).hits.map((h) => h.datasetId)).toEqual([id]);

    await changeDatasetStatus(t, id, 'delisted', { actor: 'test', now: NOW });
    expect((await searchDatasets(t, { q: '自行車' })).total).toBe(0);
  });
});

describe(`query language and bad input on ${engine}`, () => {
  it('applies exclusions and field filters', async () => {
    const [r] = await createDatasets(
      t,
      [
        {
          input: datasetInput({
            identifier: 'A41000000G-900002',
            title: '停車場即時剩餘車位',
            description: 'parking stations',
            keyword: ['停車場'],
            distribution: [
              {
                resourceDescription: 'x',
                format: 'JSON',
                characterSetCode: 'UTF-8',
                downloadURL: 'https://e.gov.tw/a.json',
              },
            ],
          }),
        },
      ],
      { actor: 'test', now: NOW },
    );
    const hit = (q: string) =>
      searchDatasets(t, { q, withoutFacets: true }).then((s) => s.hits.map((h) => h.datasetId));
    expect(await hit('停車場')).toContain(r!.datasetId);
    expect(await hit('停車場 -剩餘')).not.toContain(r!.datasetId);
    expect(await hit('title:停車場 format:json')).toContain(r!.datasetId);
    expect(await hit('停車場 format:csv')).not.toContain(r!.datasetId);
    expect(await hit('停車場 -format:json')).not.toContain(r!.datasetId);
    expect(await hit('description:停車場')).not.toContain(r!.datasetId);
    expect(await hit('keyword:停車場 "剩餘車位"')).toContain(r!.datasetId);
  });

  it('suggests a spelling when an English word finds nothing', async () => {
    const result = await searchDatasets(t, { q: 'parkng' });
    expect(result.total).toBe(0);
    expect(result.didYouMean).toBe('parking');
    expect((await searchDatasets(t, { q: 'parking' })).didYouMean).toBeUndefined();
  });

  it.each([
    '',
    'x'.repeat(10_000).slice(0, 10_000),
    '"unbalanced 雨量',
    '* ^ : ( ) NEAR AND OR NOT \' " ; --',
    '()',
    "'; drop table datasets; --",
    'NEAR(雨量 資料)',
    'title:',
    '-',
  ])('never throws on %j', async (q) => {
    const result = await searchDatasets(t, { q, limit: 10 });
    expect(result.total).toBeGreaterThanOrEqual(0);
  });
});
