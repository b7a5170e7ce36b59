import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { createTestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { CATALOGUE_COLUMNS, type CatalogueColumn } from '../catalogue-io/catalogue-columns.ts';
import { BOM, stringifyCatalogueRows } from '../catalogue-io/catalogue-csv-write.ts';
import { listVersions } from '../datasets/dataset.repo.ts';
import { createDatasets, getDataset } from '../datasets/dataset.service.ts';
import { getAs, postForm, signIn, type TestSession } from './manage.fixtures.ts';
import { postMultipart, type FormPart } from './multipart.fixtures.ts';

const DIALECT = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

let t: TestDatabase;
let app: FastifyInstance;
let dataDir: string;
let weather: number;
let other: number;
let editor: TestSession;
let editorEmail: string;
let editorId: number;
let secondSession: TestSession;
let member: TestSession;

const BASE_ROW: Record<CatalogueColumn, string> = {
  資料集識別碼: '9001',
  資料集名稱: '雨量站觀測資料',
  資料提供屬性: '檔案資料',
  服務分類: '生命禮儀',
  品質檢測: '',
  檔案格式: 'CSV',
  資料下載網址: 'https://opendata.example.gov.tw/rain.csv',
  編碼格式: 'UTF-8',
  資資料集上架方式: '匯入/收割',
  資料集描述: '全國雨量站每小時觀測資料',
  主要欄位說明: '測站、時雨量',
  提供機關: '交通部中央氣象署',
  更新頻率: '每1月',
  授權方式: '政府資料開放授權條款-第1版',
  相關網址: '',
  計費方式: '免費',
  提供機關聯絡人姓名: '林小姐',
  提供機關聯絡人電話: '(02)2349-1000',
  上架日期: '2024-01-02 09:00:00',
  詮釋資料更新時間: '2024-01-02 09:00:00',
  備註: '',
  資料量: '',
};

const row = (overrides: Partial<Record<CatalogueColumn, string>> = {}): string[] =>
  CATALOGUE_COLUMNS.map((c) => overrides[c] ?? BASE_ROW[c]);

const csvFile = (rows: string[][]): Buffer =>
  Buffer.from(BOM + stringifyCatalogueRows([[...CATALOGUE_COLUMNS], ...rows]), 'utf8');

/** Two new datasets of 交通部中央氣象署, on lines 2 and 3 (the second has a two-line description: 3–4). */
const GOOD_FILE = csvFile([
  row({ 資料集識別碼: '9001' }),
  row({ 資料集識別碼: '9002', 資料集名稱: '溫度觀測資料', 資料集描述: '第一行\n第二行' }),
]);

beforeAll(async () => {
  t = await openTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'odp-manage-import-'));
  const inserted = await t.db
    .insertInto('organizations')
    .values([
      organizationRow({ agencyCode: 'A41000000G', nameZh: '交通部中央氣象署' }),
      organizationRow({ agencyCode: 'B12345678C', nameZh: '另一個機關' }),
    ])
    .returning('id')
    .execute();
  weather = Number(inserted[0]!.id);
  other = Number(inserted[1]!.id);
  const account = await createTestAccount(t.db, { roles: [[weather, 'editor']] });
  editorEmail = account.email;
  editorId = account.userId;
  editor = await signIn(t.db, account.userId);
  secondSession = await signIn(t.db, account.userId);
  member = await signIn(t.db, (await createTestAccount(t.db, { roles: [[weather, 'member']] })).userId);
  await createDatasets(
    t,
    [
      {
        input: datasetInput({
          identifier: 'B12345678C-000500',
          title: '別的機關的資料集',
          publisher: '另一個機關',
          distribution: [],
        }),
        system: { datasetId: 500 },
      },
    ],
    { actor: 'seed' },
  );
  app = await buildTestApp(t, { dataDir });
});

afterAll(async () => {
  await app.close();
  await t.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

async function datasetCount(): Promise<number> {
  const r = await t.db
    .selectFrom('datasets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function staged(): string[] {
  try {
    return readdirSync(path.join(dataDir, 'import-staging'));
  } catch {
    return [];
  }
}

const token = (session: TestSession): FormPart => ({ name: '_csrf', value: session.csrfToken });
const organization = (id: number): FormPart => ({ name: 'organization', value: String(id) });
const file = (content: Buffer | string, filename = 'catalogue.csv'): FormPart => ({
  name: 'file',
  filename,
  content,
});

function dryRun(session: TestSession, content: Buffer | string, organizationId = weather, filename?: string) {
  return postMultipart(app, '/manage/import', session, [
    token(session),
    organization(organizationId),
    file(content, filename),
  ]);
}

const stagingIdOf = (html: string): string | undefined =>
  /name="stagingId" value="([A-Za-z0-9_-]{43})"/.exec(html)?.[1];

describe(`bulk import in the back office on ${DIALECT}`, () => {
  it('shows editors the form: the token first, then their organisations and the file', async () => {
    const res = await getAs(app, '/manage/import', editor);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('enctype="multipart/form-data"');
    const at = (s: string) => html.indexOf(s);
    expect(at(`name="_csrf" value="${editor.csrfToken}"`)).toBeGreaterThan(0);
    expect(at('name="organization"')).toBeGreaterThan(at(`name="_csrf" value="${editor.csrfToken}"`));
    expect(at('name="file"')).toBeGreaterThan(at('name="organization"'));
    expect(html).toContain(`<option value="${weather}"`);
    expect(html).not.toContain(`<option value="${other}"`);
  });

  it('is linked from /manage for editors, with the API keys; the audit log for admins only', async () => {
    const home = (await getAs(app, '/manage', editor)).body;
    expect(home).toContain('<a href="/manage/import">批次匯入資料集</a>');
    expect(home).toContain('<a href="/manage/api-keys">API 金鑰</a>');
    expect(home).not.toContain('href="/manage/audit"');
    const memberHome = (await getAs(app, '/en/manage', member)).body;
    expect(memberHome).not.toContain('href="/en/manage/import"');
    expect(memberHome).toContain('<a href="/en/manage/api-keys">API keys</a>');
  });

  it('refuses members (403) and people not signed in', async () => {
    expect((await getAs(app, '/manage/import', member)).statusCode).toBe(403);
    const post = await dryRun(member, GOOD_FILE);
    expect(post.statusCode).toBe(403);
    expect(post.body).toContain('FORBIDDEN');
    const anonymous = await getAs(app, '/manage/import');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fmanage%2Fimport');
    expect(staged()).toEqual([]);
  });

  it('refuses a form without the token, or with it after the file (403), keeping nothing', async () => {
    const none = await postMultipart(app, '/manage/import', editor, [organization(weather), file(GOOD_FILE)]);
    expect(none.statusCode).toBe(403);
    expect(none.body).toContain('CSRF_INVALID');
    const late = await postMultipart(app, '/manage/import', editor, [
      organization(weather),
      file(GOOD_FILE),
      token(editor),
    ]);
    expect(late.statusCode).toBe(403);
    const confirm = await postForm(
      app,
      '/manage/import/confirm',
      editor,
      { stagingId: 'x' },
      { csrf: false },
    );
    expect(confirm.statusCode).toBe(403);
    expect(staged()).toEqual([]);
    expect(await datasetCount()).toBe(1);
  });

  it('refuses an organisation the editor does not belong to (403)', async () => {
    const res = await dryRun(editor, GOOD_FILE, other);
    expect(res.statusCode).toBe(403);
    expect(staged()).toEqual([]);
  });

  it('shows a dry run row by row and writes nothing', async () => {
    const res = await dryRun(editor, GOOD_FILE);
    expect(res.statusCode, res.body).toBe(200);
    const html = res.body;
    expect(html).toContain('新增 2 筆、更新 0 筆、未變更 0 筆');
    expect(html).toMatch(
      /<tr data-action="create"><td>第 2 行<\/td><td>新增<\/td><td lang="en">A41000000G-009001<\/td>/,
    );
    expect(html).toMatch(
      /<tr data-action="create"><td>第 3 行<\/td><td>新增<\/td><td lang="en">A41000000G-009002<\/td>/,
    );
    expect(stagingIdOf(html)).toBeDefined();
    expect(await datasetCount()).toBe(1);
    expect(await getDataset(t, 9001).catch((e: { code: string }) => e.code)).toBe('DATASET_NOT_FOUND');
  });

  it('refuses rows of another organisation with their line numbers, and offers no confirmation', async () => {
    const res = await dryRun(
      editor,
      csvFile([
        row({ 資料集識別碼: '9011' }), // line 2: fine
        row({ 資料集識別碼: '9012', 提供機關: '另一個機關' }), // line 3: another publisher
        row({ 資料集識別碼: '500' }), // line 4: a stored dataset of another organisation
      ]),
    );
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toContain('有 2 個問題，無法匯入');
    expect(html).toMatch(
      /<tr data-line="3"><td>第 3 行<\/td><td>提供機關<\/td><td>此列的資料集或提供機關不屬於所選機關/,
    );
    expect(html).toMatch(
      /<tr data-line="4"><td>第 4 行<\/td><td>資料集識別碼<\/td><td>此列的資料集或提供機關不屬於所選機關/,
    );
    expect(html).not.toContain('data-line="2"');
    expect(stagingIdOf(html)).toBeUndefined();
    expect(await datasetCount()).toBe(1);
  });

  it('reports the importer’s own problems with their lines (JSON: records)', async () => {
    const before = staged();
    const csv = await dryRun(editor, csvFile([row({ 資料集識別碼: '9021', 服務分類: '生活' })]));
    expect(csv.statusCode).toBe(400);
    expect(csv.body).toMatch(
      /<tr data-line="2"><td>第 2 行<\/td><td>服務分類<\/td><td>unknown category 生活/,
    );
    const json = await dryRun(editor, '[{"title": "缺很多欄位"}]', weather, 'catalogue.json');
    expect(json.statusCode).toBe(400);
    expect(json.body).toContain('<tr data-record="1"><td>第 1 筆</td>');
    // A file that cannot be imported is not kept.
    expect(staged()).toEqual(before);
    expect(await datasetCount()).toBe(1);
  });

  it('keeps the staged file for this session only', async () => {
    const html = (await dryRun(editor, GOOD_FILE)).body;
    const stagingId = stagingIdOf(html) as string;
    const elsewhere = await postForm(app, '/manage/import/confirm', secondSession, { stagingId });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.body).toContain('上傳的檔案已逾時或不屬於此次登入');
    expect(await datasetCount()).toBe(1);
  });

  it('imports on confirmation: datasets with versions and audit rows by the signed-in person', async () => {
    const html = (await dryRun(editor, GOOD_FILE)).body;
    const stagingId = stagingIdOf(html) as string;
    expect(staged()).toContain(`${stagingId}.upload`);
    const res = await postForm(app, '/en/manage/import/confirm', editor, { stagingId });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/en/manage/import?organization=${weather}&created=2&updated=0`);
    expect((await getAs(app, res.headers.location as string, editor)).body).toContain(
      'Imported: 2 created, 0 updated.',
    );
    for (const [datasetId, title] of [
      [9001, '雨量站觀測資料'],
      [9002, '溫度觀測資料'],
    ] as const) {
      const dataset = await getDataset(t, datasetId);
      expect(dataset).toMatchObject({
        identifier: `A41000000G-00${datasetId}`,
        title,
        organizationId: weather,
      });
      const versions = await listVersions(t.db, datasetId);
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ version: 1, action: 'import', actor: `user:${editorEmail}` });
    }
    const audit = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'dataset.import')
      .orderBy('targetId')
      .execute();
    expect(audit.map((a) => [a.targetId, a.actorKind, a.actorId, Number(a.organizationId)])).toEqual([
      ['A41000000G-009001', 'user', String(editorId), weather],
      ['A41000000G-009002', 'user', String(editorId), weather],
    ]);
    // The staged file is gone: confirming again imports nothing.
    expect(staged().filter((name) => name.startsWith(stagingId))).toEqual([]);
    const again = await postForm(app, '/manage/import/confirm', editor, { stagingId });
    expect(again.statusCode).toBe(400);
    expect(await datasetCount()).toBe(3);
  });

  it('shows rows that would update or leave a dataset unchanged', async () => {
    const res = await dryRun(
      editor,
      csvFile([
        row({ 資料集識別碼: '9001', 資料集名稱: '雨量站觀測資料（新）' }),
        row({ 資料集識別碼: '9031' }),
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('新增 1 筆、更新 1 筆、未變更 0 筆');
    expect(res.body).toMatch(
      /<tr data-action="update"><td>第 2 行<\/td><td>更新<\/td><td lang="en">A41000000G-009001<\/td>/,
    );
  });
});
