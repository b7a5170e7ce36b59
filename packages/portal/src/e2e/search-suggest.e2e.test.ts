import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { expectNoSeriousViolations } from './accessibility.ts';
import { apiSearch } from './demo-catalogue-api.ts';
import { browserSuite, useE2ePortal } from './e2e-portal.ts';

/**
 * Search as you type (assets/search-suggest.js) in Chromium: the home search box is a
 * WAI-ARIA combobox whose listbox shows what GET /api/v1/search/suggest suggests; the
 * keyboard and the mouse choose a suggestion, a title opens its dataset, a keyword
 * searches; axe-core finds nothing serious with the list open; and with JavaScript off
 * the box is the plain search form it always was.
 */

/** A prefix the demo catalogue suggests keywords, agencies and dataset titles for (台 is read as 臺). */
const TAIPEI = '台北';
const PARKING = '停車';

interface Suggestion {
  text: string;
  kind: 'title' | 'keyword' | 'agency';
  datasetId?: number;
}

const q = (text: string) => encodeURIComponent(text);

/** The combobox's state as assistive technology reads it. */
async function comboboxState(page: Page) {
  return page.locator('#q').evaluate((input) => {
    const listId = input.getAttribute('aria-controls') ?? '';
    const list = document.getElementById(listId);
    const activeId = input.getAttribute('aria-activedescendant');
    return {
      role: input.getAttribute('role'),
      expanded: input.getAttribute('aria-expanded'),
      autocomplete: input.getAttribute('aria-autocomplete'),
      listRole: list?.getAttribute('role') ?? null,
      listLabel: list?.getAttribute('aria-label') ?? null,
      listVisible: list !== null && !list.hidden && list.getBoundingClientRect().height > 0,
      options: Array.from(list?.querySelectorAll('[role=option]') ?? []).map((o) => ({
        id: o.id,
        text: o.querySelector('.suggestion-text')?.textContent ?? '',
        kind: o.querySelector('.suggestion-kind')?.textContent ?? '',
        selected: o.getAttribute('aria-selected'),
      })),
      active: activeId ? (document.getElementById(activeId)?.textContent ?? null) : null,
      activeIsOption: activeId ? list?.querySelector(`#${CSS.escape(activeId)}`) !== null : null,
      status: input.closest('form')?.querySelector('[role=status]')?.textContent ?? null,
    };
  });
}

browserSuite('search as you type in Chromium', () => {
  const portal = useE2ePortal();

  const suggest = (text: string) =>
    portal()
      .getJson<{ suggestions: Suggestion[] }>(`/api/v1/search/suggest?q=${q(text)}&limit=8`)
      .then((r) => r.suggestions);

  /** Types into the home page's box and waits for the listbox to show `expected`. */
  async function typeAndSee(page: Page, text: string, expected: Suggestion[]): Promise<void> {
    await page.locator('#q').click();
    await page.keyboard.type(text);
    await page.locator('[role=listbox] [role=option]').first().waitFor({ state: 'visible' });
    await expect
      .poll(async () => (await comboboxState(page)).options.map((o) => o.text))
      .toEqual(expected.map((s) => s.text));
  }

  it('types 台北, sees the suggestions, moves with the keyboard and opens a dataset', async () => {
    const expected = await suggest(TAIPEI);
    const titleAt = expected.findIndex((s) => s.kind === 'title' && s.datasetId !== undefined);
    expect(titleAt, `the demo catalogue suggests a dataset title for 「${TAIPEI}」`).toBeGreaterThan(0);
    const title = expected[titleAt]!;

    await portal().withPage({}, async (page, problems) => {
      await portal().open(page, '/');
      const closed = await comboboxState(page);
      expect(closed).toMatchObject({ role: 'combobox', expanded: 'false', autocomplete: 'list' });
      expect(closed).toMatchObject({ listRole: 'listbox', listLabel: '搜尋建議', listVisible: false });

      await typeAndSee(page, TAIPEI, expected);
      const open = await comboboxState(page);
      expect(open).toMatchObject({ expanded: 'true', listVisible: true, active: null });
      expect(open.options.map((o) => o.kind)).toEqual(
        expected.map((s) => ({ title: '資料集', keyword: '關鍵字', agency: '機關' })[s.kind]),
      );
      expect(open.status).toBe(`${expected.length} 項建議，可用上下鍵選擇`);
      // Focus stays in the box; the options are reached with aria-activedescendant.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');

      await page.keyboard.press('ArrowDown');
      let state = await comboboxState(page);
      expect(state.activeIsOption).toBe(true);
      expect(state.options.map((o) => o.selected)).toEqual(expected.map((_, i) => String(i === 0)));
      await expectNoSeriousViolations(page, 'home page with the suggestions open');

      // Up from the first wraps to the last, down from there back to the first.
      await page.keyboard.press('ArrowUp');
      expect((await comboboxState(page)).options.at(-1)?.selected).toBe('true');
      await page.keyboard.press('ArrowDown');
      expect((await comboboxState(page)).options[0]?.selected).toBe('true');
      for (let i = 0; i < titleAt; i++) await page.keyboard.press('ArrowDown');
      state = await comboboxState(page);
      expect(state.options[titleAt]).toMatchObject({ text: title.text, selected: 'true' });
      expect(await page.locator('#q').inputValue()).toBe(TAIPEI);

      await Promise.all([page.waitForURL(`**/dataset/${title.datasetId}`), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toBe(`/dataset/${title.datasetId}`);
      await expect(page.locator('h1').first().textContent()).resolves.toContain(title.text);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    });
    expect(portal().blocked).toEqual([]);
  });

  it('closes the list with Escape and searches what was typed with Enter', async () => {
    const expected = await suggest(TAIPEI);
    await portal().withPage({}, async (page) => {
      await portal().open(page, '/');
      await typeAndSee(page, TAIPEI, expected);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      expect(await comboboxState(page)).toMatchObject({
        expanded: 'false',
        listVisible: false,
        active: null,
      });
      expect(await page.locator('#q').inputValue()).toBe(TAIPEI);
      await Promise.all([page.waitForURL(/\/datasets\?/), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).searchParams.get('q')).toBe(TAIPEI);
    });
  });

  it('searches a keyword suggestion chosen with the mouse, on the search page too', async () => {
    const expected = await suggest(PARKING);
    const keyword = expected.find((s) => s.kind === 'keyword');
    expect(keyword, `the demo catalogue suggests a keyword for 「${PARKING}」`).toBeDefined();
    await portal().withPage({}, async (page, problems) => {
      await portal().open(page, `/datasets?q=${q('雨量')}`);
      await page.locator('#q').fill('');
      await typeAndSee(page, PARKING, expected);
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('q') === keyword!.text),
        page.locator('[role=option]', { hasText: keyword!.text }).first().click(),
      ]);
      expect(new URL(page.url()).pathname).toBe('/datasets');
      await expect(page.locator('h1').first().textContent()).resolves.toContain(keyword!.text);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    });
  });

  it('speaks English on /en/ and opens the English dataset page', async () => {
    const expected = await suggest(TAIPEI);
    const title = expected.find((s) => s.kind === 'title' && s.datasetId !== undefined)!;
    await portal().withPage({ locale: 'en' }, async (page, problems) => {
      await portal().open(page, '/en/');
      await typeAndSee(page, TAIPEI, expected);
      const state = await comboboxState(page);
      expect(state.listLabel).toBe('Suggestions');
      expect(state.status).toBe(`Suggestions: ${expected.length}. Use the up and down arrows to choose.`);
      expect(new Set(state.options.map((o) => o.kind))).toEqual(
        new Set(expected.map((s) => ({ title: 'Dataset', keyword: 'Keyword', agency: 'Agency' })[s.kind])),
      );
      await page.keyboard.press('ArrowDown');
      await expectNoSeriousViolations(page, 'English home page with the suggestions open');
      await Promise.all([
        page.waitForURL(`**/en/dataset/${title.datasetId}`),
        page.locator('[role=option]', { hasText: title.text }).first().click(),
      ]);
      expect(new URL(page.url()).pathname).toBe(`/en/dataset/${title.datasetId}`);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    });
  });

  it('with JavaScript off the box is a plain form that still searches', async () => {
    const found = await apiSearch(portal(), PARKING);
    expect(found.total).toBeGreaterThan(0);
    const context = await portal().newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await portal().open(page, '/');
      const input = page.locator('#q');
      expect(await input.getAttribute('role')).toBeNull();
      expect(await page.locator('[role=listbox]').count()).toBe(0);
      await input.fill(PARKING);
      await Promise.all([page.waitForURL(/\/datasets\?/), input.press('Enter')]);
      expect(new URL(page.url()).searchParams.get('q')).toBe(PARKING);
      const firstId = found.results[0]!.datasetId;
      await expect(page.locator(`main a[href="/dataset/${firstId}"]`).count()).resolves.toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('loads the script only where there is a search box, under the CSP, from this site', async () => {
    await portal().withPage({}, async (page) => {
      const scripts = async () =>
        page.locator('script[src]').evaluateAll((tags) => tags.map((t) => t.getAttribute('src')));
      const response = await page.goto(`${portal().origin}/`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(await scripts()).toEqual([expect.stringMatching(/^\/assets\/search-suggest-[0-9a-f]{12}\.js$/)]);
      expect(await page.locator('script[src]').getAttribute('defer')).not.toBeNull();
      await portal().open(page, '/organizations');
      expect(await scripts()).toEqual([]);
    });
  });
});
