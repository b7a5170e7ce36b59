import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, LICENCES } from '@odp/quality/metadata';
import { THEMES } from '../../domain/vocabularies/themes.ts';
import { buildTestApp } from '../../http/test-app.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';

let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe('REST API v1 vocabularies', () => {
  it('lists the themes with their sub-categories', async () => {
    const res = await app.inject('/api/v1/themes');
    expect(res.statusCode).toBe(200);
    const results = res.json().results;
    expect(results).toHaveLength(THEMES.length);
    expect(results[0]).toMatchObject({
      code: 'climate',
      nameZh: '氣候環境',
      candidate: false,
      subcategories: expect.arrayContaining([{ code: 'climate-01', nameZh: '天氣', nameEn: 'Weather' }]),
    });
  });

  it('lists the 18 service categories', async () => {
    const res = await app.inject('/api/v1/categories');
    expect(res.json().results).toHaveLength(CATEGORIES.length);
    expect(res.json().results).toContainEqual({
      code: 'A00',
      nameZh: '交通及通訊',
      nameEn: 'Transport and communications',
    });
  });

  it('lists the licences', async () => {
    const res = await app.inject('/api/v1/licences');
    expect(res.json().results).toHaveLength(LICENCES.length);
    expect(res.json().results[0]).toMatchObject({
      code: '1',
      nameZh: '政府資料開放授權條款-第1版',
      url: 'https://data.gov.tw/license',
    });
  });
});
