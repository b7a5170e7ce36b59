import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../features/accounts/password.ts';
import { createUser, setMembership } from '../features/accounts/user.repo.ts';
import { organizationRow } from '../test/factories.ts';
import { expectNoSeriousViolations } from './accessibility.ts';
import { browserSuite, useE2ePortal } from './e2e-portal.ts';

/**
 * The back office (後台) in Chromium: an editor signs in on the sign-in page, lands on
 * /manage, opens the new-dataset form, sees a live-validation message appear beside a
 * field and go away again as they type, creates a dataset with one URL resource, edits
 * it, and axe-core finds nothing serious on /manage, the form or the edit page.
 */

const AGENCY = 'E2EMANAGE1';
const EMAIL = 'editor@e2e-manage.example.gov.tw';
const PASSWORD = 'correct horse battery staple';

browserSuite('the back office in Chromium', () => {
  const portal = useE2ePortal();
  let organizationId: number;

  beforeAll(async () => {
    const db = portal().database.db;
    const [row] = await db
      .insertInto('organizations')
      .values(organizationRow({ agencyCode: AGENCY, nameZh: '後台測試機關' }))
      .returning('id')
      .execute();
    organizationId = Number(row!.id);
    const userId = await createUser(db, {
      email: EMAIL,
      displayName: '後台測試編輯',
      passwordHash: await hashPassword(PASSWORD),
      emailVerified: true,
    });
    await setMembership(db, userId, organizationId, 'editor');
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${portal().origin}/manage`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.locator('input[name="email"]').fill(EMAIL);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await Promise.all([
      page.waitForURL(/\/manage$/),
      page.locator('form.account-form button[type="submit"]').click(),
    ]);
  }

  /** The live message of a field, or null when it shows none. */
  async function liveError(page: Page, id: string) {
    return page.locator(`#${id}`).evaluate((control) => {
      const error = document.getElementById(`${control.id}-error`);
      return {
        message: error?.textContent ?? null,
        invalid: control.getAttribute('aria-invalid'),
        describedBy: control.getAttribute('aria-describedby') ?? '',
      };
    });
  }

  it('signs in, creates a dataset with a URL resource (with live validation), edits it; axe-clean', async () => {
    await portal().withPage({}, async (page, problems) => {
      await signIn(page);
      await expect.poll(() => page.locator('h1').textContent()).toBe('後台管理');
      await expect.poll(() => page.locator('main').textContent()).toContain('後台測試機關');
      await expectNoSeriousViolations(page, 'the back office home');

      await Promise.all([
        page.waitForURL(/\/manage\/datasets\/new/),
        page.getByRole('link', { name: '新增資料集' }).click(),
      ]);
      expect(await page.locator('#field-identifier').inputValue()).toBe(`${AGENCY}-`);
      expect(await page.locator('#field-publisher').inputValue()).toBe('後台測試機關');
      await expectNoSeriousViolations(page, 'the new-dataset form');

      // Live validation: an emptied title is reported beside the field, and the report goes when it is filled in.
      const title = page.locator('#field-title');
      await title.fill('暫時');
      await title.fill('');
      await title.blur();
      await expect
        .poll(() => liveError(page, 'field-title'))
        .toMatchObject({
          message: '錯誤：此欄位必填。',
          invalid: 'true',
        });
      expect((await liveError(page, 'field-title')).describedBy).toContain('field-title-error');
      await expectNoSeriousViolations(page, 'the form showing a live error');
      await title.fill('後台建立的雨量資料');
      await expect
        .poll(() => liveError(page, 'field-title'))
        .toEqual({
          message: null,
          invalid: null,
          describedBy: '',
        });
      // Untouched empty fields stay quiet.
      expect((await liveError(page, 'field-fieldDescription')).message).toBeNull();

      await page.locator('#field-identifier').fill(`${AGENCY}-000001`);
      await page.locator('#field-categoryCode').selectOption('E00');
      await page.locator('#field-description').fill('後台建立的測試資料集');
      await page.locator('#field-fieldDescription').fill('station(測站代碼)、rain(時雨量)');
      await page.locator('#field-accrualPeriodicity').selectOption('每1日');
      await page.locator('#field-publisherContactEmail').fill('data@example.gov.tw');
      await page.locator('#field-distribution-0-resourceDescription').fill('雨量 CSV');
      await page.locator('#field-distribution-0-format').selectOption('CSV');
      await page.locator('#field-distribution-0-characterSetCode').selectOption('UTF-8');
      const url = page.locator('#field-distribution-0-downloadURL');
      await url.fill('ftp://example.gov.tw/rain.csv');
      await url.blur();
      await expect
        .poll(async () => (await liveError(page, 'field-distribution-0-downloadURL')).message)
        .toContain('http://');
      await url.fill('https://example.gov.tw/rain.csv');
      await url.blur();
      await expect
        .poll(async () => (await liveError(page, 'field-distribution-0-downloadURL')).message)
        .toBeNull();

      await Promise.all([
        page.waitForURL(/\/manage\/datasets\/\d+\/edit\?notice=created$/),
        page.getByRole('button', { name: '儲存為草稿' }).click(),
      ]);
      await expect.poll(() => page.locator('.notice-success').textContent()).toBe('資料集已建立（草稿）。');
      expect(await page.locator('#field-title').inputValue()).toBe('後台建立的雨量資料');
      expect(await page.locator('input[name="distribution[0].resourceID"]').inputValue()).toBe(
        `${AGENCY}-000001-001`,
      );
      await expectNoSeriousViolations(page, 'the edit page');

      // Enter in a field saves (not 移除資料資源, the first visible submit button).
      await page.locator('#field-title').fill('後台修改後的雨量資料');
      await Promise.all([
        page.waitForURL(/\/edit\?notice=saved$/),
        page.locator('#field-title').press('Enter'),
      ]);
      expect(await page.locator('#field-title').inputValue()).toBe('後台修改後的雨量資料');
      const stored = await portal()
        .database.db.selectFrom('datasets')
        .select(['titleZh', 'status', 'version'])
        .where('identifier', '=', `${AGENCY}-000001`)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ titleZh: '後台修改後的雨量資料', status: 'draft', version: 2 });

      expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    });
    expect(portal().blocked).toEqual([]);
  });
});
