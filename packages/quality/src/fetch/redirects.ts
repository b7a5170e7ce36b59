import type { FetchFailure } from './fetch-errors.ts';
import { parseResourceUrl } from './resource-url.ts';

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface RedirectHop {
  method: 'HEAD' | 'GET';
  /** The URL that answered with a redirect. */
  url: string;
  status: number;
  /** The Location header as sent (possibly relative). */
  location: string;
}

/** Tracks one chain of redirects: its hops, visited URLs and the limit. */
export class RedirectChain {
  readonly hops: RedirectHop[] = [];
  readonly #visited = new Set<string>();

  constructor(
    start: URL,
    readonly maxRedirects: number,
  ) {
    this.#visited.add(start.href);
  }

  /**
   * Records a redirect answer and returns where to go next, or why not: a bad or non-http(s)
   * Location, a loop (a URL seen before in this chain), or more than `maxRedirects` hops.
   */
  follow(
    method: 'HEAD' | 'GET',
    from: URL,
    status: number,
    location: string,
  ): { next: URL; downgrade: boolean } | { error: FetchFailure } {
    this.hops.push({ method, url: from.href, status, location });
    let resolved: string;
    try {
      resolved = new URL(location, from).href;
    } catch {
      return {
        error: { code: 'FETCH_BAD_URL', message: `Bad redirect Location: ${location.slice(0, 200)}` },
      };
    }
    const parsed = parseResourceUrl(resolved);
    if ('error' in parsed)
      return {
        error: { ...parsed.error, message: `Redirect to a URL that is not fetched: ${parsed.error.message}` },
      };
    const next = parsed.url;
    if (this.#visited.has(next.href))
      return {
        error: { code: 'FETCH_REDIRECT_LOOP', message: `Redirect loop: ${next.href} was already visited` },
      };
    if (this.hops.length > this.maxRedirects)
      return {
        error: { code: 'FETCH_TOO_MANY_REDIRECTS', message: `More than ${this.maxRedirects} redirects` },
      };
    this.#visited.add(next.href);
    return { next, downgrade: from.protocol === 'https:' && next.protocol === 'http:' };
  }
}
