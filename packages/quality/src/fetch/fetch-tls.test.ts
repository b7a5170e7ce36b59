import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchResource, type FetchResourceOptions } from './fetch-resource.ts';
import { HostLimiter } from './host-limiter.ts';
import { startLocalServer, stubResolver, type LocalServer } from './local-test-server.ts';

/** A throwaway self-signed certificate for 127.0.0.1, made with the openssl command when present. */
function makeCertificate(): { key: string; cert: string } | undefined {
  const directory = mkdtempSync(join(tmpdir(), 'odp-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(directory, 'key.pem'),
        '-out',
        join(directory, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore', timeout: 10_000 },
    );
    return {
      key: readFileSync(join(directory, 'key.pem'), 'utf8'),
      cert: readFileSync(join(directory, 'cert.pem'), 'utf8'),
    };
  } catch {
    return undefined;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const certificate = makeCertificate();
let secure: Server;
let plain: LocalServer;
let port = 0;

const local = (extra: FetchResourceOptions = {}): FetchResourceOptions => ({
  allow: ['127.0.0.1'],
  resolver: stubResolver({}),
  limiter: new HostLimiter({ maxConcurrent: 4, minDelayMs: 0 }),
  timeouts: { connectMs: 1000, headersMs: 500, idleMs: 500, totalMs: 3000 },
  ...extra,
});

describe.skipIf(!certificate)('fetchResource over https', () => {
  beforeAll(async () => {
    plain = await startLocalServer((_req, res) => res.end('plain'));
    secure = createServer({ key: certificate!.key, cert: certificate!.cert }, (req, res) => {
      if (req.url === '/down') res.writeHead(302, { location: plain.url('/') }).end();
      else res.end('secure');
    });
    secure.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    port = (secure.address() as AddressInfo).port;
  });

  afterAll(async () => {
    secure?.closeAllConnections();
    await new Promise((resolve) => secure?.close(resolve));
    await plain?.close();
  });

  it('reports an untrusted certificate as FETCH_TLS with the TLS error', async () => {
    const result = await fetchResource(`https://127.0.0.1:${port}/`, local());
    expect(result).toMatchObject({
      outcome: 'failed',
      error: { code: 'FETCH_TLS' },
      tlsError: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
  });

  it('trusts an extra CA when given one', async () => {
    const result = await fetchResource(`https://127.0.0.1:${port}/`, local({ ca: certificate!.cert }));
    expect(result).toMatchObject({ outcome: 'ok', status: 200 });
    expect(result.tlsError).toBeUndefined();
    expect(result.timings.tlsMs).toBeTypeOf('number');
    expect(result.body?.buffer?.toString()).toBe('secure');
  });

  it('notes a redirect from https down to http', async () => {
    const result = await fetchResource(`https://127.0.0.1:${port}/down`, local({ ca: certificate!.cert }));
    expect(result).toMatchObject({ outcome: 'ok', downgraded: true, finalUrl: plain.url('/') });
  });
});
