import { describe, expect, it } from 'vitest';
import { aggregateUsage } from '../stats/aggregate-usage.service.ts';
import { usageEvents } from '../../test/factories.ts';
import { DB_NAME, has, usePageFixture } from './page-fixtures.ts';

/**
 * The counts on the pages (docs/counting.md): the home page's site totals and popular
 * lists, a dataset's views and downloads in its metadata, and the search page's sorts by use.
 * Events are written as the recorder writes them and rolled up by the daily aggregation.
 */

const { f, get } = usePageFixture();

/** The HTML of the section labelled by the heading with this id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section aria-labelledby="${id}">`);
  expect(start, `section ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The dataset ids a section links to, in order. */
function linkedIds(html: string): number[] {
  return [...html.matchAll(/href="(?:\/en)?\/dataset\/(\d+)"/g)].map((m) => Number(m[1]));
}

// A statistics day (Asia/Taipei) and one ten days before it, outside the 7-day window.
const DAY = '2026-03-10';
const AT = '2026-03-10T04:00:00.000Z';
const TEN_DAYS_BEFORE = '2026-02-28T04:00:00.000Z';
// The day after DAY: DAY is over and can be aggregated.
const NEXT_MORNING = new Date('2026-03-11T04:00:00.000Z');

describe(`usage counts on the pages on ${DB_NAME}`, () => {
  it('says plainly that nothing was counted before the first aggregation', async () => {
    const html = (await get('/')).body;
    has(html, '<li><strong>0</strong>資料集瀏覽次數</li>');
    has(html, '<li><strong>0</strong>資料下載次數</li>');
    has(html, '瀏覽與下載次數每日統計一次，目前尚未統計。');
    has(section(html, 'popular'), '<h2 id="popular">熱門資料集</h2><p>尚無下載統計</p>');
    has(section(html, 'popular-7d'), '<h2 id="popular-7d">近 7 日熱門</h2><p>尚無下載統計</p>');
    const en = (await get('/en')).body;
    has(section(en, 'popular'), '<h2 id="popular">Popular datasets</h2><p>No downloads counted yet</p>');
    has(
      section(en, 'popular-7d'),
      '<h2 id="popular-7d">Popular in the last 7 days</h2><p>No downloads counted yet</p>',
    );
    const json = (await get('/index.json')).json();
    expect(json.usage).toEqual({ views: 0, downloads: 0, apiCalls: 0, firstDay: null, lastDay: null });
    expect(json.popular).toEqual([]);
    expect(json.popular7d).toEqual([]);
  });

  it('shows the aggregated totals, both popular lists and each dataset’s counts', async () => {
    const { t } = f();
    await t.db
      .insertInto('usageEvents')
      .values([
        ...usageEvents(5, 'view', f().firstId, AT),
        ...usageEvents(3, 'download', f().firstId, AT),
        ...usageEvents(2, 'view', f().taipeiId, TEN_DAYS_BEFORE),
        ...usageEvents(4, 'download', f().taipeiId, TEN_DAYS_BEFORE),
        ...usageEvents(6, 'view', f().englishId, AT),
      ])
      .execute();
    const outcome = await aggregateUsage(t, { now: NEXT_MORNING });
    expect(outcome.days.at(-1)).toBe(DAY);

    const html = (await get('/')).body;
    has(html, '<li><strong>13</strong>資料集瀏覽次數</li>');
    has(html, '<li><strong>7</strong>資料下載次數</li>');
    has(html, `瀏覽與下載次數每日統計一次，統計至 ${DAY}。`);
    // All time: Taipei's 4 downloads before the rain dataset's 3; the English one has views only.
    const popular = section(html, 'popular');
    expect(linkedIds(popular)).toEqual([f().taipeiId, f().firstId]);
    has(popular, '<span class="popular-counts">下載 4 次・瀏覽 2 次</span>');
    has(popular, '<span class="popular-counts">下載 3 次・瀏覽 5 次</span>');
    has(popular, '<a href="/datasets?sort=downloads">依下載次數排序的資料集</a>');
    // The last 7 days: Taipei's downloads are ten days old.
    const week = section(html, 'popular-7d');
    expect(linkedIds(week)).toEqual([f().firstId]);
    has(week, '<a href="/datasets?sort=downloads7d">依近 7 日下載次數排序的資料集</a>');

    const en = (await get('/en/')).body;
    expect(linkedIds(section(en, 'popular'))).toEqual([f().taipeiId, f().firstId]);
    has(section(en, 'popular'), '<span class="popular-counts">4 downloads, 2 views</span>');
    has(section(en, 'popular'), '<span lang="zh-Hant-TW">臺北市公共自行車站點</span>');
    has(en, `Views and downloads are counted once a day, up to ${DAY}.`);

    const json = (await get('/en/index.json')).json();
    expect(json.usage).toMatchObject({ views: 13, downloads: 7, firstDay: '2026-02-28', lastDay: DAY });
    expect(json.popular).toEqual([
      expect.objectContaining({ datasetId: f().taipeiId, downloads: 4, views: 2 }),
      expect.objectContaining({ datasetId: f().firstId, downloads: 3, views: 5 }),
    ]);
    expect(json.popular7d).toEqual([expect.objectContaining({ datasetId: f().firstId, downloads: 3 })]);

    const dataset = (await get(`/dataset/${f().firstId}`)).body;
    has(dataset, '<th scope="row">瀏覽次數</th><td>5 次（近 7 日 5 次）</td>');
    has(dataset, '<th scope="row">下載次數</th><td>3 次（近 7 日 3 次）</td>');
    const taipei = (await get(`/en/dataset/${f().taipeiId}`)).body;
    has(taipei, '<th scope="row">Page views</th><td>2 (0 in the last 7 days)</td>');
    has(taipei, '<th scope="row">Downloads</th><td>4 (0 in the last 7 days)</td>');
  });

  it('offers the sorts by use and by agency on the search page, in both languages', async () => {
    const html = (await get('/datasets?sort=downloads')).body;
    for (const [value, label] of [
      ['views', '瀏覽次數'],
      ['downloads', '下載次數'],
      ['downloads7d', '近 7 日下載次數'],
      ['agency', '提供機關'],
    ]) {
      const selected = value === 'downloads' ? ' selected' : '';
      has(html, `<option value="${value}"${selected}>${label}</option>`);
    }
    const en = (await get('/en/datasets?sort=downloads7d')).body;
    has(en, '<option value="views">Most viewed</option>');
    has(en, '<option value="downloads">Most downloaded</option>');
    has(en, '<option value="downloads7d" selected>Most downloaded, last 7 days</option>');
    has(en, '<option value="agency">Agency</option>');
  });
});
