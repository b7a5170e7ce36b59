import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertChunked } from '../../db/chunked-insert.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { aggregateUsage, EVENT_RETENTION_DAYS } from './aggregate-usage.service.ts';
import { popularDatasets, siteUsageTotals } from './popular-datasets.ts';
import type { UsageEvent, UsageKind } from './usage-event.ts';

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

let t: TestDatabase;
let a: number;
let b: number;
let draft: number;

beforeAll(async () => {
  t = await openTestDatabase();
  const created = await createDatasets(
    t,
    [
      { input: datasetInput() },
      { input: datasetInput({ identifier: 'A41000000G-000002', title: '停車場資訊' }) },
      { input: datasetInput({ identifier: 'A41000000G-000003', title: '草稿', status: 'draft' }) },
    ],
    { actor: 'test' },
  );
  [a, b, draft] = created.map((d) => d.datasetId) as [number, number, number];
});
afterAll(async () => {
  await t.destroy();
});

const ctx = () => ({ db: t.db, dialect: t.dialect });

function event(at: string, kind: UsageKind, dataset: number | string | null): UsageEvent {
  return {
    occurredAt: new Date(at).toISOString(),
    kind,
    datasetId: typeof dataset === 'number' ? dataset : null,
    datasetIdentifier: typeof dataset === 'string' ? dataset : null,
    resourceId: null,
  };
}

const record = (events: UsageEvent[]) =>
  insertChunked(t.db, 'usageEvents', events as unknown as Record<string, unknown>[]);

async function daily() {
  return t.db.selectFrom('datasetUsageDaily').selectAll().orderBy('day').orderBy('datasetId').execute();
}
async function site() {
  return t.db
    .selectFrom('siteUsageDaily')
    .select(['day', 'views', 'downloads', 'apiCalls'])
    .orderBy('day')
    .execute();
}
async function totals() {
  const rows = await t.db.selectFrom('datasetUsageTotals').selectAll().orderBy('datasetId').execute();
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));
}

/** A dataset's row of datasetUsageTotals from its [views, downloads, API calls], all time and in 7 days. */
function totalsRow(datasetId: number, total: [number, number, number], week: [number, number, number]) {
  return {
    datasetId,
    viewsTotal: total[0],
    downloadsTotal: total[1],
    apiCallsTotal: total[2],
    views7d: week[0],
    downloads7d: week[1],
    apiCalls7d: week[2],
  };
}

/** 10:00 in Taipei on a day. */
const taipeiMorning = (day: string) => new Date(`${day}T02:00:00.000Z`);

describe(`daily usage aggregation on ${engine}`, () => {
  it('rolls events into Taipei days, per dataset and site-wide, with 7-day totals', async () => {
    await record([
      // 2026-11-20 in Taipei: from 2026-11-19T16:00Z to 2026-11-20T16:00Z.
      event('2026-11-19T16:00:00Z', 'view', a),
      event('2026-11-20T15:59:59.999Z', 'view', a),
      event('2026-11-20T03:00:00Z', 'download', a),
      event('2026-11-20T04:00:00Z', 'download', 'A41000000G-000002'),
      event('2026-11-20T05:00:00Z', 'api', null),
      // Unknown datasets count for the site only.
      event('2026-11-20T06:00:00Z', 'download', 999_999),
      event('2026-11-20T06:00:00Z', 'view', 'Z99999999Z-999999'),
      // 2026-11-21 in Taipei.
      event('2026-11-20T16:00:00Z', 'view', b),
      // 2026-11-26.
      event('2026-11-26T01:00:00Z', 'download', b),
      event('2026-11-26T02:00:00Z', 'download', b),
      event('2026-11-26T03:00:00Z', 'download', 'A41000000G-000002'),
      event('2026-11-26T04:00:00Z', 'api', a),
      event('2026-11-26T05:00:00Z', 'view', draft),
      // Today (2026-11-27 in Taipei) is not over: not aggregated yet.
      event('2026-11-27T01:00:00Z', 'download', a),
    ]);

    const outcome = await aggregateUsage(ctx(), { now: taipeiMorning('2026-11-27') });
    expect(outcome.days).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
    expect(outcome.asOf).toBe('2026-11-26');
    expect(await daily()).toEqual([
      { datasetId: a, day: '2026-11-20', views: 2, downloads: 1, apiCalls: 0 },
      { datasetId: b, day: '2026-11-20', views: 0, downloads: 1, apiCalls: 0 },
      { datasetId: b, day: '2026-11-21', views: 1, downloads: 0, apiCalls: 0 },
      { datasetId: a, day: '2026-11-26', views: 0, downloads: 0, apiCalls: 1 },
      { datasetId: b, day: '2026-11-26', views: 0, downloads: 3, apiCalls: 0 },
      { datasetId: draft, day: '2026-11-26', views: 1, downloads: 0, apiCalls: 0 },
    ]);
    expect((await site()).map((r) => ({ ...r }))).toEqual([
      { day: '2026-11-20', views: 3, downloads: 3, apiCalls: 1 },
      { day: '2026-11-21', views: 1, downloads: 0, apiCalls: 0 },
      { day: '2026-11-22', views: 0, downloads: 0, apiCalls: 0 },
      { day: '2026-11-23', views: 0, downloads: 0, apiCalls: 0 },
      { day: '2026-11-24', views: 0, downloads: 0, apiCalls: 0 },
      { day: '2026-11-25', views: 0, downloads: 0, apiCalls: 0 },
      { day: '2026-11-26', views: 1, downloads: 3, apiCalls: 1 },
    ]);
    // The window 2026-11-20 to 2026-11-26 holds every day so far.
    expect(await totals()).toEqual([
      totalsRow(a, [2, 1, 1], [2, 1, 1]),
      totalsRow(b, [1, 4, 0], [1, 4, 0]),
      totalsRow(draft, [1, 0, 0], [1, 0, 0]),
    ]);
    expect(await siteUsageTotals(ctx())).toEqual({
      views: 5,
      downloads: 6,
      apiCalls: 2,
      firstDay: '2026-11-20',
      lastDay: '2026-11-26',
    });
  });

  it('gives the same numbers when run again, for all days or for one', async () => {
    const before = { daily: await daily(), site: await site(), totals: await totals() };
    const again = await aggregateUsage(ctx(), { now: taipeiMorning('2026-11-27') });
    // Only the last aggregated day is done again.
    expect(again.days).toEqual(['2026-11-26']);
    expect(
      await aggregateUsage(ctx(), { now: taipeiMorning('2026-11-27'), day: '2026-11-20' }),
    ).toMatchObject({
      days: ['2026-11-20'],
    });
    expect({ daily: await daily(), site: await site(), totals: await totals() }).toEqual(before);
  });

  it('moves the 7-day window with the clock and picks up the days since', async () => {
    // A late event of 2026-11-26 (another process's buffer) and one of 2026-11-28.
    await record([event('2026-11-26T06:00:00Z', 'download', a), event('2026-11-28T01:00:00Z', 'view', a)]);
    const outcome = await aggregateUsage(ctx(), { now: taipeiMorning('2026-11-28') });
    expect(outcome.days).toEqual(['2026-11-26', '2026-11-27']);
    // The window is now 2026-11-21 to 2026-11-27: 2026-11-20 leaves it, 2026-11-28 is not over.
    expect(await totals()).toEqual([
      totalsRow(a, [2, 3, 1], [0, 2, 1]),
      totalsRow(b, [1, 4, 0], [1, 3, 0]),
      totalsRow(draft, [1, 0, 0], [1, 0, 0]),
    ]);

    // A week later: 2026-11-28 is aggregated (a's view), the older days left the window.
    await aggregateUsage(ctx(), { now: taipeiMorning('2026-12-05') });
    const later = await totals();
    expect(later.map((r) => [r.viewsTotal, r.downloadsTotal, r.downloads7d, r.views7d])).toEqual([
      [3, 3, 0, 1],
      [1, 4, 0, 0],
      [1, 0, 0, 0],
    ]);
    // Totals are as of the clock's yesterday: back on 2026-11-28, 2026-11-28 is not counted.
    await aggregateUsage(ctx(), { now: taipeiMorning('2026-11-28') });
  });

  it('ranks the listed datasets for the popular lists, never drafts or zeros', async () => {
    expect(await popularDatasets(ctx(), { window: 'all', limit: 10 })).toEqual([
      expect.objectContaining({
        datasetId: b,
        identifier: 'A41000000G-000002',
        title: '停車場資訊',
        downloads: 4,
        views: 1,
      }),
      expect.objectContaining({ datasetId: a, downloads: 3, views: 2 }),
    ]);
    expect(
      (await popularDatasets(ctx(), { window: '7d', limit: 10 })).map((p) => [p.datasetId, p.downloads]),
    ).toEqual([
      [b, 3],
      [a, 2],
    ]);
    // By views in the last 7 days only b counts (a's views were on 2026-11-20; the draft is not listed).
    expect(
      (await popularDatasets(ctx(), { window: '7d', limit: 10, by: 'views' })).map((p) => [
        p.datasetId,
        p.views,
      ]),
    ).toEqual([[b, 1]]);
    // Ties go to the lower datasetId.
    expect(
      (await popularDatasets(ctx(), { window: 'all', limit: 10, by: 'views' })).map((p) => p.datasetId),
    ).toEqual([a, b]);
    expect(await popularDatasets(ctx(), { window: 'all', limit: 1 })).toHaveLength(1);
  });

  it('refuses days not over yet, not days at all, and days whose events were deleted', async () => {
    const now = taipeiMorning('2026-11-28');
    await expect(aggregateUsage(ctx(), { now, day: '2026-11-28' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(aggregateUsage(ctx(), { now, day: '2026-02-30' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(aggregateUsage(ctx(), { now, day: '2026-06-01' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it(`deletes events after ${EVENT_RETENTION_DAYS} days and keeps the daily counts`, async () => {
    const before = await daily();
    const outcome = await aggregateUsage(ctx(), { now: taipeiMorning('2027-03-10') });
    expect(outcome.purgedEvents).toBe(16);
    expect(await t.db.selectFrom('usageEvents').select('id').execute()).toEqual([]);
    expect(await daily()).toEqual(before);
    expect((await totals()).map((r) => r.downloadsTotal)).toEqual([3, 4, 0]);
  });
});
