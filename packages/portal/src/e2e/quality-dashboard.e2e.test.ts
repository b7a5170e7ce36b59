import { expect, it } from 'vitest';
import { CHART_COLOURS } from '../features/preview/chart-svg.ts';
import { takeQualitySnapshot } from '../features/quality-dashboard/quality-snapshot.service.ts';
import { resourceRowIds, saveRun, setDatasetBadge } from '../features/quality/quality.repo.ts';
import { expectNoSeriousViolations } from './accessibility.ts';
import { browserSuite, useE2ePortal } from './e2e-portal.ts';

/**
 * The agency quality dashboard in Chromium, on the demo catalogue: an agency's datasets
 * get badges and a failing check as check runs write them, a snapshot is taken on two
 * simulated days, and the page's charts render (the bars of the five badges, the trend
 * line), its numbers are the API's, and axe-core finds nothing serious.
 */

interface OrganizationQualityResponse {
  organization: { id: number };
  badges: Record<'platinum' | 'gold' | 'silver' | 'bronze' | 'none' | 'total', number>;
  awardScore: number;
  badgedPercent: number;
  rank: number | null;
  rankedAgencies: number;
  trend: { day: string; badgedPercent: number }[];
  commonErrors: { checkId: string; resources: number; datasets: number }[];
}

const BADGES = ['platinum', 'gold', 'silver', 'bronze', 'none'] as const;

browserSuite('the agency quality dashboard', () => {
  const portal = useE2ePortal();

  it('renders its charts, with the numbers of GET /api/v1/organizations/{key}/quality', async () => {
    const { db } = portal().database;
    // The agency with the most listed datasets in the demo catalogue.
    const agency = await db
      .selectFrom('datasets')
      .where('organizationId', 'is not', null)
      .where('status', '=', 'published')
      .select(['organizationId', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('organizationId')
      .orderBy('n', 'desc')
      .orderBy('organizationId')
      .limit(1)
      .executeTakeFirstOrThrow();
    const organizationId = agency.organizationId!;
    const datasets = await db
      .selectFrom('datasets')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('status', '=', 'published')
      .orderBy('id')
      .limit(4)
      .execute();
    expect(datasets.length).toBeGreaterThanOrEqual(3);
    // Day 1: one gold, one bronze, the rest none; day 2: a silver more.
    await setDatasetBadge(db, datasets[0]!.id, 'gold');
    await setDatasetBadge(db, datasets[1]!.id, 'bronze');
    const [rowId] = (await resourceRowIds(db, datasets[1]!.id)).values();
    await saveRun(db, {
      resourceId: rowId!,
      startedAt: '2026-03-10T04:00:00.000Z',
      finishedAt: '2026-03-10T04:00:01.000Z',
      trigger: 'manual',
      badge: 'bronze',
      httpStatus: 200,
      fetchError: null,
      sniffedFormat: 'csv',
      sha256: null,
      bytes: null,
      etag: null,
      lastModified: null,
      contentChanged: false,
      bodyTruncated: null,
      results: {
        format_match: {
          status: 'fail',
          version: 1,
          evidence: {},
          fix: { zh: '修正檔案格式', en: 'Fix the format' },
        },
      },
    });
    await takeQualitySnapshot(portal().database, { now: new Date('2026-03-10T04:00:00.000Z') });
    await setDatasetBadge(db, datasets[2]!.id, 'silver');
    await takeQualitySnapshot(portal().database, { now: new Date('2026-03-11T04:00:00.000Z') });

    const api = await portal().getJson<OrganizationQualityResponse>(
      `/api/v1/organizations/${organizationId}/quality`,
    );
    expect(api.trend.map((p) => p.day)).toEqual(['2026-03-10', '2026-03-11']);
    expect(api.trend[1]!.badgedPercent).toBeGreaterThan(api.trend[0]!.badgedPercent);
    expect(api.commonErrors).toEqual([expect.objectContaining({ checkId: 'format_match', resources: 1 })]);

    await portal().withPage({}, async (page, problems) => {
      await portal().open(page, `/quality/organizations/${organizationId}`);
      // The bars: one a badge, in the first series colour, heights in proportion to the counts.
      const bars = page.locator(`#quality-badges svg path[fill="${CHART_COLOURS[0]}"]`);
      await expect(bars.count()).resolves.toBe(BADGES.length);
      const heights = await bars.evaluateAll((paths) =>
        paths.map((p) => Math.round((p as SVGGraphicsElement).getBBox().height)),
      );
      const tallest = Math.max(...BADGES.map((b) => api.badges[b]));
      BADGES.forEach((badge, i) => {
        if (api.badges[badge] === 0) expect(heights[i], badge).toBe(0);
        if (api.badges[badge] === tallest) expect(heights[i], badge).toBe(Math.max(...heights));
      });
      // The trend: a line through the two days.
      const line = page.locator(`#quality-trend svg path[stroke="${CHART_COLOURS[0]}"][fill="none"]`);
      await expect(line.count()).resolves.toBe(1);
      // The numbers in the charts' tables and the facts are the API's.
      const counts = await page
        .locator('table[data-chart-table="quality-badges"] tbody td')
        .allTextContents();
      expect(counts.map(Number)).toEqual(BADGES.map((b) => api.badges[b]));
      const trendRows = await page.locator('table[data-chart-table="quality-trend"] tbody tr').count();
      expect(trendRows).toBe(2);
      const figure = (name: string) => page.locator(`[data-figure="${name}"]`).first().textContent();
      expect(Number(await figure('awardScore'))).toBe(api.awardScore);
      expect(Number(await figure('badgedPercent'))).toBe(api.badgedPercent);
      expect(Number(await figure('total'))).toBe(api.badges.total);
      expect(await page.locator('[data-figure="rank"]').getAttribute('data-rank')).toBe(String(api.rank));
      const error = page.locator('tr[data-check="format_match"] td');
      expect((await error.allTextContents()).slice(0, 2).map(Number)).toEqual([1, 1]);
      await expectNoSeriousViolations(page, 'the agency quality dashboard');
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [] });
    });

    await portal().withPage({}, async (page) => {
      await portal().open(page, '/en/quality');
      await expect(page.locator('#quality-badges svg').count()).resolves.toBe(1);
      // 中央 and 地方 pies: a slice a badge some dataset has.
      const slices = await page
        .locator('#quality-central svg path')
        .evaluateAll(
          (paths, colours) => paths.filter((p) => colours.includes(p.getAttribute('fill') ?? '')).length,
          [...CHART_COLOURS] as string[],
        );
      const summary = await portal().getJson<{ levels: { central: { badges: Record<string, number> } } }>(
        '/api/v1/quality/summary',
      );
      expect(slices).toBe(BADGES.filter((b) => summary.levels.central.badges[b]! > 0).length);
      await expectNoSeriousViolations(page, 'the platform quality dashboard');
    });
  }, 120_000);
});
