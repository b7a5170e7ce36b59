/**
 * The B8 measurement: one page load in headless Chromium (playwright-core), read back
 * from the browser's Navigation Timing entry and from the responses Playwright saw,
 * with the transferred bytes (headers and body as sent on the wire) by resource type.
 */
import type { Page, Response } from 'playwright-core';

export type ByteKind = 'document' | 'css' | 'js' | 'images' | 'other';
export const BYTE_KINDS: readonly ByteKind[] = ['document', 'css', 'js', 'images', 'other'];

export interface PageLoad {
  /** Navigation Timing responseStart − requestStart (ms). */
  ttfbMs: number;
  /** domContentLoadedEventEnd, from the start of the navigation (ms). */
  domContentLoadedMs: number;
  /** Navigation Timing transferSize of the document: 0 when it came from the browser cache. */
  documentTransferSize: number;
  /** Bytes transferred by kind of response. */
  bytes: Record<ByteKind, number>;
  /** Responses seen, and how many of them came from the browser cache (nothing transferred). */
  responses: number;
  fromCache: number;
  /** HTTP status of the document. */
  status: number;
}

/** The Navigation Timing fields read in the page (the bench compiles without the DOM types). */
interface NavigationFields {
  requestStart: number;
  responseStart: number;
  domContentLoadedEventEnd: number;
  transferSize: number;
}

function kindOf(response: Response): ByteKind {
  switch (response.request().resourceType()) {
    case 'document':
      return 'document';
    case 'stylesheet':
      return 'css';
    case 'script':
      return 'js';
    case 'image':
      return 'images';
    default:
      return 'other';
  }
}

/** Navigates `page` to `url`, waits for `load`, and measures the load. */
export async function loadPage(page: Page, url: string): Promise<PageLoad> {
  const responses: Response[] = [];
  const onResponse = (response: Response) => responses.push(response);
  page.on('response', onResponse);
  const main = await page.goto(url, { waitUntil: 'load' }).finally(() => page.off('response', onResponse));
  const status = main?.status() ?? 0;
  const nav = await page.evaluate(() => {
    const entry = (
      globalThis as unknown as {
        performance: { getEntriesByType(type: string): NavigationFields[] };
      }
    ).performance.getEntriesByType('navigation')[0];
    if (!entry) throw new Error('no navigation timing entry');
    return {
      requestStart: entry.requestStart,
      responseStart: entry.responseStart,
      domContentLoadedEventEnd: entry.domContentLoadedEventEnd,
      transferSize: entry.transferSize,
    };
  });
  const bytes: Record<ByteKind, number> = { document: 0, css: 0, js: 0, images: 0, other: 0 };
  let fromCache = 0;
  for (const response of responses) {
    // Finished requests only: sizes() waits for the body, which `load` has seen for every subresource.
    const sizes = await response.request().sizes();
    const transferred = sizes.responseHeadersSize + sizes.responseBodySize;
    if (transferred <= 0) fromCache += 1;
    bytes[kindOf(response)] += Math.max(0, transferred);
  }
  return {
    ttfbMs: nav.responseStart - nav.requestStart,
    domContentLoadedMs: nav.domContentLoadedEventEnd,
    documentTransferSize: nav.transferSize,
    bytes,
    responses: responses.length,
    fromCache,
    status,
  };
}
