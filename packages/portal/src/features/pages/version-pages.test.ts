import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createUser } from '../accounts/user.repo.ts';
import { createDatasets, updateDatasetMetadata } from '../datasets/dataset.service.ts';
import { insertOrganization } from '../organizations/organization.repo.ts';
import { DB_NAME, has } from './page-fixtures.ts';

/*
 * The public version history: every version with who (never an e-mail), and one version
 * against the one before it, field by field, with resources added and removed.
 */

let t: TestDatabase;
let app: FastifyInstance;
let rainId: number;
let draftId: number;
const EMAIL = 'editor.chen@example.gov.tw';
const LONG_BEFORE =
  '全國雨量站每小時觀測資料，包含測站代碼、觀測時間與時雨量，資料來源為自動雨量站，每小時更新一次。';
const LONG_AFTER =
  '全國雨量站每日觀測資料，包含測站代碼、觀測時間與日雨量，資料來源為自動雨量站，每小時更新一次。';
const SECOND = {
  resourceDescription: '雨量站觀測資料 JSON',
  format: 'JSON',
  characterSetCode: 'UTF-8',
  downloadURL: 'https://example.gov.tw/rain.json',
};

beforeAll(async () => {
  t = await openTestDatabase();
  await insertOrganization(t.db, organizationRow({ agencyCode: 'A41000000G', nameZh: '交通部中央氣象署' }));
  await createUser(t.db, { email: EMAIL, displayName: '陳編輯', passwordHash: null });
  const [rain, draft] = await createDatasets(
    t,
    [
      { input: datasetInput({ description: LONG_BEFORE }) },
      { input: datasetInput({ identifier: 'A41000000G-000002', title: '草稿', status: 'draft' }) },
    ],
    { actor: 'import:/tmp/uploads/catalogue.csv' },
  );
  rainId = rain!.datasetId;
  draftId = draft!.datasetId;
  const first = rain!.distribution[0]!;
  const write = (body: object, actor: string) =>
    updateDatasetMetadata(t, rainId, body, { actor, mode: 'patch' });
  // 2: a new title and a second resource, by a person.
  await write({ title: '雨量站觀測資料（新版）', distribution: [{ ...first }, SECOND] }, `user:${EMAIL}`);
  // 3: a longer description changed and the first resource removed, by the admin token.
  const v2 = await t.db
    .selectFrom('resources')
    .select('resourceId')
    .where('datasetId', '=', rainId)
    .execute();
  const second = v2.map((r) => r.resourceId).find((id) => id !== first.resourceID)!;
  await write({ description: LONG_AFTER, distribution: [{ ...SECOND, resourceID: second }] }, 'admin-token');
  // 4: a hostile title, by someone whose actor is an unknown address.
  await write({ title: '<script>alert(1)</script>' }, 'user:nobody@example.org');
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const get = (url: string) => app.inject({ url });

describe(`public version pages on ${DB_NAME}`, () => {
  it('lists every version with time, a safe actor, the action and the fields changed', async () => {
    const res = await get(`/dataset/${rainId}/versions`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    has(html, '<caption>共 4 個版本，新到舊</caption>');
    for (const n of [1, 2, 3, 4]) has(html, `<a href="/dataset/${rainId}/versions/${n}">第 ${n} 版</a>`);
    has(html, '<td>陳編輯</td><td>修改</td><td>資料集名稱、資料資源</td>');
    has(html, '<td>平臺管理者</td><td>修改</td><td>資料集描述、資料資源</td>');
    has(html, '<td>機關人員</td><td>修改</td><td>資料集名稱</td>');
    // The import's file name, without the server's directories.
    has(html, '<td>批次匯入（catalogue.csv）</td><td>新增</td>');
    expect(html).not.toContain('@example');
    expect(html).not.toContain('/tmp/uploads');
    const json = (await get(`/dataset/${rainId}/versions.json`)).json();
    expect(json).toMatchObject({ datasetId: rainId, identifier: 'A41000000G-000001', currentVersion: 4 });
    expect(json.results.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1]);
    expect(json.results[2]).toMatchObject({ actor: { kind: 'person', name: '陳編輯' }, action: 'update' });
    expect(JSON.stringify(json)).not.toContain('@example');
    const english = (await get(`/en/dataset/${rainId}/versions`)).body;
    has(english, '<td>Platform administrator</td><td>Changed</td><td>Description, Resources</td>');
    has(english, `<a href="/en/dataset/${rainId}/versions/2">Version 2</a>`);
  });

  it('shows a title change as before and after, and a resource added', async () => {
    const html = (await get(`/dataset/${rainId}/versions/2`)).body;
    has(html, '<h2 id="diff">與第 1 版的差異</h2>');
    has(
      html,
      '<tr data-field="title"><th scope="row">資料集名稱</th>' +
        '<td><span class="value-text">雨量站觀測資料</span></td>' +
        '<td><span class="value-text">雨量站觀測資料（新版）</span></td></tr>',
    );
    has(html, '<caption>新增的資料資源</caption>');
    has(html, '<td>雨量站觀測資料 JSON</td><td>JSON</td><td>UTF-8</td>');
    expect(html).not.toContain('移除的資料資源');
    // The metadata as it was, and the way to restore it.
    has(html, '<h2 id="snapshot">第 2 版的完整詮釋資料</h2>');
    has(
      html,
      `<a href="/manage/datasets/${rainId}/versions/2" rel="nofollow">還原此版本（機關人員登入）</a>`,
    );
    const json = (await get(`/dataset/${rainId}/versions/2.json`)).json();
    expect(json.changes.fields).toEqual([
      { field: 'title', from: '雨量站觀測資料', to: '雨量站觀測資料（新版）' },
    ]);
    expect(json.changes.resources.added).toHaveLength(1);
    expect(json.snapshot).toMatchObject({ title: '雨量站觀測資料（新版）', version: 2 });
    expect(json.snapshot.distribution).toHaveLength(2);
  });

  it('shows a long text as a word diff and a resource removed', async () => {
    const html = (await get(`/dataset/${rainId}/versions/3`)).body;
    has(
      html,
      '<p class="text-diff"><span>全國雨量站每</span><del title="刪除">小時</del><ins title="新增">日</ins>',
    );
    has(html, '<del title="刪除">時</del><ins title="新增">日</ins><span>雨量，');
    has(html, '<caption>移除的資料資源</caption>');
    has(html, '<td>雨量站觀測資料 CSV</td><td>CSV</td>');
    const json = (await get(`/dataset/${rainId}/versions/3.json`)).json();
    expect(json.changes.resources.removed).toEqual([
      { resourceID: 'A41000000G-000001-001', resourceDescription: '雨量站觀測資料 CSV', format: 'CSV' },
    ]);
    const english = (await get(`/en/dataset/${rainId}/versions/3`)).body;
    has(english, '<h2 id="diff">Changes since version 2</h2>');
    has(english, '<caption>Resources removed</caption>');
  });

  it('renders a hostile title in a diff as inert text', async () => {
    const html = (await get(`/dataset/${rainId}/versions/4`)).body;
    expect(html).not.toContain('<script>alert(1)</script>');
    has(html, '<span class="value-text">&lt;script>alert(1)&lt;/script></span>');
    expect((await get(`/dataset/${rainId}/versions/4`)).headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
    // The current version has nothing to restore.
    expect(html).not.toContain('還原此版本');
  });

  it('calls version 1 the first, and answers 404 for a missing version', async () => {
    const html = (await get(`/dataset/${rainId}/versions/1`)).body;
    has(html, '這是第一個版本');
    const missing = await get(`/dataset/${rainId}/versions/9`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/text\/html/);
    expect((await get(`/dataset/${rainId}/versions/9.json`)).json().error.code).toBe('VERSION_NOT_FOUND');
  });

  it('keeps drafts private: their history is 404 for the public', async () => {
    for (const url of [
      `/dataset/${draftId}/versions`,
      `/dataset/${draftId}/versions.json`,
      `/dataset/${draftId}/versions/1`,
      `/dataset/${draftId}/versions/1.json`,
      `/en/dataset/${draftId}/versions/1`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('草稿');
    }
  });

  it('links the dataset page to the history pages, without e-mail addresses', async () => {
    const html = (await get(`/dataset/${rainId}`)).body;
    has(html, `<a href="/dataset/${rainId}/versions">版本紀錄與逐欄差異</a>`);
    has(html, `<a href="/dataset/${rainId}/versions/4">第 4 版的差異</a>`);
    has(html, '<td>機關人員</td><td><code>update</code></td>');
    expect(html).not.toContain(EMAIL);
  });
});
