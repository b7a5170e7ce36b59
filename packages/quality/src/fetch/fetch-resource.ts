import { setTimeout as sleep } from 'node:timers/promises';
import { createAddressPolicy } from './address-policy.ts';
import { ACCEPT_ENCODING } from './content-decoding.ts';
import type { FetchFailure } from './fetch-errors.ts';
import { pickHeaders, type FetchOutcome, type FetchResult } from './fetch-result.ts';
import { HostLimiter } from './host-limiter.ts';
import { exchange, type ExchangeResult, type ExchangeTimeouts } from './http-exchange.ts';
import { RedirectChain, REDIRECT_STATUSES, type RedirectHop } from './redirects.ts';
import { parseResourceUrl } from './resource-url.ts';
import { backoffDelay, parseRetryAfter } from './retry-after.ts';
import {
  AddressRefusedError,
  createSafeLookup,
  screenHost,
  type LookupFunction,
  type Resolver,
} from './safe-lookup.ts';

export const DEFAULT_USER_AGENT = 'odp-quality/0.1 (+https://github.com/odp-tw/odp)';

export interface FetchTimeouts extends ExchangeTimeouts {
  /** Deadline for the whole fetch: every hop, retry and wait. */
  totalMs: number;
}

export const DEFAULT_FETCH_TIMEOUTS: Readonly<FetchTimeouts> = {
  connectMs: 10_000,
  headersMs: 15_000,
  idleMs: 15_000,
  totalMs: 60_000,
};

export interface RetryOptions {
  /** Retries after 429/503 (per request). Default 2. */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited for: the 429/503 is returned. Default 30 000 ms. */
  maxRetryAfterMs?: number;
  /** First back-off when no Retry-After is sent; doubled each retry. Default 1 000 ms. */
  backoffMs?: number;
}

/** Validators from an earlier fetch, for a conditional re-fetch. */
export interface PreviousValidators {
  etag?: string;
  lastModified?: string;
}

export interface FetchResourceOptions {
  /** Operator allow-list of addresses, CIDR ranges and host names (see createAddressPolicy). */
  allow?: readonly string[];
  /** Host name resolver; default the system's (dns.lookup). */
  resolver?: Resolver;
  /**
   * false: skip the HEAD and start with the ranged GET (when the body is read anyway, one
   * request instead of two; the GET's answer decides `linkable`). Default true.
   */
  headFirst?: boolean;
  /** Shared politeness per host; default a limiter private to this call. */
  limiter?: HostLimiter;
  /** Write the body to a new file here; without it the body is kept in a Buffer. */
  directory?: string;
  /** Byte budget: most body bytes kept (after decoding). Default 20 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  timeouts?: Partial<FetchTimeouts>;
  retry?: RetryOptions;
  previous?: PreviousValidators;
  /** After a successful HEAD, GET the body. Default true. */
  readBody?: boolean;
  userAgent?: string;
  /** Extra trusted CA certificates (PEM) for https. */
  ca?: string | Buffer | Array<string | Buffer>;
  signal?: AbortSignal;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

interface Context {
  lookup: LookupFunction;
  screen: (hostname: string) => FetchFailure | undefined;
  limiter: HostLimiter;
  timeouts: FetchTimeouts;
  deadline: number;
  waitSignal: AbortSignal;
  options: FetchResourceOptions;
  maxBytes: number;
  retry: Required<RetryOptions>;
  headers: Record<string, string>;
  redirects: RedirectHop[];
  downgraded: boolean;
  retries: number;
  waitMs: number;
}

interface Followed {
  url: URL;
  result: ExchangeResult;
  retryAfterMs?: number;
}

const SENDABLE_HEADER = /^[\t\x20-\x7e]+$/;

const HEAD_REFUSED_EXCEPT = new Set([404, 410, 429]);

/** HEAD is refused: 405, 501, or another 4xx that is not 404/410 (nor 429, which is back-off). */
export function isHeadRefused(status: number): boolean {
  return (
    status === 405 || status === 501 || (status >= 400 && status < 500 && !HEAD_REFUSED_EXCEPT.has(status))
  );
}

/**
 * Fetches a resource politely and safely: HEAD first, a ranged GET when HEAD is refused, then
 * (with `readBody`) a GET of the body up to the byte budget. Never throws for network
 * outcomes; they are returned with a stable error code.
 */
export async function fetchResource(
  input: string | URL,
  options: FetchResourceOptions = {},
): Promise<FetchResult> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const timeouts = { ...DEFAULT_FETCH_TIMEOUTS, ...options.timeouts };
  const policy = createAddressPolicy({ allow: options.allow ?? [] });
  const deadlineSignal = AbortSignal.timeout(timeouts.totalMs);
  const ctx: Context = {
    lookup: createSafeLookup({ policy, resolver: options.resolver }),
    screen: (hostname) => {
      const verdict = screenHost(hostname, policy);
      if (!verdict || verdict.allowed) return undefined;
      const refused = new AddressRefusedError(hostname, verdict);
      return { code: 'FETCH_ADDRESS_REFUSED', message: refused.message, address: verdict };
    },
    limiter: options.limiter ?? new HostLimiter(),
    timeouts,
    deadline: started + timeouts.totalMs,
    waitSignal: options.signal ? AbortSignal.any([options.signal, deadlineSignal]) : deadlineSignal,
    options,
    maxBytes: Math.max(0, Math.floor(options.maxBytes ?? DEFAULT_MAX_BYTES)),
    retry: { maxRetries: 2, maxRetryAfterMs: 30_000, backoffMs: 1_000, ...options.retry },
    headers: {
      'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
      accept: '*/*',
      'accept-encoding': ACCEPT_ENCODING,
    },
    redirects: [],
    downgraded: false,
    retries: 0,
    waitMs: 0,
  };

  const base = { url: String(input), startedAt };
  const parsed = parseResourceUrl(input);
  if ('error' in parsed) {
    return {
      ...base,
      finalUrl: String(input),
      outcome: 'failed',
      ok: false,
      method: 'HEAD',
      headRefused: false,
      redirects: [],
      downgraded: false,
      headers: {},
      timings: { totalMs: Math.round(performance.now() - started), waitMs: 0 },
      truncated: false,
      retries: 0,
      error: parsed.error,
    };
  }
  const url = parsed.url;
  base.url = url.href;

  // Validators are only an optimisation: one that cannot be sent as a header is dropped.
  const conditional: Record<string, string> = {};
  const etag = options.previous?.etag;
  const lastModified = options.previous?.lastModified;
  if (etag && SENDABLE_HEADER.test(etag)) conditional['if-none-match'] = etag;
  if (lastModified && SENDABLE_HEADER.test(lastModified)) conditional['if-modified-since'] = lastModified;
  const range: Record<string, string> = ctx.maxBytes > 0 ? { range: `bytes=0-${ctx.maxBytes - 1}` } : {};

  if (options.headFirst === false && options.readBody !== false) {
    // The body is wanted anyway: one ranged GET answers for the link and the bytes.
    return settle(
      ctx,
      base,
      started,
      await rangedGet(ctx, url, conditional, range),
      'GET',
      false,
      undefined,
      conditional,
    );
  }
  const head = await follow(ctx, url, 'HEAD', conditional);
  const headStatus = head.result.ok ? head.result.status : undefined;
  let final: Followed = head;
  let method: 'HEAD' | 'GET' = 'HEAD';
  let headRefused = false;

  if (head.result.ok ? isHeadRefused(head.result.status) : head.result.error.code === 'FETCH_RESET') {
    headRefused = true;
    method = 'GET';
    final = await rangedGet(ctx, head.url, conditional, range);
  } else if (head.result.ok && isSuccess(head.result.status) && options.readBody !== false) {
    method = 'GET';
    final = await rangedGet(ctx, head.url, {}, range);
  }
  return settle(ctx, base, started, final, method, headRefused, headStatus, conditional);
}

/** The result of a fetch from its final answer. */
function settle(
  ctx: Context,
  base: { url: string; startedAt: string },
  started: number,
  final: Followed,
  method: 'HEAD' | 'GET',
  headRefused: boolean,
  headStatus: number | undefined,
  conditional: Record<string, string>,
): FetchResult {
  const result = final.result;
  const timings = {
    ...(result.ok ? result.timings : result.timings),
    totalMs: Math.round(performance.now() - started),
    waitMs: Math.round(ctx.waitMs),
  };
  const common = {
    ...base,
    finalUrl: final.url.href,
    method,
    headRefused,
    redirects: ctx.redirects,
    downgraded: ctx.downgraded,
    timings,
    retries: ctx.retries,
  };
  const extra: Partial<FetchResult> = {};
  if (headStatus !== undefined) extra.headStatus = headStatus;
  if (final.retryAfterMs !== undefined) extra.retryAfterMs = final.retryAfterMs;

  if (!result.ok) {
    if (result.tlsError) extra.tlsError = result.tlsError;
    return {
      ...common,
      ...extra,
      outcome: 'failed',
      ok: false,
      headers: {},
      truncated: false,
      error: result.error,
    };
  }
  if (result.remoteAddress) extra.remoteAddress = result.remoteAddress;
  if (result.body) extra.body = result.body;
  const outcome: FetchOutcome =
    result.status === 304 && Object.keys(conditional).length > 0
      ? 'not_modified'
      : isSuccess(result.status)
        ? 'ok'
        : 'http_error';
  if (outcome === 'http_error')
    extra.error = { code: 'FETCH_HTTP_STATUS', message: `The server answered HTTP ${result.status}` };
  return {
    ...common,
    ...extra,
    outcome,
    ok: outcome !== 'http_error',
    status: result.status,
    headers: pickHeaders(result.headers),
    truncated: result.body?.truncated ?? false,
  };
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** GET with a Range header; a 416 (e.g. an empty file) is asked again without it. */
async function rangedGet(
  ctx: Context,
  url: URL,
  conditional: Record<string, string>,
  range: Record<string, string>,
): Promise<Followed> {
  const got = await follow(ctx, url, 'GET', { ...conditional, ...range });
  if (got.result.ok && got.result.status === 416) return follow(ctx, got.url, 'GET', conditional);
  return got;
}

/** Sends one request and follows its redirects, re-checking every hop. */
async function follow(
  ctx: Context,
  start: URL,
  method: 'HEAD' | 'GET',
  extraHeaders: Record<string, string>,
): Promise<Followed> {
  const allowance = Math.max(0, (ctx.options.maxRedirects ?? DEFAULT_MAX_REDIRECTS) - ctx.redirects.length);
  const chain = new RedirectChain(start, allowance);
  let url = start;
  for (;;) {
    const answer = await sendWithRetry(ctx, url, method, extraHeaders);
    const result = answer.result;
    const location = result.ok ? result.headers.location : undefined;
    if (!result.ok || !REDIRECT_STATUSES.has(result.status) || !location) return answer;
    const step = chain.follow(method, url, result.status, location);
    ctx.redirects.push(chain.hops.at(-1)!);
    if ('error' in step) return { url, result: { ok: false, error: step.error, timings: result.timings } };
    if (step.downgrade) ctx.downgraded = true;
    url = step.next;
  }
}

/** One request through the host limiter, retried after 429/503 as the server asks. */
async function sendWithRetry(
  ctx: Context,
  url: URL,
  method: 'HEAD' | 'GET',
  extraHeaders: Record<string, string>,
): Promise<Followed> {
  for (let attempt = 0; ; attempt += 1) {
    const refused = ctx.screen(url.hostname);
    if (refused) return { url, result: { ok: false, error: refused, timings: { totalMs: 0 } } };

    const waitStarted = performance.now();
    let release: () => void;
    try {
      release = await ctx.limiter.acquire(url.hostname, ctx.waitSignal);
    } catch {
      return {
        url,
        result: { ok: false, error: waitFailure(ctx, 'a free slot for this host'), timings: { totalMs: 0 } },
      };
    } finally {
      ctx.waitMs += performance.now() - waitStarted;
    }

    let result: ExchangeResult;
    try {
      result = await exchange({
        url,
        method,
        headers: { ...ctx.headers, ...extraHeaders },
        lookup: ctx.lookup,
        timeouts: ctx.timeouts,
        deadline: ctx.deadline,
        signal: ctx.options.signal,
        ca: ctx.options.ca,
        keepBody: isSuccess,
        budget: ctx.maxBytes,
        directory: ctx.options.directory,
      });
    } finally {
      release();
    }

    if (!result.ok || (result.status !== 429 && result.status !== 503)) return { url, result };
    const header = result.headers['retry-after'];
    const asked = parseRetryAfter(Array.isArray(header) ? header[0] : header);
    const delay = asked ?? backoffDelay(attempt, ctx.retry.backoffMs);
    const tooLong = delay > ctx.retry.maxRetryAfterMs || performance.now() + delay >= ctx.deadline;
    if (attempt >= ctx.retry.maxRetries || tooLong) {
      const answer: Followed = { url, result };
      if (asked !== undefined) answer.retryAfterMs = asked;
      return answer;
    }
    const sleepStarted = performance.now();
    try {
      await sleep(delay, undefined, { signal: ctx.waitSignal });
    } catch {
      return {
        url,
        result: { ok: false, error: waitFailure(ctx, 'the back-off to end'), timings: { totalMs: 0 } },
      };
    } finally {
      ctx.waitMs += performance.now() - sleepStarted;
    }
    ctx.retries += 1;
  }
}

function waitFailure(ctx: Context, what: string): FetchFailure {
  if (ctx.options.signal?.aborted) return { code: 'FETCH_ABORTED', message: 'The fetch was aborted' };
  return {
    code: 'FETCH_TIMEOUT',
    phase: 'total',
    message: `The ${ctx.timeouts.totalMs} ms deadline passed while waiting for ${what}`,
  };
}
