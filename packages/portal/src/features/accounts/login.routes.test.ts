import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { FormClient, readOutbox } from '../../test/form-client.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listAudit } from './audit.repo.ts';
import { outboxDir } from './mailer.ts';
import { hashPassword } from './password.ts';
import { SESSION_COOKIE } from './session.repo.ts';
import { createUser, findUser, updateUser } from './user.repo.ts';

/*
 * Signing in with a password (docs/accounts.md#signing-in): the session cookie and the
 * redirect, the one message for every failure, the lockout, the rate limit, CSRF.
 */

const PASSWORD = 'correct horse battery staple';
let db: TestDatabase;
let app: FastifyInstance;
let dataDir: string;
let address = 0;

/** A browser from its own address, so rate limits of one test do not reach another. */
function browser(): FormClient {
  address += 1;
  return new FormClient(app, `10.0.0.${address}`);
}

async function person(email: string, options: { verified?: boolean } = {}): Promise<number> {
  return createUser(db.db, {
    email,
    displayName: '王小明',
    passwordHash: await hashPassword(PASSWORD),
    emailVerified: options.verified ?? true,
  });
}

async function signIn(client: FormClient, email: string, password: string, next = '/datasets?q=雨量') {
  await client.get(`/login?next=${encodeURIComponent(next)}`);
  return client.post('/login', { email, password, next });
}

beforeAll(async () => {
  db = await openTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'odp-login-'));
  app = await buildTestApp(db, { dataDir });
  await person('ming@example.gov.tw');
});

afterAll(async () => {
  await app.close();
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /login', () => {
  it('shows the form with its CSRF field and no OIDC button when no provider is set up', async () => {
    const client = browser();
    const res = await client.get('/login');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/<input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}"/);
    expect(res.body).toContain('autocomplete="current-password"');
    expect(res.body).not.toContain('/login/oidc');
    const english = await client.get('/en/login');
    expect(english.body).toContain('Sign in');
  });

  it('is linked from the public pages’ header', async () => {
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('href="/login"');
    const english = await app.inject({ method: 'GET', url: '/en' });
    expect(english.body).toContain('href="/en/login"');
  });
});

describe('POST /login', () => {
  it('signs in: 303 to next with an HttpOnly session cookie, and an audit row', async () => {
    const client = browser();
    const res = await signIn(client, 'Ming@Example.gov.tw', PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/datasets?q=%E9%9B%A8%E9%87%8F');
    expect(res.headers['set-cookie']?.toString()).toMatch(
      new RegExp(`${SESSION_COOKIE}=[^;]+;.*HttpOnly`, 'i'),
    );
    expect(client.cookies.has(SESSION_COOKIE)).toBe(true);
    const account = await client.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('王小明');
    const again = await client.get('/login');
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/manage');
    const user = await findUser(db.db, { email: 'ming@example.gov.tw' });
    const audit = await listAudit(db.db, { limit: 50 });
    expect(audit.find((a) => a.action === 'account.sign-in' && a.actorId === String(user?.id))).toMatchObject(
      {
        actorKind: 'user',
        ip: '10.0.0.' + address,
        detail: { method: 'password' },
      },
    );
  });

  it.each([
    ['//evil.example/x', '/manage'],
    ['https://evil.example/', '/manage'],
    ['/\\evil.example', '/manage'],
    ['/\\/evil.example', '/manage'],
    ['javascript:alert(1)', '/manage'],
    ['/manage/datasets?page=2', '/manage/datasets?page=2'],
  ])('follows next=%s only when it is a path on this site', async (next, location) => {
    const res = await signIn(browser(), 'ming@example.gov.tw', PASSWORD, next);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(location);
  });

  it('sends English pages to /en/manage by default', async () => {
    const client = browser();
    await client.get('/en/login');
    const res = await client.post('/en/login', {
      email: 'ming@example.gov.tw',
      password: PASSWORD,
      next: '//evil',
    });
    expect(res.headers.location).toBe('/en/manage');
  });

  it('answers a wrong password and an unknown address alike, without a session', async () => {
    const client = browser();
    const wrong = await signIn(client, 'ming@example.gov.tw', 'not the password at all');
    const unknown = await signIn(client, 'nobody@example.gov.tw', 'not the password at all');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('電子郵件或密碼不正確。');
      expect(res.body).not.toContain('鎖定');
    }
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    const audit = await listAudit(db.db, { limit: 50 });
    expect(audit.filter((a) => a.action === 'account.sign-in-failed').map((a) => a.detail)).toEqual(
      expect.arrayContaining([
        { method: 'password', reason: 'failed', email: 'nobody@example.gov.tw' },
        { method: 'password', reason: 'failed' },
      ]),
    );
    await updateUser(db.db, (await findUser(db.db, { email: 'ming@example.gov.tw' }))!.id, {
      failedLogins: 0,
    });
  });

  it('locks the account after 5 failures in a row, even for the right password, until the lock ends', async () => {
    const id = await person('locked@example.gov.tw');
    const client = browser();
    for (let i = 1; i <= 4; i++) {
      const res = await signIn(client, 'locked@example.gov.tw', `wrong password ${i}`);
      expect(res.body).not.toContain('15 分鐘');
    }
    const fifth = await signIn(client, 'locked@example.gov.tw', 'wrong password 5');
    expect(fifth.statusCode).toBe(401);
    expect(fifth.body).toContain('電子郵件或密碼不正確。');
    expect(fifth.body).toContain('請 15 分鐘後再試');
    const locked = await findUser(db.db, { id });
    expect(locked?.lockedUntil).not.toBeNull();
    const right = await signIn(client, 'locked@example.gov.tw', PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.body).toContain('請 15 分鐘後再試');
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    // The 15 minutes are over.
    await updateUser(db.db, id, { lockedUntil: new Date(Date.now() - 1000).toISOString() });
    const after = await signIn(client, 'locked@example.gov.tw', PASSWORD);
    expect(after.statusCode).toBe(303);
    expect((await findUser(db.db, { id }))?.failedLogins).toBe(0);
  });

  it('does not sign in an unverified account, and sends its verification link again', async () => {
    await person('new@example.gov.tw', { verified: false });
    const res = await signIn(browser(), 'new@example.gov.tw', PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('尚未驗證');
    const mail = readOutbox(outboxDir(dataDir)).filter((m) => m.to === 'new@example.gov.tw');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain('/verify-email?token=');
  });

  it('refuses a post without the CSRF token (403 CSRF_INVALID) and takes it with the token', async () => {
    const client = browser();
    await client.get('/login');
    const without = await client.post(
      '/login',
      { email: 'ming@example.gov.tw', password: PASSWORD },
      { csrf: false },
    );
    expect(without.statusCode).toBe(403);
    expect(without.body).toContain('CSRF_INVALID');
    const forged = await client.post(
      '/login',
      { email: 'ming@example.gov.tw', password: PASSWORD, _csrf: 'x'.repeat(43) },
      { csrf: false },
    );
    expect(forged.statusCode).toBe(403);
    const withToken = await client.post('/login', { email: 'ming@example.gov.tw', password: PASSWORD });
    expect(withToken.statusCode).toBe(303);
  });

  it('limits sign-in posts to 10 a minute from one address, both languages together (429 RATE_LIMITED)', async () => {
    const client = browser();
    const other = browser();
    await client.get('/login');
    for (let i = 0; i < 5; i++)
      await client.post('/login', { email: 'nobody@example.gov.tw', password: 'x' });
    for (let i = 0; i < 5; i++)
      await client.post('/en/login', { email: 'nobody@example.gov.tw', password: 'x' });
    const limited = await client.post('/en/login', { email: 'ming@example.gov.tw', password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['content-type']).toContain('text/html');
    expect(limited.body).toContain('RATE_LIMITED');
    await other.get('/login');
    expect(
      (await other.post('/login', { email: 'ming@example.gov.tw', password: PASSWORD })).statusCode,
    ).toBe(303);
  });
});
