import { DATASET_IDENTIFIER_PATTERN, RESOURCE_ID_PATTERN } from '@odp/quality/metadata';
import { userAgentKind } from './user-agents.ts';

/**
 * Which requests count, and as what (docs/counting.md): a pure function of the request's
 * method, path, headers and response status, so the rules are tested without a server.
 */

export const USAGE_KINDS = ['view', 'download', 'api'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/** One counted request, as stored in usage_events. */
export interface UsageEvent {
  occurredAt: string;
  kind: UsageKind;
  datasetId: number | null;
  datasetIdentifier: string | null;
  resourceId: string | null;
}

export interface CountedRequest {
  method: string;
  /** The request URL: path and query. */
  url: string;
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
}

const MAX_DATASET_ID = 2_147_483_647;

/** `/dataset/{datasetId}` (and /en/, and the old `/datasets/{datasetId}`), not the `.json` twin. */
const VIEW_PATH = /^(?:\/en)?\/datasets?\/([^/.]+)$/;
/** The file itself, or the platform's CSV/JSON/XML copy of it (多元格式參考資料). */
const DOWNLOAD_PATH = /^(?:\/en)?\/dataset\/([^/]+)\/resource\/([^/]+)\/download(?:\.(?:csv|json|xml))?$/;
const API_DATASET_PATHS = [/^\/api\/v1\/datasets\/([^/]+)(?:\/|$)/, /^\/api\/v2\/rest\/dataset\/([^/]+)$/];
const API_RESOURCE_PATH = /^\/api\/v1\/resources\/([^/]+)$/;
/** The browsable API documentation is a page about the API, not a call of it. */
const API_DOCS_PATH = /^\/api\/docs(?:\/|$)/;

const PREFETCH_HEADERS = ['purpose', 'sec-purpose', 'x-purpose', 'x-moz'];

function header(headers: CountedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A prefetch or prerender the reader may never look at (Purpose, Sec-Purpose, X-Purpose, X-Moz). */
export function isPrefetch(headers: CountedRequest['headers']): boolean {
  return PREFETCH_HEADERS.some((name) => /prefetch|prerender|preview/i.test(header(headers, name) ?? ''));
}

function pathOf(url: string): string {
  const q = url.search(/[?#]/);
  const raw = q === -1 ? url : url.slice(0, q);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A `{datasetId}` path segment: a datasetId or an identifier; null when it is neither. */
function datasetKey(raw: string): Pick<UsageEvent, 'datasetId' | 'datasetIdentifier'> | null {
  const key = raw.trim();
  if (/^\d{1,10}$/.test(key) && Number(key) <= MAX_DATASET_ID) {
    return { datasetId: Number(key), datasetIdentifier: null };
  }
  if (DATASET_IDENTIFIER_PATTERN.test(key)) return { datasetId: null, datasetIdentifier: key };
  return null;
}

const NO_DATASET = { datasetId: null, datasetIdentifier: null } as const;

/** 2xx, and 304 (the reader's cached copy was confirmed): a redirect is counted where it leads. */
const served = (status: number) => (status >= 200 && status < 300) || status === 304;

/** What the path and status say the request counts as, before its headers are looked at. */
function candidate(method: string, path: string, statusCode: number): Omit<UsageEvent, 'occurredAt'> | null {
  if (path.startsWith('/api/')) {
    if (API_DOCS_PATH.test(path) || !served(statusCode)) return null;
    const resource = API_RESOURCE_PATH.exec(path)?.[1]?.trim();
    if (resource && RESOURCE_ID_PATTERN.test(resource)) {
      const identifier = resource.slice(0, resource.lastIndexOf('-'));
      return { kind: 'api', datasetId: null, datasetIdentifier: identifier, resourceId: resource };
    }
    for (const pattern of API_DATASET_PATHS) {
      const match = pattern.exec(path);
      const key = match ? datasetKey(match[1] as string) : null;
      if (key) return { kind: 'api', ...key, resourceId: null };
    }
    return { kind: 'api', ...NO_DATASET, resourceId: null };
  }
  if (method !== 'GET') return null;
  const download = DOWNLOAD_PATH.exec(path);
  if (download) {
    const key = datasetKey(download[1] as string);
    const resourceId = (download[2] as string).trim();
    if (!key || !RESOURCE_ID_PATTERN.test(resourceId)) return null;
    // The download route answers with a redirect (3xx) or the file itself (2xx).
    return { kind: 'download', ...key, resourceId };
  }
  const view = VIEW_PATH.exec(path);
  if (!view || !served(statusCode)) return null;
  const key = datasetKey(view[1] as string);
  return key ? { kind: 'view', ...key, resourceId: null } : null;
}

/**
 * The event a finished request counts as, or null when it does not count: HEAD and
 * OPTIONS, errors, prefetches, crawlers, and page views by HTTP libraries or without a
 * User-Agent are never counted. The path is read first, so other requests cost little.
 */
export function usageEventFor(request: CountedRequest, now: Date): UsageEvent | null {
  const method = request.method.toUpperCase();
  if (method === 'HEAD' || method === 'OPTIONS') return null;
  if (request.statusCode < 200 || request.statusCode >= 400) return null;
  const counted = candidate(method, pathOf(request.url), request.statusCode);
  if (!counted || isPrefetch(request.headers)) return null;
  const agent = userAgentKind(header(request.headers, 'user-agent'));
  if (agent === 'crawler' || (counted.kind === 'view' && agent !== 'browser')) return null;
  return { occurredAt: now.toISOString(), ...counted };
}
