import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { createTestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { FORM_HEADERS, formBody, signIn } from '../../test/session-fixture.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listAudit } from '../accounts/audit.repo.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { insertOrganization } from '../organizations/organization.repo.ts';

/* /manage/api-keys: a key made on the page works at once, is shown once, and stops when revoked. */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

let t: TestDatabase;
let app: FastifyInstance;
let weather: number;
let other: number;
let datasetId: number;
let admin: { headers: { cookie: string }; csrf: string };
let editor: { headers: { cookie: string }; csrf: string };

beforeAll(async () => {
  t = await openTestDatabase();
  weather = (await insertOrganization(t.db, organizationRow({ agencyCode: 'A41000000G' }))).id;
  other = (
    await insertOrganization(t.db, organizationRow({ agencyCode: 'B12345678C', nameZh: '另一個機關' }))
  ).id;
  const [dataset] = await createDatasets(t, [{ input: datasetInput() }], { actor: 'test' });
  datasetId = dataset!.datasetId;
  admin = await signIn(t.db, (await createTestAccount(t.db, { roles: [[weather, 'admin']] })).userId);
  editor = await signIn(t.db, (await createTestAccount(t.db, { roles: [[weather, 'editor']] })).userId);
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const post = (url: string, who: { headers: { cookie: string } }, fields: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url,
    headers: { ...who.headers, ...FORM_HEADERS },
    payload: formBody(fields),
  });

const patchTitle = (key: string, title: string) =>
  app.inject({
    method: 'PATCH',
    url: `/api/v1/datasets/${datasetId}`,
    headers: { authorization: `Bearer ${key}` },
    payload: { title },
  });

describe(`the API keys page on ${dialect}`, () => {
  it('creates an organisation key shown once, which works at once and stops when revoked', async () => {
    const created = await post('/manage/api-keys', admin, {
      _csrf: admin.csrf,
      label: '每日自動上架',
      owner: String(weather),
      sources: '127.0.0.1\n10.0.0.0/8',
      expires: '',
    });
    expect(created.statusCode, created.body).toBe(201);
    const key = /value="(odp_[A-Za-z0-9_-]{43})"/.exec(created.body)?.[1];
    expect(key).toBeDefined();
    expect(created.body).toContain('離開本頁後將無法再次顯示');
    expect(created.headers['cache-control']).toBe('no-store');

    // Shown once: the list (every later GET) has its prefix only.
    const list = await app.inject({ url: '/manage/api-keys', headers: admin.headers });
    expect(list.body).not.toContain(key!);
    expect(list.body).toContain(`<code>${key!.slice(0, 12)}…</code>`);
    expect(list.body).toContain('<th scope="row">每日自動上架</th>');
    expect(list.body).toContain('127.0.0.1, 10.0.0.0/8');

    expect((await patchTitle(key!, '用新金鑰改的名稱')).statusCode).toBe(200);

    const id = Number(/action="\/manage\/api-keys\/(\d+)\/revoke"/.exec(list.body)?.[1]);
    const revoked = await post(`/manage/api-keys/${id}/revoke`, admin, { _csrf: admin.csrf });
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe(`/manage/api-keys?revoked=${id}`);
    const refused = await patchTitle(key!, '撤銷後');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('API_KEY_REFUSED');
    const after = await app.inject({ url: revoked.headers.location as string, headers: admin.headers });
    expect(after.body).toContain('已撤銷金鑰「每日自動上架」。');

    const audit = (await listAudit(t.db, { limit: 10 })).filter((r) => r.action.startsWith('api-key.'));
    expect(audit.map((r) => r.action)).toEqual(['api-key.revoke', 'api-key.create']);
    expect(audit[1]).toMatchObject({ targetId: String(id), organizationId: weather, actorKind: 'user' });
    expect(JSON.stringify(audit)).not.toContain(key!);
    expect(JSON.stringify(audit)).not.toContain(key!.slice(4, 20));
  });

  it('lets anyone signed in make a personal key, but no key for an organisation they do not administer', async () => {
    const personal = await post('/manage/api-keys', editor, {
      _csrf: editor.csrf,
      label: '個人',
      owner: 'personal',
    });
    expect(personal.statusCode).toBe(201);
    for (const owner of [String(weather), String(other)]) {
      const refused = await post('/manage/api-keys', editor, { _csrf: editor.csrf, label: '機關', owner });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('您不是此機關的管理者');
      expect(refused.body).not.toMatch(/value="odp_/);
    }
  });

  it('validates the source addresses and the expiry date, keeping what was typed', async () => {
    const res = await post('/en/manage/api-keys', admin, {
      _csrf: admin.csrf,
      label: 'bad',
      owner: 'personal',
      sources: '10.0.0.0/33\nnot-an-ip',
      expires: '2020-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(
      'A source address cannot be read: 10.0.0.0/33: the prefix length must be 0–32',
    );
    expect(res.body).toContain('not-an-ip is not an IP address');
    expect(res.body).toContain('The expiry date must be today or later');
    expect(res.body).toContain('>10.0.0.0/33\nnot-an-ip</textarea>');
  });

  it('refuses each form without its CSRF token, and sends nobody to sign in', async () => {
    const create = await post('/manage/api-keys', admin, { label: 'x', owner: 'personal' });
    expect(create.statusCode).toBe(403);
    expect(create.body).toContain('CSRF_INVALID');
    const revoke = await post('/manage/api-keys/1/revoke', admin, {});
    expect(revoke.statusCode).toBe(403);
    expect(revoke.body).toContain('CSRF_INVALID');
    expect((await app.inject({ url: '/manage/api-keys' })).statusCode).toBe(303);
  });

  it("does not let someone revoke another organisation's key", async () => {
    const outsider = await createTestAccount(t.db, { roles: [[other, 'admin']], keyOrganizationId: other });
    const res = await post(`/manage/api-keys/${outsider.keyId}/revoke`, editor, { _csrf: editor.csrf });
    expect(res.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/admin/audit', headers: outsider.headers })).statusCode).toBe(
      200,
    );
  });
});
