import { expect, it } from 'vitest';
import {
  checkResource,
  createHostLimiter,
  type QualityDeps,
} from '../features/quality/check-resource.service.ts';
import { resourceRowIds } from '../features/quality/quality.repo.ts';
import { testSettings } from '../http/test-app.ts';
import { expectNoSeriousViolations } from './accessibility.ts';
import type { SearchResponse } from './demo-catalogue-api.ts';
import { browserSuite, useE2ePortal } from './e2e-portal.ts';

/**
 * The map page (地圖) in Chromium, on the demo catalogue: the Taitung shelters' TWD97
 * coordinates, converted by the platform, are drawn as markers over Taitung county on
 * the offline outline, a marker's popup lists its row's fields, the page passes axe-core,
 * works from the keyboard and without JavaScript, and nothing is fetched from elsewhere.
 */

const SHELTERS_TITLE = '臺東縣避難收容處所';
/** The Ministry of the Interior's code of 臺東縣, the outline path's class suffix. */
const TAITUNG_CODE = '10014';
const LOCATED_SHELTERS = 78;

browserSuite('map page in Chromium', () => {
  const portal = useE2ePortal();
  let mapPath: string;

  /** The shelters' map page, after the quality checker fetched the file as it does in production. */
  async function sheltersMap(): Promise<string> {
    if (mapPath) return mapPath;
    const found = await portal().getJson<SearchResponse>(
      `/api/v1/search?q=${encodeURIComponent(SHELTERS_TITLE)}`,
    );
    const dataset = found.results.find((r) => r.title === SHELTERS_TITLE);
    expect(dataset, 'the demo catalogue has the Taitung shelters').toBeDefined();
    const rowIds = await resourceRowIds(portal().database.db, dataset!.datasetId);
    const [resourceId, rowId] = [...rowIds][0]!;
    const settings = testSettings();
    const deps: QualityDeps = {
      catalogue: portal().database,
      settings,
      limiter: createHostLimiter(settings),
    };
    await checkResource(deps, rowId!, 'manual');
    mapPath = `/dataset/${dataset!.datasetId}/resource/${resourceId}/map`;
    return mapPath;
  }

  it('is linked from the dataset page', async () => {
    const path = await sheltersMap();
    await portal().withPage({}, async (page) => {
      await portal().open(page, path.replace(/\/resource\/.*$/, ''));
      await page.locator(`a[href="${path}"]`).click();
      await page.waitForURL(`**${path}`);
      expect(await page.locator('h1').textContent()).toContain('地圖');
    });
    expect(portal().blocked).toEqual([]);
  });

  it('draws the shelters as markers over Taitung county, with popups of their fields', async () => {
    const path = await sheltersMap();
    await portal().withPage({}, async (page, problems) => {
      await portal().open(page, path);
      await page.locator('#map-live[data-ready="true"]').waitFor();
      expect(await page.locator('#map-static').isHidden()).toBe(true);
      const markers = page.locator('#map-live .leaflet-marker-icon.map-marker');
      expect(await markers.count()).toBe(LOCATED_SHELTERS);
      expect(await page.locator('#map-live path.map-county').count()).toBe(22);
      expect(await page.locator('#map-live img.leaflet-tile').count(), 'no tiles without a tile URL').toBe(0);

      // Every marker lies over Taitung's drawn polygon, as the browser hit-tests it.
      const placement = await page.evaluate((code) => {
        const taitung = document.querySelector(`#map-live path.map-county-${code}`) as SVGPathElement | null;
        if (!taitung) return { found: false, inside: 0, outside: [] as string[] };
        const markers = Array.from(document.querySelectorAll<HTMLElement>('#map-live .map-marker'));
        const centres = markers.map((marker) => {
          const box = marker.getBoundingClientRect();
          return {
            title: marker.getAttribute('title') ?? '?',
            x: box.x + box.width / 2,
            y: box.y + box.height / 2,
          };
        });
        // Only the outline takes part in the hit test (Leaflet draws it non-interactive).
        markers.forEach((marker) => (marker.style.pointerEvents = 'none'));
        taitung.style.pointerEvents = 'visiblePainted';
        const outside: string[] = [];
        let inside = 0;
        for (const { title, x, y } of centres) {
          // The centre, or within 3 px of it (a coastal shelter may sit a pixel from the drawn coast).
          const near = [
            [0, 0],
            [3, 0],
            [-3, 0],
            [0, 3],
            [0, -3],
          ].some(([dx, dy]) => document.elementsFromPoint(x + dx!, y + dy!).includes(taitung));
          if (near) inside++;
          else outside.push(`${title} at ${Math.round(x)},${Math.round(y)}`);
        }
        taitung.style.pointerEvents = '';
        markers.forEach((marker) => (marker.style.pointerEvents = ''));
        return { found: true, inside, outside };
      }, TAITUNG_CODE);
      expect(placement).toEqual({ found: true, inside: LOCATED_SHELTERS, outside: [] });

      // A marker, reached from the keyboard, opens a popup listing its row's fields.
      const first = markers.first();
      expect(await first.getAttribute('title')).toBe('臺東市公所');
      expect(await first.getAttribute('role')).toBe('button');
      await first.focus();
      await page.keyboard.press('Enter');
      const popup = page.locator('.leaflet-popup-content .map-popup');
      await popup.waitFor();
      expect(await popup.locator('.map-popup-title').textContent()).toBe('臺東市公所');
      const fields = await popup
        .locator('tr')
        .evaluateAll((rows) =>
          rows.map((row) => [row.querySelector('th')?.textContent, row.querySelector('td')?.textContent]),
        );
      expect(fields).toEqual(
        expect.arrayContaining([
          ['收容所名稱', '臺東市公所'],
          ['地址', '臺東縣臺東市文化里14鄰博愛路365號'],
          ['收容所鄉鎮市區', '臺東市'],
        ]),
      );

      await expectNoSeriousViolations(page, 'map page with a popup open');
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    });
    expect(portal().blocked).toEqual([]);
  });

  it('moves and zooms with the keyboard', async () => {
    const path = await sheltersMap();
    await portal().withPage({}, async (page) => {
      await portal().open(page, path);
      await page.locator('#map-live[data-ready="true"]').waitFor();
      const transform = () =>
        page.locator('#map-live .leaflet-map-pane').evaluate((pane) => (pane as HTMLElement).style.transform);
      await page.locator('#map-live').focus();
      const before = await transform();
      await page.keyboard.press('ArrowRight');
      await expect.poll(transform).not.toBe(before);
      const width = await page
        .locator('#map-live .leaflet-overlay-pane svg')
        .first()
        .evaluate((svg) => svg.getBoundingClientRect().width);
      await page.keyboard.press('+');
      await expect
        .poll(() =>
          page
            .locator('#map-live .leaflet-overlay-pane svg')
            .first()
            .evaluate((svg) => svg.getBoundingClientRect().width),
        )
        .not.toBe(width);
    });
  });

  it('shows the SVG map and the table of locations without JavaScript', async () => {
    const path = await sheltersMap();
    const context = await portal().newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await portal().open(page, path);
      expect(await page.locator('#map-live').isHidden()).toBe(true);
      const svg = page.locator('#map-static svg[role="img"]');
      expect(await svg.isVisible()).toBe(true);
      expect(await svg.locator('circle.map-point').count()).toBe(LOCATED_SHELTERS);
      expect(await page.locator('table.map-locations caption').textContent()).toBe(
        `位置表（共 ${LOCATED_SHELTERS} 筆）`,
      );
      expect(await page.locator('table.map-locations tbody tr').count()).toBe(LOCATED_SHELTERS);
    } finally {
      await context.close();
    }
    // The same static map and table, checked by axe-core (which needs JavaScript): the map script withheld.
    await portal().withPage({}, async (page) => {
      await page.route('**/assets/resource-map-*.js', (route) => route.fulfill({ status: 404, body: '' }));
      await portal().open(page, path);
      expect(await page.locator('#map-static').isVisible()).toBe(true);
      expect(await page.locator('#map-live').isHidden()).toBe(true);
      await expectNoSeriousViolations(page, 'map page with its static map');
    });
    expect(portal().blocked).toEqual([]);
  });
});
