import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { FormClient, linkIn, readOutbox } from '../../test/form-client.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listAudit } from './audit.repo.ts';
import { outboxDir } from './mailer.ts';
import { hashPassword } from './password.ts';
import { SESSION_COOKIE } from './session.repo.ts';
import { createUser, findUser, setMembership } from './user.repo.ts';

/*
 * Registration and address verification, forgotten passwords, and /account, through the
 * pages and the e-mail outbox as a person would (docs/accounts.md#signing-in).
 */

let db: TestDatabase;
let app: FastifyInstance;
let dataDir: string;
let address = 0;

function browser(): FormClient {
  address += 1;
  return new FormClient(app, `10.1.0.${address}`);
}

function mailTo(email: string) {
  return readOutbox(outboxDir(dataDir)).filter((m) => m.to.includes(email));
}

async function signIn(client: FormClient, email: string, password: string) {
  await client.get('/login');
  return client.post('/login', { email, password });
}

beforeAll(async () => {
  db = await openTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'odp-accounts-'));
  app = await buildTestApp(db, { dataDir, publicUrl: 'https://data.example.gov.tw' });
});

afterAll(async () => {
  await app.close();
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('registration', () => {
  it('registers, e-mails a link that verifies the address once, then the account can sign in', async () => {
    const client = browser();
    const form = await client.get('/register');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="_csrf"');
    const withoutToken = await client.post(
      '/register',
      { displayName: '陳大文', email: 'wen@example.com', password: 'a long enough password' },
      { csrf: false },
    );
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.body).toContain('CSRF_INVALID');
    expect(await findUser(db.db, { email: 'wen@example.com' })).toBeUndefined();

    const res = await client.post('/register', {
      displayName: '陳大文',
      email: 'Wen@Example.com',
      password: 'a long enough password',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('wen@example.com');
    const user = await findUser(db.db, { email: 'wen@example.com' });
    expect(user).toMatchObject({ displayName: '陳大文', emailVerifiedAt: null, platformAdmin: false });
    expect((await signIn(browser(), 'wen@example.com', 'a long enough password')).statusCode).toBe(401);

    const mail = mailTo('wen@example.com');
    expect(mail).toHaveLength(2); // the registration's, and the one sent again by the refused sign-in
    expect(mail[0]?.raw).toMatch(/^Subject: /m);
    const link = linkIn(mail[0]?.text ?? '', '/verify-email');
    expect(mail[0]?.text).toContain('https://data.example.gov.tw/verify-email?token=');
    const verified = await client.get(link);
    expect(verified.statusCode).toBe(200);
    expect((await findUser(db.db, { email: 'wen@example.com' }))?.emailVerifiedAt).not.toBeNull();
    expect((await client.get(link)).statusCode).toBe(400);
    expect((await client.get('/verify-email?token=made-up')).statusCode).toBe(400);

    expect((await signIn(browser(), 'wen@example.com', 'a long enough password')).statusCode).toBe(303);
    const actions = (await listAudit(db.db, { limit: 100 }))
      .filter((a) => a.actorId === String(user?.id))
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['account.registered', 'account.email-verified', 'account.sign-in']),
    );
  });

  it('answers the same for an address that has an account, and tells its owner by e-mail', async () => {
    await createUser(db.db, {
      email: 'taken@example.com',
      displayName: '原本的人',
      passwordHash: null,
      emailVerified: true,
    });
    const client = browser();
    await client.get('/register');
    const res = await client.post('/register', {
      displayName: '別人',
      email: 'taken@example.com',
      password: 'another long password',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('taken@example.com');
    expect((await findUser(db.db, { email: 'taken@example.com' }))?.displayName).toBe('原本的人');
    const mail = mailTo('taken@example.com');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain('/password/forgot');
    expect(mail[0]?.text).not.toContain('token=');
  });

  it('shows each field’s problem', async () => {
    const client = browser();
    await client.get('/en/register');
    const res = await client.post('/en/register', {
      displayName: '',
      email: 'not-an-address',
      password: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Required.');
    expect(res.body).toContain('Enter a valid e-mail address.');
    expect(res.body).toContain('at least 12 characters');
    expect(res.body).toContain('aria-invalid="true"');
  });
});

describe('forgotten password', () => {
  it('answers the same whether the address has an account; the reset link ends every session', async () => {
    const id = await createUser(db.db, {
      email: 'reset@example.com',
      displayName: '林美玲',
      passwordHash: await hashPassword('the old password!'),
      emailVerified: true,
    });
    const laptop = browser();
    const phone = browser();
    expect((await signIn(laptop, 'reset@example.com', 'the old password!')).statusCode).toBe(303);
    expect((await signIn(phone, 'reset@example.com', 'the old password!')).statusCode).toBe(303);

    const client = browser();
    await client.get('/password/forgot');
    const withoutToken = await client.post(
      '/password/forgot',
      { email: 'reset@example.com' },
      { csrf: false },
    );
    expect(withoutToken.statusCode).toBe(403);
    expect(mailTo('reset@example.com')).toHaveLength(0);
    const unknown = await client.post('/password/forgot', { email: 'nobody@example.com' });
    const known = await client.post('/password/forgot', { email: 'reset@example.com' });
    expect(known.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    expect(mailTo('nobody@example.com')).toHaveLength(0);
    const mail = mailTo('reset@example.com');
    expect(mail).toHaveLength(1);
    const link = linkIn(mail[0]?.text ?? '', '/password/reset');

    const form = await client.get(link);
    expect(form.statusCode).toBe(200);
    const token = new URL(link, 'https://x').searchParams.get('token') ?? '';
    expect(form.body).toContain(`name="token" value="${token}"`);
    const noCsrf = await client.post(
      '/password/reset',
      { token, password: 'a brand new password' },
      { csrf: false },
    );
    expect(noCsrf.statusCode).toBe(403);
    const short = await client.post('/password/reset', { token, password: 'short' });
    expect(short.statusCode).toBe(400);
    const done = await client.post('/password/reset', { token, password: 'a brand new password' });
    expect(done.statusCode).toBe(200);

    for (const device of [laptop, phone]) {
      const page = await device.get('/account');
      expect(page.statusCode).toBe(303);
      expect(page.headers.location).toBe('/login?next=%2Faccount');
    }
    expect(
      (await client.post('/password/reset', { token, password: 'yet another password' })).statusCode,
    ).toBe(400);
    expect((await signIn(browser(), 'reset@example.com', 'the old password!')).statusCode).toBe(401);
    expect((await signIn(browser(), 'reset@example.com', 'a brand new password')).statusCode).toBe(303);
    const audit = await listAudit(db.db, { limit: 100 });
    expect(audit.some((a) => a.action === 'account.password-reset' && a.actorId === String(id))).toBe(true);
  });
});

describe('/account', () => {
  it('sends people who are not signed in to the sign-in page', async () => {
    const res = await browser().get('/en/account');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/login?next=%2Fen%2Faccount');
  });

  it('shows the name escaped, the roles by organisation, and changes the password', async () => {
    const org = await db.db
      .insertInto('organizations')
      .values({
        oid: '2.16.886.101.90001',
        agencyCode: '999990000A',
        nameZh: '測試局',
        nameEn: 'Test Bureau',
        parentId: null,
        level: 'central',
        phone: null,
        address: null,
        dn: null,
        contactName: null,
        contactEmail: null,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = await createUser(db.db, {
      email: 'xss@example.com',
      displayName: '<script>alert(1)</script>',
      passwordHash: await hashPassword('my first password'),
      emailVerified: true,
    });
    await setMembership(db.db, id, Number(org.id), 'editor');
    const other = browser();
    await signIn(other, 'xss@example.com', 'my first password');
    const client = browser();
    await signIn(client, 'xss@example.com', 'my first password');

    const page = await client.get('/account');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page.body).toContain('測試局');
    expect(page.body).toContain('編輯者');
    expect((await client.get('/en/account')).body).toContain('Test Bureau');

    const noCsrf = await client.post(
      '/account/password',
      { currentPassword: 'my first password', newPassword: 'my second password' },
      { csrf: false },
    );
    expect(noCsrf.statusCode).toBe(403);
    const wrong = await client.post('/account/password', {
      currentPassword: 'not it at all',
      newPassword: 'my second password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('目前的密碼不正確。');
    const changed = await client.post('/account/password', {
      currentPassword: 'my first password',
      newPassword: 'my second password',
    });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/account?changed=1');
    expect((await client.get('/account?changed=1')).body).toContain('密碼已變更');
    expect((await other.get('/account')).statusCode).toBe(303);
    expect(other.cookies.has(SESSION_COOKIE)).toBe(true);
    expect((await signIn(browser(), 'xss@example.com', 'my second password')).statusCode).toBe(303);
    const audit = await listAudit(db.db, { limit: 100 });
    expect(audit.some((a) => a.action === 'account.password-changed' && a.actorId === String(id))).toBe(true);
  });
});
