import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { createTestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listVersions } from '../datasets/dataset.repo.ts';
import { createDatasets, getDataset } from '../datasets/dataset.service.ts';
import { getAs, signIn, type TestSession } from './manage.fixtures.ts';
import { multipartBody, postMultipart, type FormPart } from './multipart.fixtures.ts';

const DIALECT = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const CSV = 'station,rain\nC0A520,1.5\n';
const MAX_BYTES = 64;
const RESOURCE = 'A41000000G-000001-001';

let t: TestDatabase;
let app: FastifyInstance;
let dataDir: string;
let editor: TestSession;
let member: TestSession;
let datasetId: number;

beforeAll(async () => {
  t = await openTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'odp-manage-upload-form-'));
  const [row] = await t.db
    .insertInto('organizations')
    .values(organizationRow({ agencyCode: 'A41000000G', nameZh: '交通部中央氣象署' }))
    .returning('id')
    .execute();
  const org = Number(row!.id);
  editor = await signIn(t.db, (await createTestAccount(t.db, { roles: [[org, 'editor']] })).userId);
  member = await signIn(t.db, (await createTestAccount(t.db, { roles: [[org, 'member']] })).userId);
  const [dataset] = await createDatasets(t, [{ input: datasetInput() }], { actor: 'test' });
  datasetId = dataset!.datasetId;
  app = await buildTestApp(t, {
    dataDir,
    storage: { uploadMaxBytes: MAX_BYTES, backend: { kind: 'local' } },
  });
});

afterAll(async () => {
  await app.close();
  await t.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

const url = (prefix = '') => `${prefix}/manage/datasets/${datasetId}/resources/${RESOURCE}/file`;
const file = (content: string): FormPart => ({ name: 'file', filename: 'rain.csv', content });
const token = (session: TestSession): FormPart => ({ name: '_csrf', value: session.csrfToken });

async function storedFileCount(): Promise<number> {
  const r = await t.db
    .selectFrom('storedFiles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Files in the store and its staging area (nothing may be left behind by a refusal). */
function filesOnDisk(): string[] {
  const root = path.join(dataDir, 'files');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

async function expectNothingStored(version: number): Promise<void> {
  expect((await getDataset(t, datasetId)).version).toBe(version);
  expect(await storedFileCount()).toBe(0);
  expect(filesOnDisk()).toEqual([]);
}

describe(`the upload form without JavaScript on ${DIALECT}`, () => {
  it('shows each saved resource a multipart form, the token before the file', async () => {
    const html = (await getAs(app, `/manage/datasets/${datasetId}/edit`, editor)).body;
    expect(html).not.toContain('<noscript>');
    expect(html).toMatch(
      new RegExp(
        `<form id="upload-form-0" method="post" enctype="multipart/form-data" class="upload-form" action="${url()}">`,
      ),
    );
    const tokenAt = html.indexOf(`name="_csrf" value="${editor.csrfToken}" form="upload-form-0"`);
    const fileAt = html.indexOf('name="file" form="upload-form-0"');
    expect(tokenAt).toBeGreaterThan(0);
    expect(fileAt).toBeGreaterThan(tokenAt);
    expect(html).toMatch(/<button type="submit" form="upload-form-0"/);
    expect(html).toContain(`href="/manage/datasets/${datasetId}/versions"`);
  });

  it('refuses a form without the token (403), storing nothing', async () => {
    const res = await postMultipart(app, url(), editor, [file(CSV)]);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('CSRF_INVALID');
    await expectNothingStored(1);
  });

  it('refuses the token after the file, a wrong token and a member (403)', async () => {
    expect((await postMultipart(app, url(), editor, [file(CSV), token(editor)])).statusCode).toBe(403);
    expect((await postMultipart(app, url(), editor, [token(member), file(CSV)])).statusCode).toBe(403);
    expect(
      (await postMultipart(app, url(), editor, [{ name: 'other', value: 'x' }, token(editor), file(CSV)]))
        .statusCode,
    ).toBe(403);
    const byMember = await postMultipart(app, url(), member, [token(member), file(CSV)]);
    expect(byMember.statusCode).toBe(403);
    expect(byMember.body).toContain('FORBIDDEN');
    await expectNothingStored(1);
  });

  it('lets no other request skip the CSRF check', async () => {
    // The script's PUT takes any body, multipart too: its token still comes from the header.
    const { payload, contentType } = multipartBody([token(editor), file(CSV)]);
    const put = await app.inject({
      method: 'PUT',
      url: url(),
      headers: { 'content-type': contentType, cookie: editor.cookie },
      payload,
    });
    expect(put.statusCode).toBe(403);
    // An urlencoded post to the upload form's own route is checked by the account scope.
    const form = await app.inject({
      method: 'POST',
      url: url(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: editor.cookie },
      payload: 'file=x',
    });
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain('CSRF_INVALID');
    await expectNothingStored(1);
  });

  it('answers a file over the size limit with 413 and the edit page, storing nothing', async () => {
    const res = await postMultipart(app, url(), editor, [token(editor), file('x'.repeat(MAX_BYTES + 1))]);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('檔案超過上傳大小上限');
    expect(res.body).toContain('aria-invalid="true"');
    await expectNothingStored(1);
  });

  it('answers an empty file input with 400 and the edit page', async () => {
    const res = await postMultipart(app, url(), editor, [token(editor), file('')]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('檔案沒有內容');
    await expectNothingStored(1);
  });

  it('stores the file as a new version and goes back to the edit page with a notice', async () => {
    const res = await postMultipart(app, url('/en'), editor, [token(editor), file(CSV)]);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/en/manage/datasets/${datasetId}/edit?notice=uploaded`);
    const stored = await getDataset(t, datasetId);
    expect(stored.version).toBe(2);
    expect(stored.distribution[0]).toMatchObject({
      size: CSV.length,
      downloadURL: `http://localhost:3000/dataset/${datasetId}/resource/${RESOURCE}/file`,
    });
    expect(stored.distribution[0]?.fileKey).toMatch(/^sha256:/);
    const [latest] = await listVersions(t.db, datasetId);
    expect(latest).toMatchObject({ version: 2, action: 'upload' });
    expect(latest?.actor).toMatch(/^user:/);
    expect(await storedFileCount()).toBe(1);
    const page = await getAs(app, res.headers.location as string, editor);
    expect(page.body).toContain('The file is uploaded');
    // The same bytes again change nothing.
    const again = await postMultipart(app, url(), editor, [token(editor), file(CSV)]);
    expect(again.headers.location).toBe(`/manage/datasets/${datasetId}/edit?notice=uploadUnchanged`);
    expect((await getDataset(t, datasetId)).version).toBe(2);
  });
});
