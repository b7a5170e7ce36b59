import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertChunked } from '../../db/chunked-insert.ts';
import { buildTestApp } from '../../http/test-app.ts';
import { datasetInput, usageEvents } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { aggregateUsage } from './aggregate-usage.service.ts';
import { taipeiDay } from './usage-day.ts';
import type { UsageKind } from './usage-event.ts';

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

let t: TestDatabase;
let app: FastifyInstance;
/** datasetId by identifier's serial (1 → A41000000G-000001). */
const id: Record<number, number> = {};

const identifier = (n: number) => `A41000000G-00000${n}`;
// Publishers chosen so that code-point order differs from insertion order and from any locale's.
const PUBLISHERS: Record<number, string> = {
  1: '臺北市政府',
  2: 'Ministry of Transport',
  3: '交通部中央氣象署',
  4: 'ministry of culture',
  5: '交通部中央氣象署',
  6: '內政部',
};

const NOW = new Date('2026-11-27T02:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

/** `n` events of a kind for the dataset numbered `dataset` (1–6) at an instant. */
const events = (n: number, kind: UsageKind, dataset: number, at: string) =>
  usageEvents(n, kind, id[dataset] as number, at);

beforeAll(async () => {
  t = await openTestDatabase();
  const created = await createDatasets(
    t,
    [1, 2, 3, 4, 5, 6].map((n) => ({
      input: datasetInput({
        identifier: identifier(n),
        title: `資料集 ${n}`,
        publisher: PUBLISHERS[n],
        ...(n === 6 ? { status: 'draft' } : {}),
      }),
    })),
    { actor: 'test' },
  );
  created.forEach((d, i) => (id[i + 1] = d.datasetId));
  await insertChunked(t.db, 'usageEvents', [
    // Views: 3 → 5, 1 → 2, 5 → 2 (a tie with 1), the draft 6 → 9.
    ...events(5, 'view', 3, daysAgo(20)),
    ...events(2, 'view', 1, daysAgo(2)),
    ...events(2, 'view', 5, daysAgo(3)),
    ...events(9, 'view', 6, daysAgo(1)),
    // Downloads overall: 2 → 6 (all long ago), 4 → 3, 1 → 3; in the last 7 days: 4 → 3, 1 → 1.
    ...events(6, 'download', 2, daysAgo(15)),
    ...events(3, 'download', 4, daysAgo(1)),
    ...events(2, 'download', 1, daysAgo(10)),
    ...events(1, 'download', 1, daysAgo(6)),
    ...events(4, 'api', 2, daysAgo(1)),
  ] as unknown as Record<string, unknown>[]);
  const outcome = await aggregateUsage({ db: t.db, dialect: t.dialect }, { now: NOW });
  expect(outcome.asOf).toBe(taipeiDay(new Date(daysAgo(1))));
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

const serials = (results: { datasetId: number }[]) =>
  results.map((r) => Number(Object.entries(id).find(([, v]) => v === r.datasetId)?.[0]));

describe(`search sorts by use and by agency on ${engine}`, () => {
  it.each([
    // Ties (0, or equal counts) go to the lower datasetId; the draft is never listed.
    ['views', [3, 1, 5, 2, 4]],
    ['downloads', [2, 1, 4, 3, 5]],
    ['downloads7d', [4, 1, 2, 3, 5]],
    // By code point: Latin capitals, then lower case, then 交 (U+4EA4), then 臺 (U+81FA).
    ['agency', [2, 4, 3, 5, 1]],
  ])('sort=%s', async (sort, expected) => {
    const res = await app.inject(`/api/v1/search?sort=${sort}&limit=10`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sort).toBe(sort);
    expect(body.total).toBe(5);
    expect(serials(body.results)).toEqual(expected);
  });

  it('pages and filters under a usage sort', async () => {
    const page = (await app.inject('/api/v1/search?sort=downloads&limit=10&offset=3')).json();
    expect(serials(page.results)).toEqual([3, 5]);
    const q = (
      await app.inject(
        `/api/v1/search?sort=views&limit=10&q=${encodeURIComponent('資料集')}&agency=${encodeURIComponent('交通部中央氣象署')}`,
      )
    ).json();
    expect(serials(q.results)).toEqual([3, 5]);
  });

  it('refuses an unknown sort', async () => {
    const res = await app.inject('/api/v1/search?sort=popular');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe(`GET /api/v1/stats on ${engine}`, () => {
  it('lists the most downloaded datasets overall and in the last 7 days', async () => {
    const all = await app.inject('/api/v1/stats/popular');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ window: 'all', by: 'downloads' });
    expect(all.json().results).toEqual([
      {
        datasetId: id[2],
        identifier: identifier(2),
        title: '資料集 2',
        titleEn: null,
        agency: 'Ministry of Transport',
        views: 0,
        downloads: 6,
      },
      expect.objectContaining({ datasetId: id[1], downloads: 3, views: 2 }),
      expect.objectContaining({ datasetId: id[4], downloads: 3, views: 0 }),
    ]);
    const week = (await app.inject('/api/v1/stats/popular?window=7d&limit=1')).json();
    expect(week.window).toBe('7d');
    expect(serials(week.results)).toEqual([4]);
    const views = (await app.inject('/api/v1/stats/popular?window=7d&by=views')).json();
    expect(serials(views.results)).toEqual([1, 5]);
  });

  it('validates its query', async () => {
    for (const qs of ['limit=0', 'limit=51', 'window=30d', 'by=api']) {
      const res = await app.inject(`/api/v1/stats/popular?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('gives the site totals', async () => {
    const res = await app.inject('/api/v1/stats/totals');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      views: 18,
      downloads: 12,
      apiCalls: 4,
      firstDay: taipeiDay(new Date(daysAgo(20))),
      lastDay: taipeiDay(new Date(daysAgo(1))),
    });
  });
});
