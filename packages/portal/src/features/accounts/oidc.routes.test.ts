import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { FormClient } from '../../test/form-client.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listAudit } from './audit.repo.ts';
import { OIDC_COOKIE } from './oidc.routes.ts';
import { SESSION_COOKIE } from './session.repo.ts';
import { createUser, findUser } from './user.repo.ts';

/*
 * OpenID Connect sign-in end to end against a real provider (oidc-provider) listening
 * on 127.0.0.1: the portal's redirect, the provider's own login and consent pages
 * driven over HTTP with a cookie jar, the callback, and who the portal decides it is.
 * The provider's test accounts: the login typed on its page is the subject; the e-mail
 * is `<subject>@example.org`, verified unless the subject starts with "unverified".
 */

const PUBLIC_URL = 'http://portal.test';
const CALLBACK = `${PUBLIC_URL}/login/oidc/callback`;
let server: Server;
let issuer: string;
let db: TestDatabase;
let app: FastifyInstance;

async function startProvider(): Promise<void> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'odp-portal',
        client_secret: 'a client secret for the tests',
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({
        sub,
        email: `${sub}@example.org`,
        email_verified: !sub.startsWith('unverified'),
        name: `Person ${sub}`,
      }),
    }),
    cookies: { keys: ['a cookie signing key for the tests'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
  });
  handler = provider.callback();
}

/** Plays the person at the provider: signs in as `login`, consents, returns the callback URL. */
async function atProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
      signal: AbortSignal.timeout(5000),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (next.startsWith(CALLBACK)) return next;
      [url, method, body] = [next, 'GET', undefined];
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt)
      throw new Error(`Unexpected provider page (${res.status}): ${html.slice(0, 500)}`);
    url = new URL(action, url).href;
    method = 'POST';
    body = new URLSearchParams(
      prompt === 'login' ? { prompt, login, password: 'any' } : { prompt },
    ).toString();
  }
  throw new Error('The provider never sent the browser back');
}

/** Signs in through the provider as `login`; returns the portal's last answer. */
async function oidcSignIn(client: FormClient, login: string, start = '/login/oidc?next=%2Faccount') {
  const begin = await client.get(start);
  expect(begin.statusCode).toBe(303);
  const callback = new URL(await atProvider(String(begin.headers.location), login));
  return client.get(`${callback.pathname}${callback.search}`);
}

beforeAll(async () => {
  await startProvider();
  db = await openTestDatabase();
  app = await buildTestApp(db, {
    publicUrl: PUBLIC_URL,
    oidc: { issuer, clientId: 'odp-portal', clientSecret: 'a client secret for the tests', name: 'Test ID' },
  });
});

afterAll(async () => {
  await app.close();
  await db.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('OpenID Connect sign-in', () => {
  it('shows the provider button on the sign-in page', async () => {
    const page = await new FormClient(app).get('/login?next=%2Faccount');
    expect(page.body).toContain('以 Test ID 登入');
    expect(page.body).toContain('href="/login/oidc?next=%2Faccount"');
  });

  it('sends the browser to the provider with PKCE, state and nonce kept in an HttpOnly cookie', async () => {
    const client = new FormClient(app);
    const res = await client.get('/login/oidc');
    const location = new URL(String(res.headers.location));
    expect(location.origin).toBe(issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('redirect_uri')).toBe(CALLBACK);
    for (const p of ['code_challenge', 'state', 'nonce']) expect(location.searchParams.get(p)).toBeTruthy();
    expect(res.headers['set-cookie']?.toString()).toMatch(new RegExp(`${OIDC_COOKIE}=.*HttpOnly`, 'i'));
  });

  it('creates a registered citizen on the first sign-in and finds the same account afterwards', async () => {
    const client = new FormClient(app);
    const done = await oidcSignIn(client, 'alice');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account');
    expect(client.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(client.cookies.has(OIDC_COOKIE)).toBe(false);
    const account = await client.get('/account');
    expect(account.body).toContain('Person alice');
    const user = await findUser(db.db, { oidcIssuer: issuer, oidcSubject: 'alice' });
    expect(user).toMatchObject({ email: 'alice@example.org', passwordHash: null, platformAdmin: false });
    expect(user?.emailVerifiedAt).not.toBeNull();

    const again = new FormClient(app);
    expect((await oidcSignIn(again, 'alice')).statusCode).toBe(303);
    const count = await db.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', 'alice@example.org')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const actions = (await listAudit(db.db, { limit: 50 }))
      .filter((a) => a.actorId === String(user?.id))
      .map((a) => a.action);
    expect(actions.filter((a) => a === 'account.sign-in')).toHaveLength(2);
    expect(actions).toContain('account.registered');
  });

  it('links an existing account by a verified e-mail address', async () => {
    const id = await createUser(db.db, {
      email: 'bob@example.org',
      displayName: 'Bob Local',
      passwordHash: null,
      emailVerified: true,
    });
    const client = new FormClient(app);
    const done = await oidcSignIn(client, 'bob', '/en/login/oidc');
    expect(done.headers.location).toBe('/en/manage');
    expect((await findUser(db.db, { oidcIssuer: issuer, oidcSubject: 'bob' }))?.id).toBe(id);
  });

  it('never hands an existing account to an unverified address', async () => {
    await createUser(db.db, {
      email: 'unverified-carol@example.org',
      displayName: 'Carol',
      passwordHash: null,
      emailVerified: true,
    });
    const client = new FormClient(app);
    const done = await oidcSignIn(client, 'unverified-carol');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/login?oidc=email-taken');
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await client.get('/login?oidc=email-taken')).body).toContain('已有帳號使用這個電子郵件');
  });

  it('refuses a callback whose state does not match, or without the flow cookie', async () => {
    const client = new FormClient(app);
    const begin = await client.get('/login/oidc');
    const callback = new URL(await atProvider(String(begin.headers.location), 'dave'));
    callback.searchParams.set('state', 'forged-state');
    const forged = await client.get(`${callback.pathname}${callback.search}`);
    expect(forged.headers.location).toBe('/login?oidc=failed');
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    const noCookie = await new FormClient(app).get(`${callback.pathname}${callback.search}`);
    expect(noCookie.headers.location).toBe('/login?oidc=failed');
    expect(await findUser(db.db, { oidcIssuer: issuer, oidcSubject: 'dave' })).toBeUndefined();
  });
});

describe('without a provider configured', () => {
  it('has no OIDC routes', async () => {
    const plain = await buildTestApp(db);
    try {
      expect((await plain.inject({ method: 'GET', url: '/login/oidc' })).statusCode).toBe(404);
      expect((await plain.inject({ method: 'GET', url: '/login/oidc/callback?code=x' })).statusCode).toBe(
        404,
      );
    } finally {
      await plain.close();
    }
  });
});
