import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';

let t: TestDatabase;
let app: FastifyInstance;
const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

beforeAll(async () => {
  t = await openTestDatabase();
  await createDatasets(
    t,
    [
      { input: datasetInput() },
      {
        input: datasetInput({
          identifier: 'A41000000G-000002',
          title: '臺北市停車場<資訊>',
          description: 'Parking lots of Taipei & their spaces',
          categoryCode: 'A00',
          keyword: ['停車場'],
          type: 'SERVICES',
          distribution: [
            {
              resourceDescription: 'x',
              format: 'JSON',
              characterSetCode: 'UTF-8',
              downloadURL: 'https://e.gov.tw/p.json',
            },
          ],
        }),
        system: { qualityBadge: 'gold' },
      },
      { input: datasetInput({ identifier: 'A41000000G-000003', title: '停車場草稿', status: 'draft' }) },
    ],
    { actor: 'test' },
  );
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

const search = (qs: string) => app.inject({ method: 'GET', url: `/api/v1/search${qs}` });

describe(`GET /api/v1/search on ${engine}`, () => {
  it('finds, highlights and counts facets; drafts are not found', async () => {
    const res = await search(`?q=${encodeURIComponent('台北 停車場')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.sort).toBe('relevance');
    expect(body.results[0]).toMatchObject({
      identifier: 'A41000000G-000002',
      highlight: '<mark>臺北</mark>市<mark>停車場</mark>&lt;資訊&gt;',
      agency: '交通部中央氣象署',
      badge: 'gold',
    });
    expect(body.facets.badge).toEqual([{ value: 'gold', label: '金', count: 1 }]);
    expect(body.facets.format).toEqual([{ value: 'JSON', label: 'JSON', count: 1 }]);
  });

  it('filters by facet parameters and pages', async () => {
    expect((await search('?type=SERVICES')).json().total).toBe(1);
    expect((await search('?format=csv')).json().total).toBe(1);
    expect((await search('?badge=bronze&q=停車場')).json().total).toBe(0);
    const all = (await search('?limit=10&sort=id')).json();
    expect(all.total).toBe(2);
    expect(all.results.map((r: { identifier: string }) => r.identifier)).toEqual([
      'A41000000G-000001',
      'A41000000G-000002',
    ]);
  });

  it('suggests a spelling', async () => {
    const body = (await search('?q=parkin')).json();
    expect(body.total).toBe(0);
    expect(body.didYouMean).toBe('parking');
  });

  it.each([
    ['empty', ''],
    ['10 KB', 'x'.repeat(10_240)],
    ['unbalanced quotes', '"停車場'],
    ['only punctuation', '*^:()'],
    ['operators', `* ^ : ( ) NEAR AND OR NOT ' " ; --`],
    ['SQL', "'; drop table datasets; --"],
  ])('answers 200 to %s input', async (_name, q) => {
    const res = await search(`?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(0);
  });

  it('refuses a page size other than 10, 30 or 50 with the error body', async () => {
    const res = await search('?limit=20');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
