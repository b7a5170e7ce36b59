import type { IncomingHttpHeaders } from 'node:http';
import type { StoredBody } from './body-sink.ts';
import type { FetchFailure } from './fetch-errors.ts';
import type { TlsProblem } from './http-exchange.ts';
import type { RedirectHop } from './redirects.ts';

/**
 * - `ok`: a 2xx answer (206 when the server honoured the range).
 * - `not_modified`: 304 to a conditional request; nothing changed since `previous`.
 * - `http_error`: the server answered with another status (error FETCH_HTTP_STATUS).
 * - `failed`: no usable answer (error says why).
 */
export type FetchOutcome = 'ok' | 'not_modified' | 'http_error' | 'failed';

/** The response headers a quality check needs, from the final answer. */
export interface ResourceHeaders {
  contentType?: string;
  contentLength?: number;
  contentDisposition?: string;
  etag?: string;
  lastModified?: string;
  contentEncoding?: string;
  contentRange?: string;
  retryAfter?: string;
}

export interface FetchTimings {
  /** Whole fetch, every hop, retry and wait included. */
  totalMs: number;
  /** Time spent waiting for the host limiter and for back-off. */
  waitMs: number;
  /** Of the final request, from its start: */
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  headersMs?: number;
  bodyMs?: number;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL that gave the final answer (after redirects). */
  finalUrl: string;
  outcome: FetchOutcome;
  /** `outcome` is `ok` or `not_modified`. */
  ok: boolean;
  /** Status of the final answer; absent when none came. */
  status?: number;
  /** Method of the final request. */
  method: 'HEAD' | 'GET';
  /** Status the HEAD request got (at its last hop), when it got one. */
  headStatus?: number;
  /** HEAD was refused (405/501/other 4xx, or reset) and a ranged GET was used instead. */
  headRefused: boolean;
  /** Every redirect followed, in order (HEAD hops, then GET hops). */
  redirects: RedirectHop[];
  /** Some redirect went from https to http. */
  downgraded: boolean;
  headers: ResourceHeaders;
  timings: FetchTimings;
  /** The address connected to for the final answer. */
  remoteAddress?: string;
  tlsError?: TlsProblem;
  /** The body was cut at the byte budget (or the server sent only a part). */
  truncated: boolean;
  /** Retries after 429/503. */
  retries: number;
  /** The wait the server asked for, when it answered 429/503 and it was not (or no longer) honoured here. */
  retryAfterMs?: number;
  /** The body of a 2xx GET, up to the byte budget. */
  body?: StoredBody;
  error?: FetchFailure;
  /** ISO time the fetch started. */
  startedAt: string;
}

export function pickHeaders(headers: IncomingHttpHeaders): ResourceHeaders {
  const text = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const picked: ResourceHeaders = {};
  const set = (key: keyof ResourceHeaders, name: string) => {
    const value = text(name);
    if (value !== undefined) (picked as Record<string, unknown>)[key] = value;
  };
  set('contentType', 'content-type');
  set('contentDisposition', 'content-disposition');
  set('etag', 'etag');
  set('lastModified', 'last-modified');
  set('contentEncoding', 'content-encoding');
  set('contentRange', 'content-range');
  set('retryAfter', 'retry-after');
  const length = text('content-length');
  if (length !== undefined && /^\d+$/.test(length.trim())) picked.contentLength = Number(length);
  return picked;
}
