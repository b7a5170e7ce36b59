import type { Page } from 'playwright-core';

/** Keyboard-only navigation: Tab through a page the way a keyboard user does, checking focus stays visible. */

export interface FocusedElement {
  tag: string;
  href: string | null;
  hreflang: string | null;
  id: string;
  name: string | null;
  type: string | null;
  text: string;
  /** Inside the main landmark. */
  inMain: boolean;
  /** An outline or box-shadow is drawn around it (WCAG 2.4.7 focus visible). */
  focusVisible: boolean;
  /** Its box lies within the viewport's width and below the top (after the browser scrolled it in). */
  onScreen: boolean;
}

export async function focusedElement(page: Page): Promise<FocusedElement | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute('href'),
      hreflang: el.getAttribute('hreflang'),
      id: el.id,
      name: el.getAttribute('name'),
      type: el.getAttribute('type'),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      inMain: el.closest('main, [role=main]') !== null,
      focusVisible: outline || style.boxShadow !== 'none',
      onScreen: box.right > 0 && box.left < window.innerWidth && box.bottom > 0 && box.width > 0,
    };
  });
}

/**
 * Presses Tab until `wanted` holds for the focused element (at most `limit` presses),
 * checking that every element focused on the way shows its focus. Returns what it reached.
 */
export async function tabUntil(
  page: Page,
  wanted: (el: FocusedElement) => boolean,
  what: string,
  limit = 60,
): Promise<FocusedElement> {
  const path: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await focusedElement(page);
    if (!el) {
      path.push('(nothing)');
      continue;
    }
    path.push(`${el.tag}${el.href ? `[href=${el.href}]` : ''} "${el.text.slice(0, 30)}"`);
    if (!el.focusVisible) throw new Error(`No visible focus on ${path.at(-1)} (${page.url()})`);
    if (wanted(el)) return el;
  }
  throw new Error(
    `Tab ${limit} times did not reach ${what} on ${page.url()}; focus went:\n${path.join('\n')}`,
  );
}
