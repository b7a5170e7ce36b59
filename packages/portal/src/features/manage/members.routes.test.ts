import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { createTestAccount, type TestAccount } from '../../test/accounts-fixture.ts';
import { organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { rolesOf } from '../accounts/user.repo.ts';
import { getAs, postForm, signIn, type TestSession } from './manage.fixtures.ts';

const DIALECT = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

let t: TestDatabase;
let app: FastifyInstance;
let org: number;
let adminAccount: TestAccount;
let admin: TestSession;
let editor: TestSession;
let newcomer: TestAccount;

beforeAll(async () => {
  t = await openTestDatabase();
  const [row] = await t.db
    .insertInto('organizations')
    .values(organizationRow({ agencyCode: 'A41000000G', nameZh: '交通部中央氣象署' }))
    .returning('id')
    .execute();
  org = Number(row!.id);
  adminAccount = await createTestAccount(t.db, { roles: [[org, 'admin']] });
  admin = await signIn(t.db, adminAccount.userId);
  editor = await signIn(t.db, (await createTestAccount(t.db, { roles: [[org, 'editor']] })).userId);
  newcomer = await createTestAccount(t.db);
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const base = () => `/manage/organizations/${org}/members`;

async function audit(): Promise<string[]> {
  const rows = await t.db
    .selectFrom('auditLog')
    .select(['action', 'targetId', 'actorLabel'])
    .where('action', 'like', 'organization.member.%')
    .orderBy('id')
    .execute();
  return rows.map((r) => `${r.action} ${r.targetId} ${r.actorLabel}`);
}

describe(`member management on ${DIALECT}`, () => {
  it('is for the organisation administrators: 200, 403 for an editor, sign-in for nobody', async () => {
    const page = await getAs(app, base(), admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(adminAccount.email);
    expect((await getAs(app, base(), editor)).statusCode).toBe(403);
    expect((await getAs(app, base())).statusCode).toBe(303);
    expect((await postForm(app, base(), editor, { email: newcomer.email, role: 'member' })).statusCode).toBe(
      403,
    );
    expect(
      (await postForm(app, base(), admin, { email: newcomer.email, role: 'member' }, { csrf: false }))
        .statusCode,
    ).toBe(403);
  });

  it('adds an existing account by e-mail, changes the role, removes it, with audit rows', async () => {
    const added = await postForm(app, base(), admin, { email: newcomer.email.toUpperCase(), role: 'member' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${base()}?notice=added`);
    expect((await rolesOf(t.db, newcomer.userId)).get(org)).toBe('member');
    expect((await getAs(app, added.headers.location as string, admin)).body).toContain('已加入成員。');

    const changed = await postForm(app, `${base()}/${newcomer.userId}`, admin, { role: 'editor' });
    expect(changed.headers.location).toBe(`${base()}?notice=changed`);
    expect((await rolesOf(t.db, newcomer.userId)).get(org)).toBe('editor');

    const removed = await postForm(app, `${base()}/${newcomer.userId}/remove`, admin, {});
    expect(removed.headers.location).toBe(`${base()}?notice=removed`);
    expect((await rolesOf(t.db, newcomer.userId)).has(org)).toBe(false);

    const by = `user:${adminAccount.email}`;
    expect(await audit()).toEqual([
      `organization.member.add ${newcomer.userId} ${by}`,
      `organization.member.role ${newcomer.userId} ${by}`,
      `organization.member.remove ${newcomer.userId} ${by}`,
    ]);
  });

  it('says so next to the field when no account has the e-mail, or it is a member already', async () => {
    const unknown = await postForm(app, base(), admin, { email: 'nobody@example.gov.tw', role: 'member' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('id="field-email-error"');
    expect(unknown.body).toContain('找不到使用此電子郵件的帳號。');
    expect(unknown.body).toContain('aria-invalid="true"');
    const twice = await postForm(app, base(), admin, { email: adminAccount.email, role: 'member' });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('此帳號已是機關成員');
  });

  it('keeps at least one administrator', async () => {
    const res = await postForm(app, `${base()}/${adminAccount.userId}`, admin, { role: 'editor' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('機關至少須保留一位管理者。');
    expect((await rolesOf(t.db, adminAccount.userId)).get(org)).toBe('admin');
  });
});
