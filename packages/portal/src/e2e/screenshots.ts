import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Where the end-to-end run leaves its screenshots (git-ignored, like all of test-output/). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../../test-output/screenshots/', import.meta.url));

export interface ScreenshotName {
  /** The page type: home, search, dataset, organizations, themes… */
  page: string;
  lang: 'zh-TW' | 'en';
}

/** A full-page screenshot named `<page>.<lang>.<viewport width>.png`; returns its path. */
export async function saveScreenshot(page: Page, name: ScreenshotName): Promise<string> {
  const width = page.viewportSize()?.width;
  if (width === undefined) throw new Error('A screenshot needs a page with a fixed viewport');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.page}.${name.lang}.${width}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}
