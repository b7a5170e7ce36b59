import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALENDAR_CSV, ESTATE, usePreviewFixture } from '../features/preview/preview-fixture.ts';
import { expectNoSeriousViolations } from './accessibility.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { browserSuite, DESKTOP } from './e2e-portal.ts';

/**
 * The preview and the charts in Chromium, over the demo's real files (fetched by the
 * quality checker, made into tables): paging and sorting the preview table, the chart
 * builder changing the chart, the SVG and PNG downloads, the embed page inside an
 * `<iframe>` on a plain page of another origin, and axe-core on the preview and chart pages.
 */

const q = encodeURIComponent;

browserSuite('preview and charts in Chromium', () => {
  const fixture = usePreviewFixture();
  let origin = '';
  let browser: Browser | undefined;
  let plainSite: Server | undefined;
  let plainOrigin = '';

  beforeAll(async () => {
    const { app } = fixture();
    await app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    // A plain HTML page on another origin (another port) that embeds a chart.
    plainSite = createServer((req, res) => {
      const src = `${origin}/embed/dataset/${fixture().estateId}/resource/${ESTATE}/chart?type=bar&x=${q('鄉鎮市區')}&y=${q('總價元')}&agg=avg`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Embed test</title></head>` +
          `<body><h1>A page elsewhere</h1><iframe src="${src.replaceAll('&', '&amp;')}" title="chart" width="800" height="610"></iframe></body></html>`,
      );
    });
    await new Promise<void>((resolve) => plainSite!.listen(0, '127.0.0.1', resolve));
    plainOrigin = `http://127.0.0.1:${(plainSite.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (plainSite ? plainSite.close(() => resolve()) : resolve()));
  });

  async function withPage<T>(walk: (page: Page, errors: string[]) => Promise<T>): Promise<T> {
    const context = await browser!.newContext({ viewport: DESKTOP, locale: 'zh-TW', acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    // Nothing leaves the machine: the portal and the plain page only.
    await context.route('**/*', (route) =>
      [origin, plainOrigin].includes(new URL(route.request().url()).origin)
        ? route.continue()
        : route.abort(),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      return await walk(page, errors);
    } finally {
      await context.close();
    }
  }

  const estate = () => `/dataset/${fixture().estateId}/resource/${ESTATE}`;

  it('pages and sorts the preview table with links, and passes axe-core', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${origin}${estate()}/preview?limit=10`);
      await expect(page.locator('#preview-caption').textContent()).resolves.toBe('第 1–10 列，共 366 列');
      await page.locator('nav.pager a[rel=next]').click();
      await page.waitForURL(/offset=10/);
      await expect(page.locator('#preview-caption').textContent()).resolves.toBe('第 11–20 列，共 366 列');
      await page.locator('th', { hasText: '總價元' }).first().locator('a').click();
      await page.waitForURL(/sort=/);
      await expect(page.locator('th[aria-sort=ascending]').textContent()).resolves.toContain('總價元');
      await page.locator('th[aria-sort=ascending] a').click();
      await page.waitForURL(/sort=-/);
      await expect(page.locator('th[aria-sort=descending]').count()).resolves.toBe(1);
      await page.selectOption('#filter-column', '鄉鎮市區');
      await page.fill('#filter-value', '中山區');
      await page.locator('.preview-filter button[type=submit]').click();
      await page.waitForURL(/filter=/);
      await expect(page.locator('#preview-caption').textContent()).resolves.toMatch(/共 56 列$/);
      await expectNoSeriousViolations(page, 'preview page');
      expect(errors).toEqual([]);
    });
  });

  it('changes the chart with the builder, exports SVG and PNG, and passes axe-core', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${origin}/dataset/${fixture().calendarId}/resource/${CALENDAR_CSV}/chart`);
      await page.locator('.chart-suggestions a').first().click();
      await page.waitForURL(/bucket=month/);
      await expect(page.locator('.chart-image svg text', { hasText: '2024-12' }).count()).resolves.toBe(1);

      await page.goto(`${origin}${estate()}/chart`);
      await page.check('#chart-type-bar');
      await page.selectOption('#chart-x', '鄉鎮市區');
      await page.selectOption('#chart-agg', 'avg');
      await page.selectOption('#chart-y', '總價元');
      await page.locator('.chart-builder button[type=submit]').click();
      await page.waitForURL(/agg=avg/);
      await expect(page.locator('#chart-title').textContent()).resolves.toBe('總價元的平均（依鄉鎮市區）');
      await expect(page.locator('.chart-image svg path[fill="#1f5fa8"]').count()).resolves.toBe(12);
      await expectNoSeriousViolations(page, 'chart page');

      const [svgDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByText('下載 SVG').click(),
      ]);
      const svg = await readFile((await svgDownload.path())!, 'utf8');
      expect(svg).toContain('<svg width="800" height="450"');
      expect(svg).toContain('>中山區</text>');

      const png = page.locator('button.chart-png');
      await expect(png.isVisible()).resolves.toBe(true);
      const [pngDownload] = await Promise.all([page.waitForEvent('download'), png.click()]);
      expect(pngDownload.suggestedFilename()).toBe(`${ESTATE}-chart.png`);
      const bytes = await readFile((await pngDownload.path())!);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(1600);
      expect(errors).toEqual([]);
    });
  });

  it('shows an embedded chart inside an iframe on a plain page of another origin', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${plainOrigin}/`);
      const frame = page.frameLocator('iframe');
      await expect(frame.locator('.chart-image svg').count()).resolves.toBe(1);
      await expect(frame.locator('.embed-title').textContent()).resolves.toBe('總價元的平均（依鄉鎮市區）');
      await expect(frame.locator('.chart-image svg text', { hasText: '中山區' }).count()).resolves.toBe(1);
      expect(errors).toEqual([]);
    });
  });
});
