import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { createTestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets, getDataset } from '../datasets/dataset.service.ts';
import { completeForm, getAs, postForm, signIn, type TestSession } from './manage.fixtures.ts';

const DIALECT = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const XSS_TITLE = '<script>alert(1)</script>';
const XSS_ATTRIBUTE = '"><img src=x onerror=alert(1)>';

let t: TestDatabase;
let app: FastifyInstance;
let editor: TestSession;
let editorEmail: string;
let member: TestSession;
let outsider: TestSession;
let admin: TestSession;
let existingId: number;

beforeAll(async () => {
  t = await openTestDatabase();
  const inserted = await t.db
    .insertInto('organizations')
    .values([
      organizationRow({ agencyCode: 'A41000000G', nameZh: '交通部中央氣象署' }),
      organizationRow({ agencyCode: 'B12345678C', nameZh: '另一個機關' }),
    ])
    .returning('id')
    .execute();
  const weather = Number(inserted[0]!.id);
  const other = Number(inserted[1]!.id);
  const e = await createTestAccount(t.db, { roles: [[weather, 'editor']] });
  editorEmail = e.email;
  editor = await signIn(t.db, e.userId);
  member = await signIn(t.db, (await createTestAccount(t.db, { roles: [[weather, 'member']] })).userId);
  outsider = await signIn(t.db, (await createTestAccount(t.db, { roles: [[other, 'admin']] })).userId);
  admin = await signIn(t.db, (await createTestAccount(t.db, { platformAdmin: true })).userId);
  const [existing] = await createDatasets(
    t,
    [
      {
        input: datasetInput({
          identifier: 'A41000000G-000100',
          title: XSS_TITLE,
          titleEn: XSS_ATTRIBUTE,
          themes: ['climate', 'climate-01'],
          distribution: [
            {
              resourceDescription: '雨量 CSV',
              format: 'CSV',
              characterSetCode: 'UTF-8',
              downloadURL: 'https://example.gov.tw/rain.csv',
              resourceField: [{ name: 'station', description: '測站代碼' }],
            },
          ],
        }),
      },
    ],
    { actor: 'test' },
  );
  existingId = existing!.datasetId;
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

/** The opening tag of the element with `id` in an HTML page ('' when there is none). */
function tagWithId(html: string, id: string): string {
  const attribute = String.raw`\s+[\w-]+(?:="[^"]*")?`;
  const match = new RegExp(`<[a-z]+(?:${attribute})*?\\s+id="${id}"(?:${attribute})*\\s*/?>`).exec(html);
  return match?.[0] ?? '';
}

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('auditLog')
    .select(['action', 'actorLabel'])
    .where('targetId', '=', targetId)
    .orderBy('id')
    .execute();
  return rows.map((r) => `${r.action} ${r.actorLabel}`);
}

describe(`back office dataset form on ${DIALECT}`, () => {
  it('sends anyone not signed in to the sign-in page', async () => {
    for (const url of [
      '/manage/datasets/new',
      `/manage/datasets/${existingId}/edit`,
      '/en/manage/datasets/new',
    ]) {
      const res = await getAs(app, url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toMatch(/\/login\?next=/);
    }
  });

  it('shows the new-dataset form to editors and platform admins, 403 to members', async () => {
    const res = await getAs(app, '/manage/datasets/new', editor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const html = res.body;
    for (const legend of ['基本資料', '機關與聯絡人', '授權與計費', '時間與範圍', '資料資源'])
      expect(html).toContain(`<legend>${legend}</legend>`);
    expect(html).toContain('id="field-categoryCode"');
    expect(html).toContain('id="field-distribution-0-format"');
    expect(html).toMatch(/<script defer src="\/assets\/manage-form-[0-9a-f]{12}\.js"/);
    expect((await getAs(app, '/manage/datasets/new', admin)).statusCode).toBe(200);
    expect((await getAs(app, '/manage/datasets/new', member)).statusCode).toBe(403);
  });

  it('fills in the publisher of a chosen organisation', async () => {
    const orgs = await t.db
      .selectFrom('organizations')
      .select('id')
      .where('agencyCode', '=', 'A41000000G')
      .execute();
    const res = await getAs(app, `/manage/datasets/new?organization=${orgs[0]!.id}`, editor);
    expect(tagWithId(res.body, 'field-publisher')).toContain('value="交通部中央氣象署"');
    expect(tagWithId(res.body, 'field-identifier')).toContain('value="A41000000G-"');
  });

  it('creates a draft through the form: 303 to the edit page, a version and an audit row by the person', async () => {
    const res = await postForm(app, '/manage/datasets/new', editor, completeForm());
    expect(res.statusCode, res.body).toBe(303);
    const dataset = await getDataset(t, 'A41000000G-000901');
    expect(res.headers.location).toBe(`/manage/datasets/${dataset.datasetId}/edit?notice=created`);
    expect(dataset).toMatchObject({
      status: 'draft',
      title: '雨量站觀測資料',
      keyword: ['雨量', '氣象'],
      themes: ['climate'],
      temporalCoverageFrom: '2020-01-01',
    });
    expect(dataset.distribution).toMatchObject([
      { resourceID: 'A41000000G-000901-001', format: 'CSV', downloadURL: 'https://example.gov.tw/rain.csv' },
    ]);
    expect(await auditActions('A41000000G-000901')).toEqual([`dataset.create user:${editorEmail}`]);
    const page = await getAs(app, res.headers.location as string, editor);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('資料集已建立（草稿）。');
  });

  it('refuses a form without the CSRF token (403) and a member (403)', async () => {
    const noToken = await postForm(
      app,
      '/manage/datasets/new',
      editor,
      completeForm({ identifier: 'A41000000G-000902' }),
      {
        csrf: false,
      },
    );
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('CSRF');
    const byMember = await postForm(
      app,
      '/manage/datasets/new',
      member,
      completeForm({ identifier: 'A41000000G-000903' }),
    );
    expect(byMember.statusCode).toBe(403);
    const written = await t.db
      .selectFrom('datasets')
      .select('identifier')
      .where('identifier', 'in', ['A41000000G-000902', 'A41000000G-000903'])
      .execute();
    expect(written).toEqual([]);
  });

  it('shows each problem next to its field, linked from a summary (400)', async () => {
    const res = await postForm(
      app,
      '/manage/datasets/new',
      editor,
      completeForm({
        identifier: 'A41000000G-000904',
        title: '',
        'distribution[0].downloadURL': 'ftp://example.gov.tw/x',
        'distribution[0].format': '',
      }),
    );
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toContain('class="error-summary"');
    for (const [field, message] of [
      ['title', '此欄位必填。'],
      ['distribution-0-downloadURL', '請填寫 http:// 或 https:// 開頭的網址。'],
      ['distribution-0-format', '此欄位必填。'],
    ] as const) {
      const control = tagWithId(html, `field-${field}`);
      expect(control, field).toContain('aria-invalid="true"');
      expect(control, field).toMatch(new RegExp(`aria-describedby="[^"]*field-${field}-error`));
      expect(html, field).toMatch(
        new RegExp(`id="field-${field}-error"><span class="visually-hidden">錯誤：</span>${message}`),
      );
      expect(html, field).toContain(`href="#field-${field}"`);
    }
    expect(tagWithId(html, 'field-description')).not.toContain('aria-invalid');
    // What was typed comes back.
    expect(tagWithId(html, 'field-identifier')).toContain('value="A41000000G-000904"');
    expect(
      await t.db.selectFrom('datasets').select('id').where('identifier', '=', 'A41000000G-000904').execute(),
    ).toEqual([]);
  });

  it('asks for the cost details of a paid dataset', async () => {
    const res = await postForm(
      app,
      '/manage/datasets/new',
      editor,
      completeForm({ identifier: 'A41000000G-000905', cost: '付費' }),
    );
    expect(res.statusCode).toBe(400);
    for (const field of ['costURL', 'costLaw']) {
      expect(tagWithId(res.body, `field-${field}`)).toContain('aria-invalid="true"');
      expect(res.body).toMatch(new RegExp(`id="field-${field}-error">.*計費方式為「付費」時必填。`));
    }
  });

  it('reports an identifier in use on its field', async () => {
    const res = await postForm(
      app,
      '/manage/datasets/new',
      editor,
      completeForm({ identifier: 'A41000000G-000100' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="field-identifier-error"');
    expect(res.body).toContain('此資料集編號已被使用。');
  });

  it('adds and removes resource rows without script, keeping what was typed', async () => {
    const added = await postForm(
      app,
      '/manage/datasets/new',
      editor,
      completeForm({ action: 'add-resource' }),
    );
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('id="field-distribution-1-format"');
    expect(tagWithId(added.body, 'field-distribution-0-downloadURL')).toContain(
      'value="https://example.gov.tw/rain.csv"',
    );
    const removed = await postForm(
      app,
      '/manage/datasets/new',
      editor,
      completeForm({
        action: 'remove-resource-0',
        'distribution[1].resourceDescription': '第二筆',
        'distribution[1].format': 'JSON',
      }),
    );
    expect(removed.statusCode).toBe(200);
    expect(removed.body).not.toContain('id="field-distribution-1-format"');
    expect(removed.body).toContain('>第二筆</textarea>');
  });

  it('renders hostile titles inert in the form', async () => {
    const res = await getAs(app, `/manage/datasets/${existingId}/edit`, editor);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(XSS_TITLE);
    expect(res.body).not.toContain('<img src=x');
    expect(tagWithId(res.body, 'field-title')).toContain('value="&lt;script>alert(1)&lt;/script>"');
    expect(tagWithId(res.body, 'field-titleEn')).toContain('value="&quot;>&lt;img src=x onerror=alert(1)>"');
  });

  it('edits through the form: the editor may, a member and another organisation may not', async () => {
    expect((await getAs(app, `/manage/datasets/${existingId}/edit`, member)).statusCode).toBe(403);
    expect((await getAs(app, `/manage/datasets/${existingId}/edit`, outsider)).statusCode).toBe(403);
    expect((await getAs(app, '/manage/datasets/999999/edit', editor)).statusCode).toBe(404);
    const form = completeForm({
      identifier: 'A41000000G-000100',
      title: '新的名稱',
      themes: ['climate', 'climate-01'],
      'distribution[0].resourceID': 'A41000000G-000100-001',
    });
    expect((await postForm(app, `/manage/datasets/${existingId}/edit`, member, form)).statusCode).toBe(403);
    const res = await postForm(app, `/manage/datasets/${existingId}/edit`, editor, form);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/manage/datasets/${existingId}/edit?notice=saved`);
    const saved = await getDataset(t, existingId);
    expect(saved).toMatchObject({ title: '新的名稱', version: 2, themes: ['climate', 'climate-01'] });
    // What the form does not show is kept.
    expect(saved.distribution[0]).toMatchObject({
      resourceID: 'A41000000G-000100-001',
      resourceField: [{ name: 'station', description: '測站代碼' }],
    });
    const again = await postForm(app, `/manage/datasets/${existingId}/edit`, editor, form);
    expect(again.headers.location).toBe(`/manage/datasets/${existingId}/edit?notice=unchanged`);
  });

  it('moves a dataset through its lifecycle from the edit page', async () => {
    const draft = await getDataset(t, 'A41000000G-000901');
    const url = `/manage/datasets/${draft.datasetId}/status`;
    expect((await postForm(app, url, member, { status: 'published' })).statusCode).toBe(403);
    const published = await postForm(app, url, editor, { status: 'published' });
    expect(published.headers.location).toBe(`/manage/datasets/${draft.datasetId}/edit?notice=published`);
    expect((await getDataset(t, draft.datasetId)).status).toBe('published');

    const noDate = await postForm(app, url, editor, { status: 'delisting_scheduled', delistingDate: '' });
    expect(noDate.statusCode).toBe(400);
    expect(tagWithId(noDate.body, 'field-delistingDate')).toContain('aria-invalid="true"');
    expect(noDate.body).toContain('id="field-delistingDate-error"');

    const scheduled = await postForm(app, url, editor, {
      status: 'delisting_scheduled',
      delistingDate: '2999-12-31',
    });
    expect(scheduled.headers.location).toBe(`/manage/datasets/${draft.datasetId}/edit?notice=scheduled`);
    const publicPage = await app.inject({ url: `/dataset/${draft.datasetId}` });
    expect(publicPage.body).toContain('2999-12-31');
    expect(publicPage.body).toContain('class="notice notice-delisting"');

    const delisted = await postForm(app, url, editor, { status: 'delisted' });
    expect(delisted.headers.location).toBe(`/manage/datasets/${draft.datasetId}/edit?notice=delisted`);
    expect((await getDataset(t, draft.datasetId)).status).toBe('delisted');
  });
});

describe(`live validation endpoint on ${DIALECT}`, () => {
  function validate(session: TestSession | undefined, body: unknown, token = session?.csrfToken) {
    return app.inject({
      method: 'POST',
      url: '/manage/datasets/validate',
      headers: {
        ...(session ? { cookie: session.cookie } : {}),
        ...(token ? { 'x-csrf-token': token } : {}),
      },
      payload: body as object,
    });
  }

  it('answers the problems of the form as JSON and writes nothing', async () => {
    const before = await t.db.selectFrom('datasets').select('id').execute();
    const res = await validate(
      editor,
      completeForm({ identifier: 'A41000000G-000950', title: '', licenseURL: 'nope' }),
    );
    expect(res.statusCode).toBe(200);
    const problems = (res.json() as { problems: { field: string; code: string; message: string }[] })
      .problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'required', message: '此欄位必填。' },
        { field: 'licenseURL', code: 'url', message: '請填寫 http:// 或 https:// 開頭的網址。' },
      ]),
    );
    expect(problems).toHaveLength(2);
    expect(await t.db.selectFrom('datasets').select('id').execute()).toHaveLength(before.length);
  });

  it('finds what only the database knows: an identifier in use, a publisher the person may not write for', async () => {
    const taken = await validate(editor, completeForm({ identifier: 'A41000000G-000100' }));
    expect(taken.json()).toEqual({
      problems: [expect.objectContaining({ field: 'identifier', code: 'taken' })],
    });
    const elsewhere = await validate(
      editor,
      completeForm({ identifier: 'B12345678C-000001', publisher: '另一個機關' }),
    );
    expect(elsewhere.json()).toEqual({
      problems: [expect.objectContaining({ field: 'publisher', code: 'forbidden' })],
    });
    const ok = await validate(editor, completeForm({ identifier: 'A41000000G-000951' }));
    expect(ok.json()).toEqual({ problems: [] });
  });

  it('checks an edit against the stored dataset, in English under /en', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/en/manage/datasets/validate',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken },
      payload: completeForm({
        datasetId: String(existingId),
        identifier: 'ignored',
        'distribution[0].format': '',
      }),
    });
    expect(res.json()).toEqual({
      problems: [{ field: 'distribution[0].format', code: 'required', message: 'This field is required.' }],
    });
  });

  it('needs the CSRF header and a session', async () => {
    expect((await validate(editor, completeForm(), 'wrong')).statusCode).toBe(403);
    expect((await validate(editor, completeForm(), '')).statusCode).toBe(403);
    expect((await validate(undefined, completeForm())).statusCode).toBe(403);
    expect((await validate(member, completeForm())).statusCode).toBe(403);
  });
});
