import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../features/accounts/password.ts';
import { createUser, setMembership } from '../features/accounts/user.repo.ts';
import { organizationRow } from '../test/factories.ts';
import { expectNoSeriousViolations } from './accessibility.ts';
import { browserSuite, useE2ePortal } from './e2e-portal.ts';

/**
 * Publishing end to end in Chromium, with the job worker running as under `odp serve`:
 * an agency editor signs in, creates a dataset with a URL resource and a resource whose
 * CSV they upload (seeing a live validation error on the way), publishes it, watches
 * the checks run and the badges appear on the public page, edits the title, reads the
 * version diff and restores the old version.
 */

const AGENCY = 'E2EPUBLISH';
const EMAIL = 'editor@e2e-publishing.example.gov.tw';
const PASSWORD = 'a long enough demo password';
const IDENTIFIER = `${AGENCY}-000001`;
const UPLOADED_CSV = 'station,rain\nC0A520,1.5\nC0A530,0\nC0A540,12.25\n';

browserSuite('publishing through the back office in Chromium', () => {
  const portal = useE2ePortal({ jobs: true });

  beforeAll(async () => {
    const db = portal().database.db;
    const [row] = await db
      .insertInto('organizations')
      .values(organizationRow({ agencyCode: AGENCY, nameZh: '發布測試機關' }))
      .returning('id')
      .execute();
    const userId = await createUser(db, {
      email: EMAIL,
      displayName: '發布測試編輯',
      passwordHash: await hashPassword(PASSWORD),
      emailVerified: true,
    });
    await setMembership(db, userId, Number(row!.id), 'editor');
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${portal().origin}/login`);
    await page.locator('input[name="email"]').fill(EMAIL);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await Promise.all([
      page.waitForURL(/\/manage$/),
      page.locator('form.account-form button[type="submit"]').click(),
    ]);
  }

  async function datasetRow() {
    return portal()
      .database.db.selectFrom('datasets')
      .select(['id', 'titleZh', 'status', 'version'])
      .where('identifier', '=', IDENTIFIER)
      .executeTakeFirstOrThrow();
  }

  it('sign in, create with an upload and a URL, publish, see the badges, edit, diff, restore', async () => {
    const origin = portal().origin;
    await portal().withPage({}, async (page, problems) => {
      await signIn(page);
      await Promise.all([
        page.waitForURL(/\/manage\/datasets\/new/),
        page.getByRole('link', { name: '新增資料集' }).click(),
      ]);

      // Live validation: a URL that is not http(s) is reported beside its field at once.
      const firstUrl = page.locator('#field-distribution-0-downloadURL');
      await firstUrl.fill('ftp://example.gov.tw/shelters.csv');
      await firstUrl.blur();
      await expect
        .poll(() => page.locator('#field-distribution-0-downloadURL-error').textContent())
        .toContain('http://');
      await firstUrl.fill(`${origin}/demo-files/taitung-shelters-twd97.csv`);
      await firstUrl.blur();
      await expect.poll(() => page.locator('#field-distribution-0-downloadURL-error').count()).toBe(0);

      await page.locator('#field-identifier').fill(IDENTIFIER);
      await page.locator('#field-title').fill('避難收容處所');
      await page.locator('#field-categoryCode').selectOption('E00');
      await page.locator('#field-description').fill('臺東縣避難收容處所與每日雨量');
      await page.locator('#field-fieldDescription').fill('name(名稱)、x(TWD97 X)、y(TWD97 Y)');
      await page.locator('#field-accrualPeriodicity').selectOption('每1日');
      await page.locator('#field-publisherContactEmail').fill('data@example.gov.tw');
      await page.locator('#field-distribution-0-resourceDescription').fill('避難收容處所 CSV');
      await page.locator('#field-distribution-0-format').selectOption('CSV');
      await page.locator('#field-distribution-0-characterSetCode').selectOption('UTF-8');
      // A second resource row (works without JS: the button re-renders the form with one more row).
      await page.getByRole('button', { name: '新增資料資源' }).click();
      await page.locator('#field-distribution-1-resourceDescription').fill('每日雨量 CSV（上傳）');
      await page.locator('#field-distribution-1-format').selectOption('CSV');
      await page.locator('#field-distribution-1-characterSetCode').selectOption('UTF-8');
      // Until its file is uploaded, the resource points at another file of this portal.
      await page
        .locator('#field-distribution-1-downloadURL')
        .fill(`${origin}/demo-files/yilan-catalog-2018.csv`);
      await Promise.all([
        page.waitForURL(/\/manage\/datasets\/\d+\/edit\?notice=created$/),
        page.getByRole('button', { name: '儲存為草稿' }).click(),
      ]);
      const created = await datasetRow();
      expect(created).toMatchObject({ status: 'draft', version: 1 });

      // Upload the CSV of the second resource: the progress bar, then the platform's URL in the field.
      await page.locator('#upload-1').setInputFiles({
        name: 'rain.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(UPLOADED_CSV, 'utf8'),
      });
      await expect.poll(() => page.locator('#upload-1-status').textContent()).toBe('上傳完成。');
      const fileUrl = `${origin}/dataset/${created.id}/resource/${IDENTIFIER}-002/file`;
      expect(await page.locator('#field-distribution-1-downloadURL').inputValue()).toBe(fileUrl);
      expect(await datasetRow()).toMatchObject({ version: 2 });
      await expectNoSeriousViolations(page, 'the edit page after an upload');

      // Publish; the worker checks both resources (fetching them from this portal).
      await Promise.all([
        page.waitForURL(/\/edit\?notice=published$/),
        page.getByRole('button', { name: '上架', exact: true }).click(),
      ]);
      expect(await datasetRow()).toMatchObject({ status: 'published' });
      await expect
        .poll(
          async () => {
            const levels = await portal()
              .database.db.selectFrom('resources')
              .select('qualityLevel')
              .where('datasetId', '=', created.id)
              .execute();
            return levels.every((r) => r.qualityLevel !== null);
          },
          { timeout: 60_000, interval: 500 },
        )
        .toBe(true);
      await portal().open(page, `/dataset/${created.id}`);
      const quality = await page.locator('main').textContent();
      expect(quality).toContain('避難收容處所 CSV：');
      expect(quality).not.toContain('尚未檢測');
      const uploaded = await page.request.get(fileUrl);
      expect(uploaded.status()).toBe(200);
      expect(await uploaded.text()).toBe(UPLOADED_CSV);

      // Edit the title; the public diff shows from → to.
      await portal().open(page, `/manage/datasets/${created.id}/edit`);
      await page.locator('#field-title').fill('臺東縣避難收容處所');
      await Promise.all([
        page.waitForURL(/\/edit\?notice=saved$/),
        page.getByRole('button', { name: '儲存', exact: true }).first().click(),
      ]);
      const edited = await datasetRow();
      expect(edited.titleZh).toBe('臺東縣避難收容處所');
      await portal().open(page, `/dataset/${created.id}/versions/${edited.version}`);
      const diff = await page.locator('main').textContent();
      expect(diff).toContain('避難收容處所');
      expect(diff).toContain('臺東縣避難收容處所');
      await expectNoSeriousViolations(page, 'the version diff page');

      // Restore the version before the edit: a new version with the old title.
      const before = edited.version - 1;
      await portal().open(page, `/manage/datasets/${created.id}/versions/${before}`);
      await Promise.all([
        page.waitForURL((url) => !url.pathname.endsWith(`/versions/${before}`) || url.search !== ''),
        page.getByRole('button', { name: `還原為第 ${before} 版` }).click(),
      ]);
      await expect.poll(() => page.locator('main').textContent()).toContain(`已將第 ${before} 版還原`);
      expect(await datasetRow()).toMatchObject({
        titleZh: '避難收容處所',
        status: 'published',
        version: edited.version + 1,
      });

      expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    });
  }, 180_000);
});
