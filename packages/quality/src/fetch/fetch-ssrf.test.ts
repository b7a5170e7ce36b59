import { afterEach, describe, expect, it } from 'vitest';
import { fetchResource, type FetchResourceOptions } from './fetch-resource.ts';
import { HostLimiter } from './host-limiter.ts';
import { localServers, stubResolver } from './local-test-server.ts';

// End to end with the allow-list OFF: every loopback form must be refused before a socket opens,
// so the victim server sees no connection at all. Only 127.0.0.1 is ever listened on.
const serve = localServers(afterEach);

const resolver = stubResolver({
  'rebind.example': ['127.0.0.1'],
  'allowed.example': ['127.0.0.1'],
  'half.example': ['8.8.8.8', '127.0.0.1'],
});

const strict = (extra: FetchResourceOptions = {}): FetchResourceOptions => ({
  resolver,
  limiter: new HostLimiter({ maxConcurrent: 4, minDelayMs: 0 }),
  timeouts: { connectMs: 300, headersMs: 300, idleMs: 300, totalMs: 2000 },
  ...extra,
});

describe('SSRF: refused before connecting', () => {
  it.each([
    (port: number) => `http://127.0.0.1:${port}/`,
    (port: number) => `http://127.0.0.2:${port}/`,
    (port: number) => `http://localhost:${port}/`,
    (port: number) => `http://api.localhost:${port}/`,
    (port: number) => `http://[::1]:${port}/`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/`,
    (port: number) => `http://2130706433:${port}/`,
    (port: number) => `http://0x7f.1:${port}/`,
    (port: number) => `http://0177.0.0.1:${port}/`,
    (port: number) => `http://rebind.example:${port}/`,
    (port: number) => `http://half.example:${port}/`,
  ])('refuses %s', async (build) => {
    const victim = await serve((_req, res) => res.end('secret'));
    const result = await fetchResource(build(victim.port), strict());
    expect(result).toMatchObject({ outcome: 'failed', ok: false, error: { code: 'FETCH_ADDRESS_REFUSED' } });
    expect(result.error?.address?.allowed).toBe(false);
    expect(victim.connections).toBe(0);
    expect(victim.requests).toHaveLength(0);
  });

  it('names the refused address and why', async () => {
    const result = await fetchResource('http://rebind.example/', strict());
    expect(result.error?.address).toMatchObject({ address: '127.0.0.1', reason: 'loopback' });
    expect(result.error?.message).toContain('rebind.example');
  });

  it('refuses 127.0.0.2 even when 127.0.0.1 is allow-listed', async () => {
    const result = await fetchResource('http://127.0.0.2:9/', strict({ allow: ['127.0.0.1'] }));
    expect(result).toMatchObject({
      error: { code: 'FETCH_ADDRESS_REFUSED', address: { reason: 'loopback' } },
    });
  });

  it.each([
    (port: number) => `http://127.0.0.1:${port}/secret`,
    (port: number) => `http://[::1]:${port}/secret`,
    (port: number) => `http://localhost:${port}/secret`,
    (port: number) => `http://rebind.example:${port}/secret`,
  ])('refuses a redirect from an allowed server to %s', async (build) => {
    const victim = await serve((_req, res) => res.end('secret'));
    const front = await serve((_req, res) => res.writeHead(302, { location: build(victim.port) }).end());
    const result = await fetchResource(
      `http://allowed.example:${front.port}/data.csv`,
      strict({ allow: ['allowed.example'] }),
    );
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_ADDRESS_REFUSED' } });
    expect(result.redirects).toHaveLength(1);
    expect(front.requests).toHaveLength(1);
    expect(victim.connections).toBe(0);
  });
});
