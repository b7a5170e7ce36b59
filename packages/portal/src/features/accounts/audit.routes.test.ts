import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import { createTestAccount, type TestAccount } from '../../test/accounts-fixture.ts';
import { organizationRow } from '../../test/factories.ts';
import { signIn } from '../../test/session-fixture.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { insertOrganization } from '../organizations/organization.repo.ts';
import { recordAudit } from './audit.repo.ts';

/* The audit log, by API and page: platform admins read all, organisation admins theirs, others nothing. */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

let t: TestDatabase;
let app: FastifyInstance;
let weather: number;
let other: number;
let orgAdmin: TestAccount;
let editor: TestAccount;
let platform: TestAccount;

const actor = { kind: 'user', id: '1', label: 'user:someone@example.gov.tw', ip: '192.0.2.1' };

beforeAll(async () => {
  t = await openTestDatabase();
  weather = (await insertOrganization(t.db, organizationRow({ agencyCode: 'A41000000G' }))).id;
  other = (
    await insertOrganization(t.db, organizationRow({ agencyCode: 'B12345678C', nameZh: '另一個機關' }))
  ).id;
  orgAdmin = await createTestAccount(t.db, { roles: [[weather, 'admin']] });
  editor = await createTestAccount(t.db, { roles: [[weather, 'editor']] });
  platform = await createTestAccount(t.db, { platformAdmin: true });
  for (let i = 0; i < 3; i++) {
    await recordAudit(t.db, actor, [
      {
        action: 'dataset.update',
        targetType: 'dataset',
        targetId: `A41000000G-00000${i}`,
        organizationId: weather,
        detail: { i },
      },
      {
        action: 'dataset.create',
        targetType: 'dataset',
        targetId: `B12345678C-00000${i}`,
        organizationId: other,
        detail: {},
      },
    ]);
  }
  await recordAudit(t.db, actor, [
    {
      action: 'api-key.create',
      targetType: 'api-key',
      targetId: '9',
      organizationId: weather,
      detail: { key: 'odp_should-never-be-here', note: `leaked odp_${'a'.repeat(43)}` },
    },
  ]);
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const api = (query: string, headers: Record<string, string> = {}) =>
  app.inject({ url: `/api/v1/admin/audit${query}`, headers });

describe(`the audit log API on ${dialect}`, () => {
  it('gives platform administrators every row, newest first, paged by before', async () => {
    const all = (await api('', ADMIN_HEADERS)).json();
    expect(all.results).toHaveLength(7);
    expect(all.nextBefore).toBeNull();
    const page = (await api('?limit=2', platform.headers)).json();
    expect(page.results.map((r: { action: string }) => r.action)).toEqual([
      'api-key.create',
      'dataset.create',
    ]);
    const next = (await api(`?limit=2&before=${page.nextBefore}`, platform.headers)).json();
    expect(next.results[0].id).toBeLessThan(page.results[1].id);
    expect(next.results[0]).toMatchObject({
      actor: { kind: 'user', label: 'user:someone@example.gov.tw' },
      ip: '192.0.2.1',
      targetType: 'dataset',
    });
  });

  it("gives an organisation admin's key only that organisation's rows", async () => {
    const res = await api('', orgAdmin.headers);
    expect(res.statusCode).toBe(200);
    const rows = res.json().results as { organizationId: number; action: string }[];
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.organizationId === weather)).toBe(true);
    expect((await api(`?organization=${other}`, orgAdmin.headers)).statusCode).toBe(403);
    const filtered = (await api('?action=dataset', orgAdmin.headers)).json().results;
    expect(filtered.map((r: { action: string }) => r.action)).toEqual([
      'dataset.update',
      'dataset.update',
      'dataset.update',
    ]);
  });

  it('refuses editors (403) and nobody (401)', async () => {
    const res = await api('', editor.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const anonymous = await api('');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHORIZED');
  });

  it('never shows a secret in a detail', async () => {
    const body = (await api('', ADMIN_HEADERS)).body;
    expect(body).not.toContain('odp_should-never-be-here');
    expect(body).not.toContain('a'.repeat(43));
    expect(body).toContain('odp_[redacted]');
  });
});

describe(`the audit log page on ${dialect}`, () => {
  it('shows org admins their rows with who, what, when and where, filtered and paged', async () => {
    const session = await signIn(t.db, orgAdmin.userId);
    const res = await app.inject({ url: '/manage/audit', headers: session.headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<caption>最新的 4 筆紀錄</caption>');
    expect(res.body).toContain('<td>192.0.2.1</td>');
    expect(res.body).toContain('<code>user:someone@example.gov.tw</code>');
    expect(res.body).not.toContain('B12345678C');
    expect(res.body).not.toContain('odp_should-never-be-here');
    const filtered = await app.inject({
      url: `/manage/audit?organization=${weather}&action=api-key.create&before=`,
      headers: session.headers,
    });
    expect(filtered.body).toContain('<caption>最新的 1 筆紀錄</caption>');
    expect(
      (await app.inject({ url: `/manage/audit?organization=${other}`, headers: session.headers })).statusCode,
    ).toBe(403);
  });

  it('shows platform admins everything; refuses others (403) and sends nobody to sign in', async () => {
    const admin = await signIn(t.db, platform.userId);
    const all = await app.inject({ url: '/en/manage/audit', headers: admin.headers });
    expect(all.body).toContain('<caption>The latest 7 records</caption>');
    expect(all.body).toContain('B12345678C');
    const someone = await signIn(t.db, editor.userId);
    const refused = await app.inject({ url: '/manage/audit', headers: someone.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    const nobody = await app.inject({ url: '/manage/audit' });
    expect(nobody.statusCode).toBe(303);
  });
});
