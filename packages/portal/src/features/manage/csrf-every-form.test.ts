import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { createTestAccount } from '../../test/accounts-fixture.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createSession, SESSION_COOKIE } from '../accounts/session.repo.ts';

/**
 * Every form post of the site — every route outside the API that takes anything but
 * GET/HEAD, in both languages — refuses a request without the CSRF token, signed in or
 * not, before it reads or changes anything. Routes added later are covered without
 * touching this test.
 */

let t: TestDatabase;
let app: FastifyInstance;
const routes: RouteOptions[] = [];
let cookie = '';

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildTestApp(t, {}, { onRoute: (route) => routes.push(route) });
  const account = await createTestAccount(t.db, { platformAdmin: true });
  const { cookieValue } = await createSession(t.db, account.userId, '127.0.0.1');
  cookie = `${SESSION_COOKIE}=${cookieValue}`;
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

function formPosts(): { method: string; url: string }[] {
  const posts: { method: string; url: string }[] = [];
  for (const route of routes) {
    if (route.url.startsWith('/api/') || route.url.startsWith('/en/api/')) continue;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
      (m) => !['GET', 'HEAD', 'OPTIONS'].includes(m),
    );
    const url = route.url.replace(/:datasetId|:id|:organizationId/g, '1').replace(/:[A-Za-z]+/g, '1');
    for (const method of methods) posts.push({ method, url });
  }
  return posts;
}

describe(`CSRF on every form post (${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('finds the site’s forms (sign-in, registration, back office) in both languages', () => {
    const urls = formPosts().map((p) => p.url);
    for (const url of ['/login', '/logout', '/register', '/en/login', '/manage/datasets/new']) {
      expect(urls, url).toContain(url);
    }
    expect(urls.length).toBeGreaterThan(20);
  });

  it('refuses each without the token (403 CSRF_INVALID), signed in or not, with a wrong token too', async () => {
    const before = await t.db
      .selectFrom('auditLog')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirst();
    for (const { method, url } of formPosts()) {
      for (const headers of [{}, { cookie }, { cookie, 'x-csrf-token': 'not-the-token' }]) {
        const res = await app.inject({
          method: method as 'POST',
          url,
          headers: {
            ...headers,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          payload: '_csrf=wrong&title=x',
        });
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(Object.keys(headers))}`).toBe(403);
        // Pages answer with the HTML error page, which names the code too.
        const code = String(res.headers['content-type']).startsWith('application/json')
          ? (res.json() as { error: { code: string } }).error.code
          : /<code>([A-Z_]+)<\/code>/.exec(res.body)?.[1];
        expect(code, `${method} ${url}`).toBe('CSRF_INVALID');
      }
    }
    const after = await t.db
      .selectFrom('auditLog')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });
});
