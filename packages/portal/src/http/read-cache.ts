import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** True when the response comes from the read cache. */
    readCacheHit: boolean;
  }
}

/**
 * A per-process micro-cache of public reads. Public responses already say
 * `Cache-Control: public, max-age=60`, so any cache in front may serve them for a
 * minute; this keeps the rendered body for a few seconds (ODP_READ_CACHE_SECONDS) so a
 * popular dataset is built once, not once per request. Only anonymous GET/HEAD
 * answers of 200 with a text or buffer body are kept; a write through this process
 * empties the cache at once, and other processes' writes show after at most the TTL.
 */
interface Entry {
  expires: number;
  body: string | Buffer;
  headers: Record<string, string>;
}

const KEPT_HEADERS = ['content-type', 'etag', 'cache-control', 'vary', 'link', 'content-language'];
const MAX_ENTRIES = 2_000;
const MAX_BODY_BYTES = 512 * 1024;

export interface ReadCacheOptions {
  ttlSeconds: number;
  now?: () => number;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ReadCacheOptions) {
    this.ttlMs = options.ttlSeconds * 1000;
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, body: string | Buffer, headers: Record<string, string>): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { expires: this.now() + this.ttlMs, body, headers });
  }

  clear(): void {
    this.entries.clear();
  }
}

function cacheable(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') && request.headers.authorization === undefined
  );
}

/** Serves repeated anonymous reads in `scope` from `cache` (register after the ETag plugin). */
export function registerReadCache(scope: FastifyInstance, cache: ReadCache): void {
  if (!cache.enabled) return;
  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!cacheable(request)) return;
    const entry = cache.get(request.url);
    if (!entry) return;
    request.readCacheHit = true;
    reply.headers(entry.headers);
    return reply.send(entry.body);
  });
  scope.addHook('onSend', async (request, reply, payload) => {
    if (request.readCacheHit || !cacheable(request) || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (Buffer.byteLength(payload) > MAX_BODY_BYTES) return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    cache.set(request.url, payload, headers);
    return payload;
  });
}

/** Any successful write through this process empties the cache. */
export function clearReadCacheOnWrite(app: FastifyInstance, cache: ReadCache): void {
  app.addHook('onResponse', async (request, reply) => {
    const write = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    if (write && reply.statusCode < 400) cache.clear();
  });
}
