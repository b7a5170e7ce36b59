import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { insertOrganization } from '../organizations/organization.repo.ts';

/**
 * A small catalogue for the page tests: 交通部 with its 中央氣象署 (central) and 臺北市政府
 * (local); 32 rain datasets, an English-titled one, a hostile one, a draft and a Taipei one.
 */

export interface PageFixture {
  t: TestDatabase;
  app: FastifyInstance;
  firstId: number;
  englishId: number;
  evilId: number;
  taipeiId: number;
  ministryId: number;
  bureauId: number;
  cityId: number;
}

const serial = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, '0')}`;

export async function openPageFixture(): Promise<PageFixture> {
  const t = await openTestDatabase();
  const ministry = await insertOrganization(
    t.db,
    organizationRow({
      nameZh: '交通部',
      agencyCode: 'A41000000A',
      nameEn: 'Ministry of Transportation and Communications',
    }),
  );
  const bureau = await insertOrganization(
    t.db,
    organizationRow({
      nameZh: '交通部中央氣象署',
      agencyCode: 'A41000000G',
      parentId: ministry.id,
      nameEn: 'Central Weather Administration',
      oid: '2.16.886.101.20003.20006',
    }),
  );
  const city = await insertOrganization(
    t.db,
    organizationRow({ nameZh: '臺北市政府', agencyCode: '379000000A', level: 'local' }),
  );
  const items = Array.from({ length: 32 }, (_, i) => ({
    input: datasetInput({
      identifier: serial('A41000000G', i + 1),
      title: `測試雨量資料集${String(i + 1).padStart(2, '0')}`,
    }),
  }));
  items.push({
    input: datasetInput({
      identifier: serial('A41000000G', 80),
      title: '颱風警報',
      titleEn: 'Typhoon warnings',
      description: '颱風警報發布紀錄',
      descriptionEn: 'Typhoon warnings issued',
      keyword: ['颱風'],
      themes: ['disaster', 'disaster-01'],
      categoryCode: 'I00',
    }),
  });
  items.push({
    input: datasetInput({
      identifier: serial('A41000000G', 90),
      title: '<script>alert(1)</script>資料',
      description: '</script><script>alert(2)</script>',
      notes: 'a & b <b>',
      keyword: ['<img src=x onerror=alert(3)>'],
    }),
  });
  items.push({
    input: datasetInput({ identifier: serial('A41000000G', 91), title: '草稿資料集', status: 'draft' }),
  });
  items.push({
    input: datasetInput({
      identifier: serial('379000000A', 1),
      title: '臺北市公共自行車站點',
      publisher: '臺北市政府',
      organization: '臺北市政府',
      categoryCode: 'A00',
      themes: ['transport'],
      keyword: ['自行車'],
      distribution: [
        {
          resourceDescription: '站點 JSON',
          format: 'JSON',
          characterSetCode: 'UTF-8',
          downloadURL: 'https://example.gov.tw/bike.json',
        },
      ],
    }),
  });
  const records = await createDatasets(t, items, { actor: 'test' });
  const app = await buildTestApp(t);
  return {
    t,
    app,
    firstId: records[0]!.datasetId,
    englishId: records[32]!.datasetId,
    evilId: records[33]!.datasetId,
    taipeiId: records[35]!.datasetId,
    ministryId: ministry.id,
    bureauId: bureau.id,
    cityId: city.id,
  };
}

export async function closePageFixture(f: PageFixture): Promise<void> {
  await f.app.close();
  await f.t.destroy();
}

export const DB_NAME = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

/**
 * For a page test file: opens the fixture before its tests and closes it after. Returns
 * `f()`, the fixture, and `get`, which requests a page (or its `.json` twin) in-process.
 */
export function usePageFixture() {
  let fixture: PageFixture | undefined;
  beforeAll(async () => {
    fixture = await openPageFixture();
  });
  afterAll(async () => {
    if (fixture) await closePageFixture(fixture);
  });
  const f = (): PageFixture => {
    if (!fixture) throw new Error('The page fixture did not open (see the beforeAll error)');
    return fixture;
  };
  const get = (url: string, headers: Record<string, string> = {}) => f().app.inject({ url, headers });
  return { f, get };
}

/** Asserts a snippet is in a page without printing the whole page when it is not. */
export function has(html: string, snippet: string): void {
  expect(html.includes(snippet), snippet).toBe(true);
}
