import { spawnSync } from 'node:child_process';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { isPostgresUrl } from '../db/database.ts';
import { seedDemoIfEmpty } from '../features/demo/demo-seed.ts';
import type { UsageRecordingOptions } from '../features/stats/usage-recording.ts';
import { buildTestApp, testSettings } from '../http/test-app.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { startJobs } from '../jobs/job-runtime.ts';
import { CHECK_RESOURCE_JOB } from '../features/quality/quality-jobs.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';

/**
 * The end-to-end harness: the portal in this process on 127.0.0.1 (an ephemeral port)
 * with the demo catalogue `odp serve --demo` seeds, on a fresh test database (SQLite, or
 * PostgreSQL when DATABASE_URL says so), and the system Chromium driven by
 * playwright-core. Every browser context sends requests to the portal only: anything
 * else is aborted and recorded in `blocked`.
 *
 * Headless Chromium names itself HeadlessChrome, which the usage counting treats as a
 * crawler (docs/counting.md); a context that stands for a person reading the pages passes
 * `userAgent: readerUserAgent(portal.browser)`.
 */

/** How long a click, navigation or wait may take before it fails the test. */
const ACTION_TIMEOUT_MS = 10_000;

export const DIALECT = isPostgresUrl(process.env.DATABASE_URL) ? 'PostgreSQL' : 'SQLite';

/** The desktop and phone widths every main page is checked and photographed at. */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/**
 * Why the browser tests cannot run here, or undefined when they can. With
 * ODP_E2E_REQUIRE_CHROMIUM=1 (set by .ci/run) a missing browser is an error, not a skip.
 */
export function browserUnavailable(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `${CHROMIUM_PATH} is missing (install it with: apt-get install -y chromium)`;
  if (process.env.ODP_E2E_REQUIRE_CHROMIUM === '1') {
    throw new Error(`The browser tests must run (ODP_E2E_REQUIRE_CHROMIUM=1) but ${reason}`);
  }
  return reason;
}

/**
 * Why screenshots would show Chinese as empty boxes (no Traditional Chinese font for
 * Chromium), or undefined. Required, like the browser, under ODP_E2E_REQUIRE_CHROMIUM=1.
 */
export function chineseFontUnavailable(): string | undefined {
  const fonts = spawnSync('fc-list', [':lang=zh-tw', 'family'], { encoding: 'utf8' });
  if (fonts.status === 0 && fonts.stdout.trim() !== '') return undefined;
  const reason = 'no Traditional Chinese font (install one with: apt-get install -y fonts-noto-cjk)';
  if (process.env.ODP_E2E_REQUIRE_CHROMIUM === '1') {
    throw new Error(`The screenshots must be taken (ODP_E2E_REQUIRE_CHROMIUM=1) but there is ${reason}`);
  }
  return reason;
}

/**
 * A browser test file's suite, named with the database it runs on: skipped, saying why
 * in its name, where Chromium is missing.
 */
export function browserSuite(name: string, tests: () => void): void {
  const unavailable = browserUnavailable();
  const suite = unavailable ? describe.skip : describe;
  suite(`${name} on ${DIALECT}${unavailable ? ` (skipped: ${unavailable})` : ''}`, tests);
}

/** Why the screenshots of a browser suite that runs cannot be taken (no Chinese font), or undefined. */
export function screenshotsUnavailable(): string | undefined {
  return browserUnavailable() ? undefined : chineseFontUnavailable();
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** The browser's language (Accept-Language and navigator.language); zh-TW unless set. */
  locale?: string;
}

/** What went wrong inside a page that the page itself did not show: console errors, uncaught errors. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
}

export interface E2ePortalOptions {
  /** The usage recorder's options: its clock (`now`) and flush interval (docs/counting.md). */
  usage?: UsageRecordingOptions;
  /**
   * Run the job queue with an in-process worker, as `odp serve` does: writes queue
   * quality checks and the worker runs them (fetching the portal's own URLs).
   */
  jobs?: boolean;
}

/** The User-Agent of the same Chromium as people run it (not headless), for contexts that count as readers. */
export function readerUserAgent(browser: Browser): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`;
}

export interface E2ePortal {
  /** http://127.0.0.1:<port>, where the portal listens. */
  origin: string;
  database: TestDatabase;
  browser: Browser;
  /** URLs the browser tried to reach outside the portal (each one was aborted). */
  blocked: string[];
  /** A browser context that reaches the portal only. Closed by `close()` if not before. */
  newContext(options?: PageOptions & BrowserContextOptions): Promise<BrowserContext>;
  /** Runs `walk` on a new page in its own context, closing the context afterwards. */
  withPage<T>(options: PageOptions, walk: (page: Page, problems: PageProblems) => Promise<T>): Promise<T>;
  /** Opens a portal path in the page and expects the response status. */
  open(page: Page, path: string, status?: number): Promise<void>;
  /** GETs a JSON document from the portal (outside the browser). */
  getJson<T = unknown>(path: string): Promise<T>;
  /** Writes the counted requests the usage recorder holds to the database now. */
  flushUsage(): Promise<void>;
  /** Closes the browser and the server and drops the database; safe to call more than once. */
  close(): Promise<void>;
}

/** Runs cleanup steps last-in first-out; every step runs even when an earlier one fails. */
class CleanupStack {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];

  push(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  async runAll(): Promise<void> {
    const errors: unknown[] = [];
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.run();
      } catch (error) {
        errors.push(new Error(`cleanup step "${step.name}" failed`, { cause: error }));
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'End-to-end cleanup failed');
  }
}

/** A port nothing listens on now (the server binds it right after). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listen(app: FastifyInstance, port = 0): Promise<string> {
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** Starts database, server (seeded with the demo catalogue) and browser. */
export async function startE2ePortal(options: E2ePortalOptions = {}): Promise<E2ePortal> {
  const cleanup = new CleanupStack();
  try {
    const database = await openTestDatabase();
    cleanup.push('drop the test database', () => database.destroy());
    // With jobs, the public URL must be known before the app is built (upload URLs, checks).
    const port = options.jobs ? await freePort() : 0;
    const overrides = options.jobs ? { publicUrl: `http://127.0.0.1:${port}` } : {};
    let jobQueue: JobQueue | undefined;
    if (options.jobs) {
      const databaseUrl = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
      ({ queue: jobQueue } = await startJobs(database, testSettings({ ...overrides, databaseUrl }), {
        worker: true,
        // Checks only: no scheduled sweep of the demo catalogue during a test.
        only: [CHECK_RESOURCE_JOB],
        log: () => undefined,
      }));
      const queue = jobQueue;
      cleanup.push('stop the job queue', () => queue.stop());
    }
    const app = await buildTestApp(database, overrides, {
      ...(options.usage ? { usage: options.usage } : {}),
      ...(jobQueue ? { jobQueue } : {}),
    });
    cleanup.push('close the server', () => app.close());
    const origin = await listen(app, port);
    // Resources of the demo catalogue point at this server's /demo-files/, as with `odp serve --demo`.
    await seedDemoIfEmpty(database, { publicUrl: origin, log: () => undefined });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    cleanup.push('close the browser', () => browser.close());
    return portalOn(origin, database, browser, cleanup, () => app.usageRecorder.flush());
  } catch (error) {
    await cleanup.runAll().catch((cleanupError: unknown) => console.error(cleanupError));
    throw error;
  }
}

function portalOn(
  origin: string,
  database: TestDatabase,
  browser: Browser,
  cleanup: CleanupStack,
  flushUsage: () => Promise<void>,
): E2ePortal {
  const blocked: string[] = [];
  let closed: Promise<void> | undefined;

  async function newContext(options: PageOptions & BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await browser.newContext({
      viewport: DESKTOP,
      locale: 'zh-TW',
      acceptDownloads: true,
      serviceWorkers: 'block',
      ...(options.viewport && options.viewport.width <= PHONE.width
        ? { isMobile: true, hasTouch: true }
        : {}),
      ...options,
    });
    // Shorter than a test's timeout, so a missing element fails with Playwright's own message.
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    // Nothing leaves the machine: the portal's own origin only.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    return context;
  }

  async function withPage<T>(
    options: PageOptions,
    walk: (page: Page, problems: PageProblems) => Promise<T>,
  ): Promise<T> {
    const context = await newContext(options);
    try {
      const page = await context.newPage();
      const problems: PageProblems = { consoleErrors: [], pageErrors: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.pageErrors.push(`${page.url()}: ${error.message}`));
      return await walk(page, problems);
    } finally {
      await context.close();
    }
  }

  async function open(page: Page, path: string, status = 200): Promise<void> {
    const response = await page.goto(origin + path);
    expect(response?.status(), path).toBe(status);
  }

  async function getJson<T>(path: string): Promise<T> {
    const response = await fetch(new URL(path, origin), { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  return {
    origin,
    database,
    browser,
    blocked,
    newContext,
    withPage,
    open,
    getJson,
    flushUsage,
    close: () => (closed ??= cleanup.runAll()),
  };
}

/**
 * For a describe block: starts one portal and browser before its tests and always
 * cleans up after them. Returns an accessor for the tests.
 */
export function useE2ePortal(options: E2ePortalOptions = {}): () => E2ePortal {
  let portal: E2ePortal | undefined;
  beforeAll(async () => {
    portal = await startE2ePortal(options);
  }, 180_000);
  afterAll(async () => {
    await portal?.close();
  }, 60_000);
  return () => {
    if (!portal) throw new Error('The end-to-end portal did not start (see the beforeAll error)');
    return portal;
  };
}
