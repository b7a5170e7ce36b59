import type { BrowserContext } from 'playwright-core';
import { expect, it } from 'vitest';
import { AGGREGATE_USAGE_JOB, aggregateUsageTask } from '../features/stats/aggregate-usage.task.ts';
import { rainfallWithCsv } from './demo-catalogue-api.ts';
import { browserSuite, readerUserAgent, useE2ePortal } from './e2e-portal.ts';

/**
 * Usage counting end to end (docs/counting.md): a reader opens a dataset page K times and
 * downloads one of its resources M times through the page's link; a crawler does the
 * same; the recorder writes the events, the daily job rolls up their day, and the
 * counts the API, the home page and the dataset page show are exactly K and M.
 */

/** Every counted request is stamped at noon of DAY in Taipei (04:00 UTC), a day the job can roll up the next morning. */
const DAY = '2026-03-10';
const DURING_DAY = new Date('2026-03-10T04:00:00.000Z');
const NEXT_MORNING = new Date('2026-03-11T01:00:00.000Z');

/** Page views and downloads by the reader. */
const VIEWS = 3;
const DOWNLOADS = 2;

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

interface PopularResponse {
  window: string;
  by: string;
  results: { datasetId: number; views: number; downloads: number }[];
}

interface TotalsResponse {
  views: number;
  downloads: number;
  lastDay: string | null;
}

browserSuite('usage counts after a browser session', () => {
  const portal = useE2ePortal({ usage: { now: () => DURING_DAY } });

  /** Opens the dataset page `views` times, then downloads the resource `downloads` times through its link. */
  async function session(
    context: BrowserContext,
    target: { datasetId: number; csvResourceID: string },
    views: number,
    downloads: number,
  ): Promise<void> {
    const page = await context.newPage();
    // Both languages are the same dataset page: each opening is a view.
    for (let i = 0; i < views; i++)
      await portal().open(page, `${i % 2 === 1 ? '/en' : ''}/dataset/${target.datasetId}`);
    const prefix = new URL(page.url()).pathname.startsWith('/en/') ? '/en' : '';
    const link = page.locator(
      `main a[href="${prefix}/dataset/${target.datasetId}/resource/${target.csvResourceID}/download"]`,
    );
    await expect(link.count()).resolves.toBe(1);
    for (let i = 0; i < downloads; i++) {
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(await download.failure()).toBeNull();
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
    }
    await page.close();
  }

  it('counts a reader’s views and downloads exactly, and a crawler’s not at all', async () => {
    const target = await rainfallWithCsv(portal());
    const reader = await portal().newContext({ userAgent: readerUserAgent(portal().browser) });
    const crawler = await portal().newContext({ userAgent: GOOGLEBOT });
    try {
      await session(reader, target, VIEWS, DOWNLOADS);
      await session(crawler, target, 2, 1);
    } finally {
      await crawler.close();
    }

    // The events reach the database when the recorder flushes; the job then rolls up their day.
    await portal().flushUsage();
    const events = await portal()
      .database.db.selectFrom('usageEvents')
      .select(['kind', 'occurredAt'])
      .where('kind', 'in', ['view', 'download'])
      .execute();
    expect(events).toHaveLength(VIEWS + DOWNLOADS);
    expect(events.map((e) => e.occurredAt)).toEqual(events.map(() => DURING_DAY.toISOString()));
    const log: string[] = [];
    const job = aggregateUsageTask(
      portal().database,
      (line) => log.push(line),
      () => NEXT_MORNING,
    );
    await job({
      id: 'usage-e2e',
      name: AGGREGATE_USAGE_JOB,
      data: { day: DAY },
      attempt: 1,
      signal: new AbortController().signal,
    });
    expect(log).toEqual([expect.stringContaining(`aggregated ${DAY}`)]);

    const totals = await portal()
      .database.db.selectFrom('datasetUsageTotals')
      .select(['viewsTotal', 'downloadsTotal'])
      .where('datasetId', '=', target.datasetId)
      .executeTakeFirstOrThrow();
    expect({ views: Number(totals.viewsTotal), downloads: Number(totals.downloadsTotal) }).toEqual({
      views: VIEWS,
      downloads: DOWNLOADS,
    });
    for (const window of ['all', '7d']) {
      const popular = await portal().getJson<PopularResponse>(`/api/v1/stats/popular?window=${window}`);
      expect(popular.results, `window ${window}`).toEqual([
        expect.objectContaining({ datasetId: target.datasetId, views: VIEWS, downloads: DOWNLOADS }),
      ]);
    }
    const site = await portal().getJson<TotalsResponse>('/api/v1/stats/totals');
    expect(site).toMatchObject({ views: VIEWS, downloads: DOWNLOADS, lastDay: DAY });

    // What a reader sees: the home page's totals and both popular lists, the dataset's counts.
    try {
      const page = await reader.newPage();
      await portal().open(page, '/');
      const stats = page.locator('main ul.stats li');
      await expect(stats.filter({ hasText: '資料集瀏覽次數' }).locator('strong').textContent()).resolves.toBe(
        String(VIEWS),
      );
      await expect(stats.filter({ hasText: '資料下載次數' }).locator('strong').textContent()).resolves.toBe(
        String(DOWNLOADS),
      );
      for (const list of ['popular', 'popular-7d']) {
        const items = page.locator(`section[aria-labelledby="${list}"] ol > li`);
        await expect(items.count(), list).resolves.toBe(1);
        await expect(items.locator('a').getAttribute('href')).resolves.toBe(`/dataset/${target.datasetId}`);
        await expect(items.locator('.popular-counts').textContent()).resolves.toBe(
          `下載 ${DOWNLOADS} 次・瀏覽 ${VIEWS} 次`,
        );
      }
      await Promise.all([
        page.waitForURL((url) => url.pathname === `/dataset/${target.datasetId}`),
        page.locator('section[aria-labelledby="popular"] ol > li a').click(),
      ]);
      const row = (label: string) => page.locator(`table.metadata tr:has(th:text-is("${label}")) td`);
      await expect(row('瀏覽次數').textContent()).resolves.toBe(`${VIEWS} 次（近 7 日 ${VIEWS} 次）`);
      await expect(row('下載次數').textContent()).resolves.toBe(`${DOWNLOADS} 次（近 7 日 ${DOWNLOADS} 次）`);
    } finally {
      await reader.close();
    }
    expect(portal().blocked).toEqual([]);
  });
});
