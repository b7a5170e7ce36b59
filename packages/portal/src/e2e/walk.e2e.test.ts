import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { FACETS } from '../search/index.ts';
import { expectNoSeriousViolations } from './accessibility.ts';
import { apiSearch, rainfallWithCsv, type DatasetResponse } from './demo-catalogue-api.ts';
import { browserSuite, DESKTOP, PHONE, screenshotsUnavailable, useE2ePortal } from './e2e-portal.ts';
import { focusedElement, tabUntil } from './keyboard.ts';
import { saveScreenshot } from './screenshots.ts';

/**
 * A new user's walk through the portal's pages, in zh-TW and English: search 雨量 and
 * 台北 停車, filter by a facet, open a dataset, switch to English, download a resource,
 * and the same with the keyboard only; every page type in both languages (home, search
 * with and without results, dataset, agencies and an agency, themes and a theme,
 * categories and a category, licence, API, about, FAQ, site map, 404) passes axe-core, and
 * the main ones are photographed at desktop and phone widths.
 */

const noChineseFont = screenshotsUnavailable();

const RAINFALL = '雨量';
const TAIPEI_PARKING = '台北 停車';
const DATASET_PATH = /^\/(en\/)?dataset\/(\d+)$/;
/** The filters of GET /api/v1/search (the search's facets). */
const API_FILTERS: readonly string[] = FACETS;
/** The query parameters a facet of the search page can set. */
const FACET_PARAMS = [...API_FILTERS, 'organization', 'keyword'];

const q = (text: string) => encodeURIComponent(text);

/** The `.json` twin of the page's URL: `/datasets?q=x` → `/datasets.json?q=x`, `/` → `/index.json`. */
function jsonTwin(url: string): string {
  const { pathname, search } = new URL(url);
  const base =
    pathname === '/' || pathname === '/en/' || pathname === '/en'
      ? `${pathname.replace(/\/$/, '')}/index`
      : pathname;
  return `${base}.json${search}`;
}

/** The ids of the datasets the main content links to, in order. */
async function linkedDatasetIds(page: Page): Promise<number[]> {
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const ids = hrefs.map((h) => DATASET_PATH.exec(h)?.[2]).filter((id): id is string => id !== undefined);
  return [...new Set(ids.map(Number))];
}

browserSuite("a new user's walk in Chromium", () => {
  const portal = useE2ePortal();

  /** Types a query into the page's search box and submits it, as a user does. */
  async function search(page: Page, text: string): Promise<void> {
    const box = page.locator('input[name="q"]').first();
    await box.fill(text);
    await Promise.all([page.waitForURL(/\/datasets\?/), box.press('Enter')]);
    expect(new URL(page.url()).pathname).toMatch(/^(\/en)?\/datasets$/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(text);
  }

  it.each([RAINFALL, TAIPEI_PARKING])(
    'searches 「%s」 from the home page and lists what the search finds',
    async (text) => {
      const expected = await apiSearch(portal(), text);
      expect(expected.total, `the demo catalogue has datasets for 「${text}」`).toBeGreaterThan(0);
      await portal().withPage({}, async (page) => {
        await portal().open(page, '/');
        await search(page, text);
        const ids = await linkedDatasetIds(page);
        expect(ids.length).toBeGreaterThan(0);
        const found = expected.results.map((r) => r.datasetId);
        expect(found, 'every listed dataset is one the search finds').toEqual(expect.arrayContaining(ids));
        const byId = (a: number, b: number) => a - b;
        if (expected.total <= ids.length) expect([...ids].sort(byId)).toEqual([...found].sort(byId));
        // 台/臺 are one character to the search: the first result names both words.
        const first = (await page.locator(`main a[href="/dataset/${ids[0]}"]`).first().textContent()) ?? '';
        for (const word of text.split(' ')) expect(first.replaceAll('臺', '台')).toContain(word);
      });
    },
  );

  it('narrows a search by a facet', async () => {
    await portal().withPage({}, async (page) => {
      await portal().open(page, `/datasets?q=${q('停車')}`);
      const before = await portal().getJson<{ total: number }>(jsonTwin(page.url()));
      const facets = await page.locator('a[href]').evaluateAll(
        (links, params) =>
          links
            .map((a, index) => ({ index, url: new URL(a.getAttribute('href') ?? '', location.href) }))
            .filter(
              ({ url }) =>
                url.pathname === location.pathname &&
                params.some((p) => url.searchParams.has(p) && !new URL(location.href).searchParams.has(p)),
            )
            .map(({ index, url }) => ({ index, href: url.pathname + url.search })),
        FACET_PARAMS,
      );
      expect(facets.length, 'the search page offers facet links').toBeGreaterThan(0);
      const facet = facets[0]!;
      const unfilteredUrl = page.url();
      await Promise.all([
        page.waitForURL((url) => url.href !== unfilteredUrl),
        page.locator('a[href]').nth(facet.index).click(),
      ]);
      const after = new URL(page.url());
      expect(after.searchParams.get('q')).toBe('停車');
      const param = FACET_PARAMS.find((p) => after.searchParams.has(p));
      expect(param, `a facet parameter in ${after.search}`).toBeDefined();
      const narrowed = await portal().getJson<{ total: number }>(jsonTwin(page.url()));
      expect(narrowed.total).toBeGreaterThan(0);
      expect(narrowed.total).toBeLessThanOrEqual(before.total);
      // Where the REST search has the same filter, the page finds the same number of datasets.
      if (param && API_FILTERS.includes(param)) {
        const value = encodeURIComponent(after.searchParams.get(param) ?? '');
        expect(narrowed.total).toBe((await apiSearch(portal(), '停車', `&${param}=${value}`)).total);
      }
      const unfiltered = (await apiSearch(portal(), '停車')).results.map((r) => r.datasetId);
      expect(unfiltered).toEqual(expect.arrayContaining(await linkedDatasetIds(page)));
    });
  });

  it('opens a dataset from the results, switches to English and back', async () => {
    await portal().withPage({}, async (page) => {
      await portal().open(page, '/');
      await search(page, RAINFALL);
      const link = page.locator('main a[href^="/dataset/"]').first();
      const id = Number(DATASET_PATH.exec((await link.getAttribute('href')) ?? '')?.[2]);
      await Promise.all([page.waitForURL((url) => DATASET_PATH.test(url.pathname)), link.click()]);
      expect(new URL(page.url()).pathname).toBe(`/dataset/${id}`);
      const dataset = await portal().getJson<DatasetResponse>(`/api/v1/datasets/${id}`);
      await expect(page.locator('h1').first().textContent()).resolves.toContain(dataset.title);

      const english = page.locator('a[hreflang^="en"]').first();
      await Promise.all([page.waitForURL(/\/en\//), english.click()]);
      expect(new URL(page.url()).pathname).toBe(`/en/dataset/${id}`);
      expect(await page.locator('html').getAttribute('lang')).toMatch(/^en/);
      await expect(page.locator('nav a[href="/en/datasets"]').first().textContent()).resolves.toMatch(
        /Datasets/i,
      );

      const chinese = page.locator('a[hreflang^="zh"]').first();
      await Promise.all([page.waitForURL((url) => DATASET_PATH.test(url.pathname)), chinese.click()]);
      expect(new URL(page.url()).pathname).toBe(`/dataset/${id}`);
      expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh/);
    });
  });

  it('redirects the old /datasets/{id} address to /dataset/{id}', async () => {
    const { datasetId } = (await apiSearch(portal(), RAINFALL)).results[0]!;
    const response = await fetch(`${portal().origin}/datasets/${datasetId}`, { redirect: 'manual' });
    expect([301, 308]).toContain(response.status);
    expect(new URL(response.headers.get('location') ?? '', portal().origin).pathname).toBe(
      `/dataset/${datasetId}`,
    );
  });

  it('downloads a CSV resource from a dataset page', async () => {
    const dataset = await rainfallWithCsv(portal());
    await portal().withPage({}, async (page) => {
      await portal().open(page, '/');
      await search(page, RAINFALL);
      await Promise.all([
        page.waitForURL((url) => DATASET_PATH.test(url.pathname)),
        page.locator(`main a[href="/dataset/${dataset.datasetId}"]`).first().click(),
      ]);
      // The page links the portal's counted download route, which redirects to the file.
      const link = page.locator(
        `main a[href="/dataset/${dataset.datasetId}/resource/${dataset.csvResourceID}/download"]`,
      );
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.url()).toBe(dataset.csvURL);
      expect(await download.failure()).toBeNull();
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
      const header = text.split(/\r?\n/)[0] ?? '';
      for (const field of dataset.fields) expect(header).toContain(field.title ?? field.name);
      expect(text.split(/\r?\n/).filter((line) => line !== '').length).toBeGreaterThan(1);
    });
    expect(portal().blocked).toEqual([]);
  });

  it('searches, opens a dataset and switches to English with the keyboard only', async () => {
    await portal().withPage({}, async (page) => {
      await portal().open(page, '/');
      await tabUntil(page, (el) => el.tag === 'input' && el.name === 'q', 'the search box');
      await page.keyboard.type(RAINFALL);
      await Promise.all([page.waitForURL(/\/datasets\?/), page.keyboard.press('Enter')]);
      const result = await tabUntil(
        page,
        (el) => el.inMain && DATASET_PATH.test(el.href ?? ''),
        'a search result',
      );
      await Promise.all([
        page.waitForURL((url) => DATASET_PATH.test(url.pathname)),
        page.keyboard.press('Enter'),
      ]);
      expect(new URL(page.url()).pathname).toBe(result.href);
      await tabUntil(
        page,
        (el) => el.tag === 'a' && (el.hreflang ?? '').startsWith('en'),
        'the English switch',
      );
      await Promise.all([page.waitForURL(/\/en\//), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toBe(`/en${result.href}`);
      await page.keyboard.press('Tab');
      expect((await focusedElement(page))?.href, 'the first Tab on the English page').toBe('#main');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    });
  });

  /** The main page types, photographed in both languages. */
  async function pageTypes(): Promise<{ name: string; path: string }[]> {
    const { datasetId } = (await apiSearch(portal(), RAINFALL)).results[0]!;
    return [
      { name: 'home', path: '/' },
      { name: 'search', path: `/datasets?q=${q(RAINFALL)}` },
      { name: 'dataset', path: `/dataset/${datasetId}` },
      { name: 'organizations', path: '/organizations' },
      { name: 'themes', path: '/themes' },
    ];
  }

  /** The path of the first link in a list page's main content whose path matches `pattern`. */
  async function firstLinkOn(listPath: string, pattern: RegExp): Promise<string> {
    return portal().withPage({}, async (page) => {
      await portal().open(page, listPath);
      const hrefs = await page
        .locator('main a[href]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      const found = hrefs.find((h) => pattern.test(h));
      if (!found) throw new Error(`${listPath} links no page matching ${pattern}`);
      return found;
    });
  }

  /** Every page type of the contract (docs/ui.md), each with the status it answers. */
  async function everyPageType(): Promise<{ name: string; path: string; status: number }[]> {
    const organization = await firstLinkOn('/organizations', /^\/organizations\/[^/?#]+$/);
    const theme = await firstLinkOn('/themes', /^\/themes\/[^/?#]+$/);
    const category = await firstLinkOn('/categories', /^\/categories\/[^/?#]+$/);
    const pages = [
      ...(await pageTypes()),
      { name: 'no-results', path: `/datasets?q=${q('查無此資料集')}` },
      { name: 'organization', path: organization },
      { name: 'theme', path: theme },
      { name: 'categories', path: '/categories' },
      { name: 'category', path: category },
      { name: 'licence', path: '/licence' },
      { name: 'api', path: '/api' },
      { name: 'about', path: '/about' },
      { name: 'faq', path: '/faq' },
      { name: 'sitemap', path: '/sitemap' },
    ];
    return [
      ...pages.map((p) => ({ ...p, status: 200 })),
      { name: 'not-found', path: '/no-such-page', status: 404 },
    ];
  }

  it.each(['zh-TW', 'en'] as const)(
    'every page type in %s: no serious or critical axe violations',
    async (lang) => {
      const types = await everyPageType();
      expect(types.map((t) => t.name)).toEqual([
        ...['home', 'search', 'dataset', 'organizations', 'themes', 'no-results', 'organization'],
        ...['theme', 'categories', 'category', 'licence', 'api', 'about', 'faq', 'sitemap', 'not-found'],
      ]);
      const failures: string[] = [];
      await portal().withPage({ locale: lang }, async (page, problems) => {
        for (const type of types) {
          const path = lang === 'en' ? `/en${type.path}` : type.path;
          await portal().open(page, path, type.status);
          expect(await page.locator('html').getAttribute('lang'), path).toMatch(
            lang === 'en' ? /^en/ : /^zh/,
          );
          await expect(page.locator('h1').first().textContent()).resolves.not.toBe('');
          // Every page is checked before the test fails, so one run lists all the findings.
          await expectNoSeriousViolations(page, `${type.name} page (${lang})`).catch((e: Error) =>
            failures.push(e.message),
          );
        }
        // The browser logs the 404 of the not-found page itself; anything else is a fault of a page.
        const consoleErrors = problems.consoleErrors.filter(
          (e) =>
            !/\/no-such-page: Failed to load resource: the server responded with a status of 404/.test(e),
        );
        expect({ ...problems, consoleErrors }).toEqual({ consoleErrors: [], pageErrors: [] });
      });
      expect(failures.join('\n')).toBe('');
      expect(portal().blocked).toEqual([]);
    },
    // Sixteen pages, each loaded and analysed: longer than one page's test.
    120_000,
  );

  it.skipIf(noChineseFont).each([
    { lang: 'zh-TW', viewport: DESKTOP },
    { lang: 'zh-TW', viewport: PHONE },
    { lang: 'en', viewport: DESKTOP },
    { lang: 'en', viewport: PHONE },
  ] as const)(
    `photographs every page type in $lang at $viewport.width px, without sideways scrolling${noChineseFont ? ` (skipped: ${noChineseFont})` : ''}`,
    async ({ lang, viewport }) => {
      await portal().withPage({ viewport, locale: lang }, async (page) => {
        for (const type of await pageTypes()) {
          await portal().open(page, lang === 'en' ? `/en${type.path}` : type.path);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${type.path} fits ${viewport.width} px`).toBeLessThanOrEqual(0);
          await saveScreenshot(page, { page: type.name, lang });
        }
      });
    },
  );
});
