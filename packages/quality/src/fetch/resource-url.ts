import type { FetchFailure } from './fetch-errors.ts';

/**
 * Parses a resource URL for fetching: http(s) only, no user name or password in it.
 * The fragment is dropped (it never goes on the wire).
 */
export function parseResourceUrl(input: string | URL): { url: URL } | { error: FetchFailure } {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return { error: { code: 'FETCH_BAD_URL', message: `Not a URL: ${String(input).slice(0, 200)}` } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return {
      error: { code: 'FETCH_BAD_URL', message: `Only http and https URLs are fetched, not ${url.protocol}` },
    };
  if (url.username !== '' || url.password !== '')
    return { error: { code: 'FETCH_BAD_URL', message: 'URLs with a user name or password are not fetched' } };
  if (url.hostname === '') return { error: { code: 'FETCH_BAD_URL', message: 'The URL has no host' } };
  url.hash = '';
  return { url };
}
