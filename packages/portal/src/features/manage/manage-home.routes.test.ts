import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { createTestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { MANAGE_PAGE_SIZE } from './manage-home.routes.tsx';
import { getAs, signIn, type TestSession } from './manage.fixtures.ts';

const DIALECT = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const XSS_TITLE = '<script>alert(1)</script>';
const XSS_ATTRIBUTE = '"><img src=x onerror=alert(1)>';

let t: TestDatabase;
let app: FastifyInstance;
let weather: number;
let other: number;
let editor: TestSession;
let member: TestSession;
let outsider: TestSession;
let platformAdmin: TestSession;

const serial = (n: number) => `A41000000G-${String(n).padStart(6, '0')}`;

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
  weather = Number(inserted[0]!.id);
  other = Number(inserted[1]!.id);
  editor = await signIn(t.db, (await createTestAccount(t.db, { roles: [[weather, 'editor']] })).userId);
  member = await signIn(t.db, (await createTestAccount(t.db, { roles: [[weather, 'member']] })).userId);
  outsider = await signIn(t.db, (await createTestAccount(t.db, { roles: [[other, 'admin']] })).userId);
  platformAdmin = await signIn(t.db, (await createTestAccount(t.db, { platformAdmin: true })).userId);
  const many = Array.from({ length: MANAGE_PAGE_SIZE + 2 }, (_, i) => ({
    input: datasetInput({ identifier: serial(i + 1), title: `例行資料 ${i + 1}` }),
  }));
  await createDatasets(
    t,
    [
      ...many,
      { input: datasetInput({ identifier: serial(500), title: XSS_TITLE, titleEn: XSS_ATTRIBUTE }) },
      { input: datasetInput({ identifier: serial(501), title: '草稿資料集', status: 'draft' }) },
      {
        input: datasetInput({
          identifier: 'B12345678C-000001',
          title: '別的機關的資料集',
          publisher: '另一個機關',
        }),
      },
    ],
    { actor: 'test', now: new Date('2026-01-01T00:00:00Z') },
  );
  // The XSS dataset is the most recently changed and has two failed checks.
  await t.db
    .updateTable('datasets')
    .set({ updatedAt: '2026-06-01T00:00:00.000Z' })
    .where('identifier', '=', serial(500))
    .execute();
  const resource = await t.db
    .selectFrom('resources')
    .innerJoin('datasets', 'datasets.id', 'resources.datasetId')
    .select('resources.id')
    .where('datasets.identifier', '=', serial(500))
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('resourceChecks')
    .values(
      (['linkable', 'downloadable', 'encoding_match'] as const).map((checkId, i) => ({
        resourceId: resource.id,
        checkId,
        checkVersion: 1,
        status: i < 2 ? 'fail' : 'pass',
        evidence: '{}',
        fixZh: null,
        fixEn: null,
        checkedAt: '2026-06-01T00:00:00.000Z',
      })),
    )
    .execute();
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

/** The table row of the dataset whose identifier is given. */
function rowOf(html: string, identifier: string): string {
  const at = html.indexOf(`>${identifier}<`);
  if (at === -1) return '';
  return html.slice(html.lastIndexOf('<tr>', at), html.indexOf('</tr>', at));
}

describe(`back office home (/manage) on ${DIALECT}`, () => {
  it('sends anyone not signed in to the sign-in page, back here afterwards', async () => {
    const res = await getAs(app, '/manage?status=draft');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/login?next=${encodeURIComponent('/manage?status=draft')}`);
    expect((await getAs(app, '/en/manage')).headers.location).toBe(
      `/en/login?next=${encodeURIComponent('/en/manage')}`,
    );
  });

  it("lists my organisations with my role and the first one's datasets, newest change first", async () => {
    const res = await getAs(app, '/manage', editor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const html = res.body;
    expect(html).toContain('交通部中央氣象署');
    expect(html).toContain('<td>編輯者</td>');
    expect(html).not.toContain('另一個機關');
    expect(html).toContain(`共 ${MANAGE_PAGE_SIZE + 4} 筆`);
    const first = rowOf(html, serial(500));
    expect(first).toContain('已上架');
    expect(first).toContain('2 項未通過檢測');
    expect(first).toContain('<td>1</td>');
    expect(first).toContain('2026-06-01');
    expect(first).toContain(`href="/manage/datasets/`);
    expect(html.indexOf(serial(500))).toBeLessThan(html.indexOf(serial(501)));
    expect(rowOf(html, serial(501))).toContain('草稿');
    expect(html).toContain(`href="/manage/datasets/new?organization=${weather}"`);
  });

  it('renders hostile titles inert', async () => {
    const html = (await getAs(app, '/manage', editor)).body;
    expect(html).not.toContain(XSS_TITLE);
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    const english = (await getAs(app, '/en/manage', editor)).body;
    expect(english).not.toContain('<img src=x');
    expect(english).toContain('&quot;>&lt;img src=x onerror=alert(1)>');
  });

  it('filters by status and pages', async () => {
    const drafts = (await getAs(app, `/manage?organization=${weather}&status=draft`, editor)).body;
    expect(drafts).toContain(serial(501));
    expect(drafts).not.toContain(serial(500));
    expect(drafts).toContain('共 1 筆');
    const firstPage = (await getAs(app, '/manage', editor)).body;
    const secondPage = (
      await getAs(app, `/manage?organization=${weather}&offset=${MANAGE_PAGE_SIZE}`, editor)
    ).body;
    const ids = (html: string) => [...html.matchAll(/>(A41000000G-\d{6})</g)].map((m) => m[1]);
    expect(ids(firstPage)).toHaveLength(MANAGE_PAGE_SIZE);
    expect(ids(secondPage)).toHaveLength(4);
    expect(ids(secondPage).some((id) => ids(firstPage).includes(id))).toBe(false);
    expect(firstPage).toContain(`href="/manage?organization=${weather}&amp;offset=${MANAGE_PAGE_SIZE}"`);
    expect((await getAs(app, '/manage?status=nonsense', editor)).statusCode).toBe(400);
  });

  it('shows a member the list without edit links; another organisation sees none of it', async () => {
    const html = (await getAs(app, '/manage', member)).body;
    expect(html).toContain('<td>成員</td>');
    expect(html).toContain(serial(500));
    expect(html).not.toContain('/edit"');
    expect(html).not.toContain('/manage/datasets/new');
    const foreign = (await getAs(app, `/manage?organization=${weather}`, outsider)).body;
    expect(foreign).not.toContain(serial(500));
    expect(foreign).not.toContain('交通部中央氣象署');
  });

  it('lets a platform administrator pick any organisation', async () => {
    const html = (await getAs(app, `/manage?organization=${other}`, platformAdmin)).body;
    expect(html).toMatch(new RegExp(`<option value="${other}" selected>另一個機關</option>`));
    expect(html).toContain(`<option value="${weather}">交通部中央氣象署</option>`);
    expect(html).toContain('B12345678C-000001');
    expect(html).not.toContain(serial(500));
  });
});
