import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { createTestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { FORM_HEADERS, formBody, signIn } from '../../test/session-fixture.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listAudit } from '../accounts/audit.repo.ts';
import { getVersion } from '../datasets/dataset.repo.ts';
import { createDatasets, updateDatasetMetadata } from '../datasets/dataset.service.ts';
import { insertOrganization } from '../organizations/organization.repo.ts';

/* The signed-in version pages: the restore button for editors, CSRF on its form. */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

let t: TestDatabase;
let app: FastifyInstance;
let datasetId: number;
let draftId: number;
let editor: { headers: { cookie: string }; csrf: string };
let member: { headers: { cookie: string }; csrf: string };

beforeAll(async () => {
  t = await openTestDatabase();
  const weather = (await insertOrganization(t.db, organizationRow({ agencyCode: 'A41000000G' }))).id;
  const [rain, draft] = await createDatasets(
    t,
    [
      { input: datasetInput() },
      { input: datasetInput({ identifier: 'A41000000G-000002', title: '草稿', status: 'draft' }) },
    ],
    { actor: 'test' },
  );
  datasetId = rain!.datasetId;
  draftId = draft!.datasetId;
  await updateDatasetMetadata(t, datasetId, { title: '第二版名稱' }, { actor: 'test', mode: 'patch' });
  editor = await signIn(t.db, (await createTestAccount(t.db, { roles: [[weather, 'editor']] })).userId);
  member = await signIn(t.db, (await createTestAccount(t.db, { roles: [[weather, 'member']] })).userId);
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const restoreUrl = (id: number, n: number) => `/manage/datasets/${id}/versions/${n}/restore`;

describe(`signed-in version pages on ${dialect}`, () => {
  it('sends nobody to the sign-in page', async () => {
    const res = await app.inject({ url: `/manage/datasets/${datasetId}/versions/1` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/login?next=${encodeURIComponent(`/manage/datasets/${datasetId}/versions/1`)}`,
    );
  });

  it('shows editors the diff and a restore form with the CSRF token; members no form', async () => {
    const page = await app.inject({
      url: `/manage/datasets/${datasetId}/versions/1`,
      headers: editor.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain(`<form method="post" action="${restoreUrl(datasetId, 1)}">`);
    expect(page.body).toContain(`<input type="hidden" name="_csrf" value="${editor.csrf}"/>`);
    expect(page.body).toContain('還原為第 1 版');
    const seen = await app.inject({
      url: `/manage/datasets/${datasetId}/versions/1`,
      headers: member.headers,
    });
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(restoreUrl(datasetId, 1));
    expect(seen.body).toContain('無法還原');
    // Members see their organisation's drafts here (the public does not).
    expect(
      (await app.inject({ url: `/manage/datasets/${draftId}/versions`, headers: member.headers })).statusCode,
    ).toBe(200);
  });

  it('refuses the form without its CSRF token (403) and members (403)', async () => {
    const missing = await app.inject({
      method: 'POST',
      url: restoreUrl(datasetId, 1),
      headers: { ...editor.headers, ...FORM_HEADERS },
      payload: formBody({}),
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('CSRF_INVALID');
    const wrong = await app.inject({
      method: 'POST',
      url: restoreUrl(datasetId, 1),
      headers: { ...editor.headers, ...FORM_HEADERS },
      payload: formBody({ _csrf: member.csrf }),
    });
    expect(wrong.statusCode).toBe(403);
    const byMember = await app.inject({
      method: 'POST',
      url: restoreUrl(datasetId, 1),
      headers: { ...member.headers, ...FORM_HEADERS },
      payload: formBody({ _csrf: member.csrf }),
    });
    expect(byMember.statusCode).toBe(403);
    expect(byMember.body).toContain('FORBIDDEN');
    expect(await getVersion(t.db, datasetId, 3)).toBeUndefined();
  });

  it('restores as a new version and says so on the history page', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/en${restoreUrl(datasetId, 1)}`,
      headers: { ...editor.headers, ...FORM_HEADERS },
      payload: formBody({ _csrf: editor.csrf }),
    });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/en/manage/datasets/${datasetId}/versions?restored=3&from=1`);
    const v3 = await getVersion(t.db, datasetId, 3);
    expect(v3).toMatchObject({ action: 'restore', snapshot: { title: '雨量站觀測資料' } });
    const [audit] = await listAudit(t.db, { limit: 1 });
    expect(audit).toMatchObject({ action: 'dataset.restore', actorKind: 'user', ip: '127.0.0.1' });
    const list = await app.inject({ url: res.headers.location as string, headers: editor.headers });
    expect(list.body).toContain('Version 1 was restored as the new version 3.');
    expect(list.body).toContain('<td>Restored</td>');
  });
});
