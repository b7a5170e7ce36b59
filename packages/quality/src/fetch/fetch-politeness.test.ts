import { afterEach, describe, expect, it } from 'vitest';
import { fetchResource, type FetchResourceOptions } from './fetch-resource.ts';
import { HostLimiter } from './host-limiter.ts';
import { localServers, stubResolver, type LocalServer } from './local-test-server.ts';

const serve = localServers(afterEach);

const local = (extra: FetchResourceOptions = {}): FetchResourceOptions => ({
  allow: ['127.0.0.1'],
  resolver: stubResolver({}),
  limiter: new HostLimiter({ maxConcurrent: 4, minDelayMs: 0 }),
  timeouts: { connectMs: 500, headersMs: 500, idleMs: 500, totalMs: 4000 },
  retry: { backoffMs: 20 },
  ...extra,
});

const gaps = (server: LocalServer) => server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);

describe('back-off on 429 and 503', () => {
  it('waits for Retry-After (seconds) after a 429, then succeeds', async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) res.writeHead(429, { 'retry-after': '1' }).end();
      else res.end('ok');
    });
    const result = await fetchResource(server.url(), local({ readBody: false }));
    expect(result).toMatchObject({ outcome: 'ok', status: 200, retries: 1 });
    expect(gaps(server)[0]).toBeGreaterThanOrEqual(950);
    expect(result.timings.waitMs).toBeGreaterThanOrEqual(950);
  });

  it('backs off after a 503 without Retry-After, then succeeds', async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) res.writeHead(503).end();
      else res.end('ok');
    });
    const result = await fetchResource(server.url(), local({ readBody: false }));
    expect(result).toMatchObject({ outcome: 'ok', status: 200, retries: 1 });
  });

  it('reads Retry-After as an HTTP date', async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) res.writeHead(503, { 'retry-after': new Date(Date.now() + 1000).toUTCString() }).end();
      else res.end('ok');
    });
    const result = await fetchResource(server.url(), local({ readBody: false }));
    expect(result).toMatchObject({ outcome: 'ok', retries: 1 });
  });

  it('does not wait longer than allowed: returns the 429 with the asked wait', async () => {
    const server = await serve((_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
    const result = await fetchResource(server.url(), local({ retry: { maxRetryAfterMs: 1000 } }));
    expect(result).toMatchObject({
      outcome: 'http_error',
      status: 429,
      retryAfterMs: 120_000,
      retries: 0,
      headers: { retryAfter: '120' },
      error: { code: 'FETCH_HTTP_STATUS' },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('bounds the retries', async () => {
    const server = await serve((_req, res) => res.writeHead(503).end());
    const result = await fetchResource(server.url(), local({ retry: { maxRetries: 2, backoffMs: 10 } }));
    expect(result).toMatchObject({ outcome: 'http_error', status: 503, retries: 2 });
    expect(server.requests).toHaveLength(3);
  });
});

describe('per-host limiter', () => {
  function countingServer(delayMs: number) {
    const seen = { inFlight: 0, most: 0 };
    const started = serve((_req, res) => {
      seen.inFlight += 1;
      seen.most = Math.max(seen.most, seen.inFlight);
      setTimeout(() => {
        seen.inFlight -= 1;
        res.end('ok');
      }, delayMs);
    });
    return { seen, started };
  }

  it('never lets more than maxConcurrent requests reach one host', async () => {
    const { seen, started } = countingServer(40);
    const server = await started;
    const limiter = new HostLimiter({ maxConcurrent: 1, minDelayMs: 0 });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => fetchResource(server.url(`/${i}`), local({ limiter }))),
    );
    expect(results.every((r) => r.outcome === 'ok')).toBe(true);
    expect(server.requests).toHaveLength(10);
    expect(seen.most).toBe(1);
  });

  it('keeps the minimum delay between requests to one host', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    const limiter = new HostLimiter({ maxConcurrent: 4, minDelayMs: 120 });
    await Promise.all(
      Array.from({ length: 3 }, (_, i) =>
        fetchResource(server.url(`/${i}`), local({ limiter, readBody: false })),
      ),
    );
    expect(server.requests).toHaveLength(3);
    // The limiter spaces request starts; arrival adds a few ms of connection jitter either way.
    for (const gap of gaps(server)) expect(gap).toBeGreaterThanOrEqual(90);
  });

  it('is shared per host name, not per call', async () => {
    const limiter = new HostLimiter({ maxConcurrent: 1, minDelayMs: 0 });
    const release = await limiter.acquire('127.0.0.1');
    const server = await serve((_req, res) => res.end('ok'));
    const pending = fetchResource(server.url(), local({ limiter, readBody: false }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(0);
    release();
    expect(await pending).toMatchObject({ outcome: 'ok' });
  });

  it('gives up waiting for a slot at the total deadline', async () => {
    const limiter = new HostLimiter({ maxConcurrent: 1, minDelayMs: 0 });
    const release = await limiter.acquire('127.0.0.1');
    try {
      const result = await fetchResource(
        'http://127.0.0.1:9/',
        local({ limiter, timeouts: { totalMs: 150 } }),
      );
      expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_TIMEOUT', phase: 'total' } });
    } finally {
      release();
    }
  });
});
