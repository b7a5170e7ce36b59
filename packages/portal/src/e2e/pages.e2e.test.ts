import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { checkAccessibility, expectNoSeriousViolations } from './accessibility.ts';
import type { SearchResponse } from './demo-catalogue-api.ts';
import { browserSuite, DESKTOP, PHONE, screenshotsUnavailable, useE2ePortal } from './e2e-portal.ts';
import { focusedElement, tabUntil } from './keyboard.ts';
import { saveScreenshot } from './screenshots.ts';

/**
 * The public pages in a real browser, in zh-TW: each page type passes axe-core with no
 * serious or critical violation, is photographed at desktop and phone widths, and
 * works from the keyboard alone. (The full new-user walk is in walk.e2e.test.ts.)
 */

const noChineseFont = screenshotsUnavailable();

/** The PNG's pixel width, from its IHDR chunk. */
async function pngWidth(file: string): Promise<number> {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return bytes.readUInt32BE(16);
}

browserSuite('public pages in Chromium', () => {
  const portal = useE2ePortal();
  /** The first dataset a search for 雨量 finds, for the dataset page tests. */
  let rainfall: { datasetId: number; title: string };

  async function rainfallDataset() {
    if (!rainfall) {
      const found = await portal().getJson<SearchResponse>(`/api/v1/search?q=${encodeURIComponent('雨量')}`);
      expect(found.total).toBeGreaterThan(0);
      rainfall = found.results[0]!;
    }
    return rainfall;
  }

  // The page types as they are served today; /datasets/{id} is kept as a redirect to /dataset/{id}.
  const pageTypes: { name: string; path: () => Promise<string>; status: number }[] = [
    { name: 'home', path: async () => '/', status: 200 },
    { name: 'search', path: async () => `/datasets?q=${encodeURIComponent('雨量')}`, status: 200 },
    {
      name: 'no-results',
      path: async () => `/datasets?q=${encodeURIComponent('查無此資料集')}`,
      status: 200,
    },
    { name: 'dataset', path: async () => `/datasets/${(await rainfallDataset()).datasetId}`, status: 200 },
    { name: 'not-found', path: async () => '/datasets/999999999', status: 404 },
  ];

  it('keeps the browser on the portal: other origins are aborted and recorded', async () => {
    await portal().withPage({}, async (page) => {
      await expect(page.goto('http://example.com/')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    });
    expect(portal().blocked).toEqual(['http://example.com/']);
    portal().blocked.length = 0;
  });

  it('fails a page with serious accessibility violations, naming rule, impact, element and help', async () => {
    await portal().withPage({}, async (page) => {
      await page.setContent('<!DOCTYPE html><html><body><form><input type="text"></form></body></html>');
      const report = await checkAccessibility(page);
      expect(report.failing.map((v) => v.id)).toEqual(expect.arrayContaining(['html-has-lang', 'label']));
      const failure = await expectNoSeriousViolations(page, 'a bad page').catch((e: Error) => e.message);
      expect(failure).toMatch(
        /^a bad page \(about:blank\): \d+ serious or critical accessibility violations/,
      );
      expect(failure).toContain('- label [critical]: Form elements must have labels');
      expect(failure).toContain('    at input');
      expect(failure).toMatch(/https:\/\/dequeuniversity\.com\/rules\/axe\/[\d.]+\/label/);
    });
  });

  it.each(pageTypes)('$name page: served, titled, no serious or critical axe violations', async (type) => {
    const path = await type.path();
    await portal().withPage({}, async (page, problems) => {
      await portal().open(page, path, type.status);
      expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh/);
      expect(await page.title()).not.toBe('');
      await expect(page.locator('h1').first().textContent()).resolves.not.toBe('');
      await expectNoSeriousViolations(page, `${type.name} page`);
      // The browser logs the error status of the page itself; anything else is a fault of the page.
      const ownStatus = `${page.url()}: Failed to load resource: the server responded with a status of ${type.status}`;
      const consoleErrors = problems.consoleErrors.filter(
        (e) => type.status === 200 || !e.startsWith(ownStatus),
      );
      expect({ ...problems, consoleErrors }).toEqual({ consoleErrors: [], pageErrors: [] });
    });
    expect(portal().blocked).toEqual([]);
  });

  it.skipIf(noChineseFont).each([DESKTOP, PHONE])(
    `photographs the main pages in zh-TW at $width px${noChineseFont ? ` (skipped: ${noChineseFont})` : ''}`,
    async (viewport) => {
      const dataset = await rainfallDataset();
      const shots = [
        { page: 'home', path: '/' },
        { page: 'search', path: `/datasets?q=${encodeURIComponent('雨量')}` },
        { page: 'dataset', path: `/datasets/${dataset.datasetId}` },
      ];
      await portal().withPage({ viewport }, async (page) => {
        for (const shot of shots) {
          await portal().open(page, shot.path);
          const file = await saveScreenshot(page, { page: shot.page, lang: 'zh-TW' });
          expect(file).toMatch(new RegExp(`${shot.page}\\.zh-TW\\.${viewport.width}\\.png$`));
          expect(await pngWidth(file)).toBe(viewport.width);
        }
      });
    },
  );

  it.each(pageTypes.filter((t) => t.status === 200))(
    '$name page: the first Tab reaches the skip link, which moves focus to main',
    async (type) => {
      const path = await type.path();
      await portal().withPage({}, async (page) => {
        await portal().open(page, path);
        await page.keyboard.press('Tab');
        const first = await focusedElement(page);
        expect(first?.tag).toBe('a');
        expect(first?.href).toBe('#main');
        expect(first?.onScreen, 'the skip link shows when focused').toBe(true);
        expect(first?.focusVisible, 'the skip link shows its focus').toBe(true);
        await page.keyboard.press('Enter');
        const target = await page.evaluate(() => {
          const el = document.activeElement;
          return { tag: el?.tagName.toLowerCase(), role: el?.getAttribute('role') ?? null, id: el?.id };
        });
        expect(target.tag === 'main' || target.role === 'main', JSON.stringify(target)).toBe(true);
        expect(target.id).toBe('main');
        const next = await tabUntil(page, () => true, 'any element after main');
        expect(next.inMain, `the next Tab stays in main: ${JSON.stringify(next)}`).toBe(true);
      });
    },
  );

  it('searches for 雨量 and opens a dataset with the keyboard only', async () => {
    await portal().withPage({}, async (page) => {
      await portal().open(page, '/');
      await tabUntil(page, (el) => el.tag === 'input' && el.name === 'q', 'the search box');
      await page.keyboard.type('雨量');
      await Promise.all([page.waitForURL(/\/datasets\?/), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).searchParams.get('q')).toBe('雨量');
      const link = await tabUntil(
        page,
        (el) => el.inMain && /^\/datasets?\/\d+$/.test(el.href ?? ''),
        'a dataset in the results',
      );
      expect(link.text).toContain('雨量');
      await Promise.all([page.waitForURL(/\/datasets?\/\d+$/), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toMatch(/^\/datasets?\/\d+$/);
      await expect(page.locator('h1').first().textContent()).resolves.toBe(link.text);
    });
  });
});
