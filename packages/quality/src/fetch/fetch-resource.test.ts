import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_USER_AGENT, fetchResource, type FetchResourceOptions } from './fetch-resource.ts';
import { HostLimiter } from './host-limiter.ts';
import { localServers, stubResolver } from './local-test-server.ts';

const serve = localServers(afterEach);

/** Loopback allow-listed, short timers, no real DNS, no politeness delay. */
const local = (extra: FetchResourceOptions = {}): FetchResourceOptions => ({
  allow: ['127.0.0.1'],
  resolver: stubResolver({}),
  limiter: new HostLimiter({ maxConcurrent: 4, minDelayMs: 0 }),
  timeouts: { connectMs: 500, headersMs: 400, idleMs: 300, totalMs: 3000 },
  retry: { backoffMs: 20 },
  ...extra,
});

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const CSV = '縣市,人口\n臺北市,2500000\n';

describe('fetchResource: answers', () => {
  it('HEADs, then GETs the body with a range, a real User-Agent and the headers of interest', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        etag: '"v1"',
        'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT',
      });
      res.end(req.method === 'HEAD' ? undefined : CSV);
    });
    const result = await fetchResource(server.url('/data.csv#top'), local({ maxBytes: 1000 }));
    expect(result).toMatchObject({
      outcome: 'ok',
      ok: true,
      status: 200,
      method: 'GET',
      headStatus: 200,
      headRefused: false,
      url: server.url('/data.csv'),
      finalUrl: server.url('/data.csv'),
      truncated: false,
      headers: {
        contentType: 'text/csv; charset=utf-8',
        etag: '"v1"',
        lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
      },
      remoteAddress: '127.0.0.1',
    });
    expect(result.body?.buffer?.toString('utf8')).toBe(CSV);
    expect(result.body).toMatchObject({
      bytes: Buffer.byteLength(CSV),
      sha256: sha256(CSV),
      truncated: false,
    });
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
    expect(server.requests[0]!.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(server.requests[1]!.headers.range).toBe('bytes=0-999');
    expect(result.timings.headersMs).toBeTypeOf('number');
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('writes the body to a new file in the given directory', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'odp-fetch-'));
    try {
      const server = await serve((_req, res) => res.end(CSV));
      const result = await fetchResource(server.url(), local({ directory }));
      expect(result.body?.path?.startsWith(directory)).toBe(true);
      expect(result.body?.buffer).toBeUndefined();
      expect(await readFile(result.body!.path!, 'utf8')).toBe(CSV);
      expect(result.body?.sha256).toBe(sha256(CSV));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('falls back to a ranged GET when HEAD is refused with 405', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'HEAD') res.writeHead(405).end();
      else res.end(CSV);
    });
    const result = await fetchResource(server.url(), local({ maxBytes: 4096 }));
    expect(result).toMatchObject({
      outcome: 'ok',
      status: 200,
      method: 'GET',
      headRefused: true,
      headStatus: 405,
    });
    expect(server.requests.map((r) => [r.method, r.headers.range])).toEqual([
      ['HEAD', undefined],
      ['GET', 'bytes=0-4095'],
    ]);
  });

  it('falls back to a ranged GET when HEAD gets the connection reset', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'HEAD') req.socket.destroy();
      else res.end(CSV);
    });
    const result = await fetchResource(server.url(), local());
    expect(result).toMatchObject({ outcome: 'ok', method: 'GET', headRefused: true });
    expect(result.headStatus).toBeUndefined();
  });

  it('does not fall back on 404: an http_error with FETCH_HTTP_STATUS', async () => {
    const server = await serve((_req, res) => res.writeHead(404).end());
    const result = await fetchResource(server.url(), local());
    expect(result).toMatchObject({
      outcome: 'http_error',
      ok: false,
      status: 404,
      error: { code: 'FETCH_HTTP_STATUS' },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('asks again without Range when the range is not satisfiable (an empty file)', async () => {
    const server = await serve((req, res) => {
      if (req.headers.range) res.writeHead(416).end();
      else res.writeHead(200, { 'content-length': '0' }).end();
    });
    const result = await fetchResource(server.url(), local());
    expect(result).toMatchObject({ outcome: 'ok', status: 200, body: { bytes: 0 } });
  });

  it('reports a closed port as FETCH_CONNECT', async () => {
    const server = await serve(() => undefined);
    const url = server.url();
    await server.close();
    const result = await fetchResource(url, local());
    expect(result).toMatchObject({
      outcome: 'failed',
      error: { code: 'FETCH_CONNECT', cause: 'ECONNREFUSED' },
    });
  });

  it.each(['ftp://127.0.0.1/data.csv', 'file:///etc/passwd', 'http://user:secret@127.0.0.1/', 'not a url'])(
    'refuses %s with FETCH_BAD_URL',
    async (url) => {
      const result = await fetchResource(url, local());
      expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_BAD_URL' } });
    },
  );
});

describe('fetchResource: redirects', () => {
  it('follows a chain, resolving a relative Location, and records every hop', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/a') res.writeHead(301, { location: 'b?x=1' }).end();
      else if (req.url === '/b?x=1')
        res.writeHead(302, { location: `http://127.0.0.1:${server.port}/c` }).end();
      else res.end('done');
    });
    const result = await fetchResource(server.url('/a'), local());
    expect(result).toMatchObject({ outcome: 'ok', finalUrl: server.url('/c'), downgraded: false });
    expect(result.redirects).toEqual([
      { method: 'HEAD', url: server.url('/a'), status: 301, location: 'b?x=1' },
      { method: 'HEAD', url: server.url('/b?x=1'), status: 302, location: server.url('/c') },
    ]);
    expect(result.body?.buffer?.toString()).toBe('done');
  });

  it('detects a loop', async () => {
    const server = await serve((req, res) =>
      res.writeHead(302, { location: req.url === '/x' ? '/y' : '/x' }).end(),
    );
    const result = await fetchResource(server.url('/x'), local());
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_REDIRECT_LOOP' } });
    expect(server.requests).toHaveLength(2);
  });

  it('follows 5 redirects but not 6', async () => {
    const server = await serve((req, res) => {
      const n = Number(req.url!.slice(1));
      if (n > 0) res.writeHead(307, { location: `/${n - 1}` }).end();
      else res.end('ok');
    });
    expect(await fetchResource(server.url('/5'), local({ readBody: false }))).toMatchObject({
      outcome: 'ok',
    });
    const tooMany = await fetchResource(server.url('/6'), local({ readBody: false }));
    expect(tooMany).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_TOO_MANY_REDIRECTS' } });
    expect(tooMany.redirects).toHaveLength(6);
    expect(server.requests.filter((r) => r.url === '/0')).toHaveLength(1); // only the first run got there
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const server = await serve((_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    const result = await fetchResource(server.url(), local());
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_BAD_URL' } });
  });
});

describe('fetchResource: timeouts', () => {
  it('gives up on a server that never answers (headers timeout)', async () => {
    const server = await serve(() => undefined);
    const result = await fetchResource(server.url(), local({ timeouts: { headersMs: 200 } }));
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_TIMEOUT', phase: 'headers' } });
  });

  it('gives up on a body that stalls (idle timeout) and keeps no partial file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'odp-fetch-'));
    try {
      const server = await serve((req, res) => {
        res.writeHead(200, { 'content-length': '1000' });
        if (req.method === 'GET') res.write('a few bytes, then nothing');
        else res.end();
      });
      const result = await fetchResource(server.url(), local({ directory, timeouts: { idleMs: 200 } }));
      expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_TIMEOUT', phase: 'idle' } });
      expect(result.body).toBeUndefined();
      const { readdir } = await import('node:fs/promises');
      expect(await readdir(directory)).toEqual([]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('stops a slow drip that never stalls at the total deadline', async () => {
    const timers: NodeJS.Timeout[] = [];
    const server = await serve((req, res) => {
      res.writeHead(200);
      if (req.method === 'HEAD') return res.end();
      timers.push(setInterval(() => res.write('x'), 50));
    });
    try {
      const result = await fetchResource(server.url(), local({ timeouts: { idleMs: 300, totalMs: 700 } }));
      expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_TIMEOUT', phase: 'total' } });
    } finally {
      timers.forEach(clearInterval);
    }
  });

  it('times out while connecting when name resolution never ends', async () => {
    const result = await fetchResource('http://slow-dns.example/', {
      ...local({ allow: ['slow-dns.example'] }),
      resolver: () => new Promise(() => undefined),
      timeouts: { connectMs: 200, totalMs: 2000 },
    });
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_TIMEOUT', phase: 'connect' } });
  });

  it('reports an unresolvable name as FETCH_DNS', async () => {
    const result = await fetchResource('http://nowhere.example/', local({ allow: ['nowhere.example'] }));
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_DNS' } });
  });

  it('stops when the caller aborts', async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await fetchResource(server.url(), local({ signal: controller.signal }));
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_ABORTED' } });
  });
});

describe('fetchResource: byte budget and decoding', () => {
  const big = Buffer.alloc(1024 * 1024, 'a');

  it('stops reading at the budget and marks the body truncated (server ignores Range)', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-length': String(big.length) });
      res.end(req.method === 'GET' ? big : undefined);
    });
    const result = await fetchResource(server.url(), local({ maxBytes: 65536 }));
    expect(result).toMatchObject({
      outcome: 'ok',
      status: 200,
      truncated: true,
      body: { bytes: 65536, truncated: true },
    });
    expect(result.body?.sha256).toBe(sha256(big.subarray(0, 65536)));
  });

  it('marks a partial 206 answer truncated (server honours Range)', async () => {
    const server = await serve((req, res) => {
      const match = /bytes=0-(\d+)/.exec(req.headers.range ?? '');
      if (req.method === 'GET' && match) {
        const end = Number(match[1]);
        res.writeHead(206, { 'content-range': `bytes 0-${end}/${big.length}` });
        res.end(big.subarray(0, end + 1));
      } else res.end();
    });
    const result = await fetchResource(server.url(), local({ maxBytes: 1000 }));
    expect(result).toMatchObject({ outcome: 'ok', status: 206, truncated: true, body: { bytes: 1000 } });
    expect(result.headers.contentRange).toBe(`bytes 0-999/${big.length}`);
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateRawSync],
  ] as const)('decodes a %s body transparently', async (coding, compress) => {
    const text = CSV.repeat(2000);
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-encoding': coding });
      res.end(req.method === 'GET' ? compress(Buffer.from(text)) : undefined);
    });
    const result = await fetchResource(server.url(), local());
    expect(server.requests[1]!.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(result.body).toMatchObject({
      bytes: Buffer.byteLength(text),
      sha256: sha256(text),
      decoded: coding,
      truncated: false,
    });
    expect(result.body!.wireBytes).toBeLessThan(result.body!.bytes);
  });

  it('caps the decompressed size of a gzip bomb', async () => {
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(req.method === 'GET' ? bomb : undefined);
    });
    const result = await fetchResource(server.url(), local({ maxBytes: 1024 * 1024 }));
    expect(result).toMatchObject({ outcome: 'ok', truncated: true, body: { bytes: 1024 * 1024 } });
  });

  it('reports a corrupt gzip body as FETCH_DECODE', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(req.method === 'GET' ? Buffer.from('this is not gzip at all') : undefined);
    });
    const result = await fetchResource(server.url(), local());
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_DECODE' } });
  });
});

describe('fetchResource: conditional re-fetch', () => {
  it('sends the previous validators and reports not_modified on 304', async () => {
    const server = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, { etag: '"v1"' }).end(CSV);
    });
    const first = await fetchResource(server.url(), local());
    const again = await fetchResource(
      server.url(),
      local({ previous: { etag: first.headers.etag, lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' } }),
    );
    expect(again).toMatchObject({ outcome: 'not_modified', ok: true, status: 304, method: 'HEAD' });
    expect(again.body).toBeUndefined();
    expect(server.requests.at(-1)!.headers['if-modified-since']).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    expect(server.requests).toHaveLength(3); // HEAD + GET, then one conditional HEAD
  });

  it('drops a stored validator that cannot be sent as a header', async () => {
    const server = await serve((_req, res) => res.end(CSV));
    const result = await fetchResource(server.url(), local({ previous: { etag: '"v1"\r\nx-evil: 1' } }));
    expect(result).toMatchObject({ outcome: 'ok', status: 200 });
    expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(server.requests[0]!.headers['x-evil']).toBeUndefined();
  });
});

describe('fetchResource: headFirst false', () => {
  it('sends one ranged GET and no HEAD, and still follows redirects and reads the body', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { Location: '/data.csv' });
        return res.end();
      }
      res.writeHead(206, { 'Content-Type': 'text/csv', 'Content-Range': 'bytes 0-6/7' });
      res.end('a,b\n1,2');
    });
    const result = await fetchResource(server.url('/moved'), local({ headFirst: false }));
    expect(result).toMatchObject({ outcome: 'ok', method: 'GET', status: 206, body: { bytes: 7 } });
    expect(result.redirects).toHaveLength(1);
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.headers.range ?? ''}`)).toEqual([
      `GET /moved bytes=0-${20 * 1024 * 1024 - 1}`,
      `GET /data.csv bytes=0-${20 * 1024 * 1024 - 1}`,
    ]);
  });
});
