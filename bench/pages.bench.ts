/**
 * B8: pages, Lighthouse-style. Starts `odp serve --demo --no-worker` on 127.0.0.1 (a
 * free port, a temporary data directory; --no-worker keeps the demo's queued quality
 * checks from running beside the measurement) and loads the home page, the search page
 * for 雨量, a dataset page, the agency tree, the themes and the English home page in
 * headless Chromium (/usr/bin/chromium through playwright-core), --loads times each,
 * the pages in turn, in two passes:
 *
 * - cold browser cache: a context that blocks (route-aborts) every request not to the
 *   local server; routing turns Chromium's HTTP cache off, so every load fetches the
 *   document and its CSS from the server. The first load of each page is also the
 *   server's first request for it (read cache empty) and is shown apart.
 * - warm browser cache: a context without routing, primed by one round, then --loads
 *   rounds; what the cache headers let the browser reuse is not transferred.
 *
 * Everything outside 127.0.0.1 is also unreachable for the whole browser
 * (--host-resolver-rules), since the warm pass cannot route. Per page: TTFB
 * (Navigation Timing responseStart − requestStart) p50/p95, DOMContentLoaded p50, and
 * the bytes transferred by type (document, CSS, JS, images, other; headers and body).
 * Targets: TTFB p50 ≤ 30 ms, ≤ 150 KB of JS on the reading pages.
 *
 *   npm run bench -- pages [--loads 20]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../packages/portal/src/e2e/chromium.ts';
import { BYTE_KINDS, loadPage, type ByteKind, type PageLoad } from './lib/page-loads.ts';
import { freePort, odp, startServer, stop } from './lib/processes.ts';
import { fmt, median, Report } from './lib/report.ts';

const CHROMIUM = CHROMIUM_PATH;
/** The tests' settings, and every host but 127.0.0.1 unreachable for the whole browser. */
const BENCH_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
/** BENCHMARKS.md B8. */
const TARGET_TTFB_P50_MS = 30;
const TARGET_JS_KB = 150;

const PAGES = [
  ['home', '/'],
  ['search', `/datasets?q=${encodeURIComponent('雨量')}`],
  ['dataset', '/dataset/1'],
  ['organizations', '/organizations'],
  ['themes', '/themes'],
  ['home (en)', '/en/'],
] as const;

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const kb = (bytes: number): string => fmt(bytes / 1000, 1);
const ms = (value: number): string => fmt(value, 1);

/** Loads every page once per round, the pages in turn (never the same URL twice in a row). */
async function rounds(
  context: BrowserContext,
  base: string,
  count: number,
): Promise<Map<string, PageLoad[]>> {
  const page = await context.newPage();
  const loads = new Map<string, PageLoad[]>(PAGES.map(([name]) => [name, []]));
  for (let round = 0; round < count; round++) {
    for (const [name, route] of PAGES) {
      const load = await loadPage(page, `${base}${route}`);
      if (load.status !== 200) throw new Error(`${route} answered ${load.status}`);
      loads.get(name)!.push(load);
    }
  }
  await page.close();
  return loads;
}

function medianBytes(loads: readonly PageLoad[]): Record<ByteKind, number> {
  return Object.fromEntries(BYTE_KINDS.map((k) => [k, median(loads.map((l) => l.bytes[k]))])) as Record<
    ByteKind,
    number
  >;
}

const total = (bytes: Record<ByteKind, number>): number => BYTE_KINDS.reduce((sum, k) => sum + bytes[k], 0);

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { loads: { type: 'string', default: '20' } } });
  const loads = Number(values.loads);
  if (!Number.isInteger(loads) || loads < 2) throw new Error('--loads must be a whole number of 2 or more');
  const report = new Report('pages');

  const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-bench-pages-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let browser: Browser | undefined;
  const serverEnv = { ODP_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ODP_PUBLIC_URL: base };
  const server = await startServer(
    ['packages/portal/src/cli.ts', 'serve', '--demo', '--no-worker'],
    serverEnv,
    `${base}/readyz`,
  );
  try {
    // The dataset page as readers see it after the quality sweep: dataset 1's resources checked (served by this server).
    const checkMs = odp(['check', '--dataset', '1', '--quiet'], serverEnv);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BENCH_CHROMIUM_ARGS });
    report.line(
      `server: odp serve --demo --no-worker on 127.0.0.1 (demo catalogue, SQLite, read cache 5 s); ` +
        `browser: ${CHROMIUM} ${browser.version()} headless via playwright-core; ${loads} loads of each page per pass, ` +
        'pages in turn, one tab, viewport 1280×720',
    );
    report.line(
      `dataset 1's resources quality-checked first (odp check --dataset 1, ${fmt(checkMs / 1000, 1)} s), ` +
        'so its page shows 品質檢測 results; the other demo datasets have none (their checks wait in the queue)',
    );

    // Cold browser cache: routing on (Chromium's HTTP cache off); only the local server is reached.
    const cold = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    let blocked = 0;
    await cold.route('**/*', (route) => {
      if (new URL(route.request().url()).origin === base) return route.continue();
      blocked += 1;
      return route.abort('blockedbyclient');
    });
    const coldLoads = await rounds(cold, base, loads);
    await cold.close();

    // Warm browser cache: no routing; one priming round, then the measured rounds.
    const warm = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await rounds(warm, base, 1);
    const warmLoads = await rounds(warm, base, loads);
    await warm.close();

    report.line('');
    report.line(
      `TTFB and DOMContentLoaded (ms), cold browser cache: every load from the server; ` +
        `"first" is the server's first request for the page (read cache empty); p50/p95 over all ${loads} loads`,
    );
    report.line(
      `  ${'page'.padEnd(14)} ${'path'.padEnd(32)} ${'first'.padStart(6)} ${'p50'.padStart(6)} ${'p95'.padStart(6)} ` +
        `${'DCL p50'.padStart(8)}  TTFB p50 ≤ ${TARGET_TTFB_P50_MS} ms`,
    );
    const ttfbVerdicts: boolean[] = [];
    for (const [name, route] of PAGES) {
      const xs = coldLoads.get(name)!;
      const ttfb = xs.map((l) => l.ttfbMs);
      const p50 = percentile(ttfb, 50);
      const dcl = percentile(
        xs.map((l) => l.domContentLoadedMs),
        50,
      );
      ttfbVerdicts.push(p50 <= TARGET_TTFB_P50_MS);
      report.line(
        `  ${name.padEnd(14)} ${route.padEnd(32)} ${ms(xs[0]!.ttfbMs).padStart(6)} ${ms(p50).padStart(6)} ` +
          `${ms(percentile(ttfb, 95)).padStart(6)} ${ms(dcl).padStart(8)}  ${p50 <= TARGET_TTFB_P50_MS ? 'met' : 'NOT met'}`,
      );
    }
    report.line(`  requests blocked (not to ${base}): ${blocked}`);

    report.line('');
    report.line(
      'bytes transferred per load, KB (headers + body, median of loads): cold cache | warm cache total',
    );
    report.line(
      `  ${'page'.padEnd(14)} ${BYTE_KINDS.map((k) => k.padStart(8)).join('')}    total | ` +
        'warm  (responses from cache / all, document TTFB p50 ms)',
    );
    let maxJs = 0;
    for (const [name] of PAGES) {
      const c = medianBytes(coldLoads.get(name)!);
      const w = warmLoads.get(name)!;
      const wb = medianBytes(w);
      maxJs = Math.max(maxJs, ...coldLoads.get(name)!.map((l) => l.bytes.js));
      const cached = w.reduce((sum, l) => sum + l.fromCache, 0);
      const responses = w.reduce((sum, l) => sum + l.responses, 0);
      const docFromCache = w.filter((l) => l.documentTransferSize === 0).length;
      report.line(
        `  ${name.padEnd(14)} ${BYTE_KINDS.map((k) => kb(c[k]).padStart(8)).join('')} ${kb(total(c)).padStart(8)} | ` +
          `${kb(total(wb)).padStart(5)}  (${cached}/${responses}; document from cache ${docFromCache}/${w.length}, ` +
          `TTFB p50 ${ms(
            percentile(
              w.map((l) => l.ttfbMs),
              50,
            ),
          )})`,
      );
    }

    report.line('');
    const met = ttfbVerdicts.filter(Boolean).length;
    report.line(
      `TTFB p50 ≤ ${TARGET_TTFB_P50_MS} ms (cold browser cache): ${met === PAGES.length ? 'met' : 'NOT met'} ` +
        `on ${met} of ${PAGES.length} pages`,
    );
    report.line(
      `JS ≤ ${TARGET_JS_KB} KB on reading pages: ${maxJs / 1000 <= TARGET_JS_KB ? 'met' : 'NOT met'} ` +
        `(largest: ${kb(maxJs)} KB of JS on any load)`,
    );
  } finally {
    await browser?.close();
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
  report.save();
}
