import { badgeName } from '../../i18n/vocabulary-labels.ts';
import type { Locale } from '../../i18n/locale.ts';
import { renderChartSvg, type ChartDrawing } from '../preview/chart-svg.ts';
import { DASHBOARD_BADGES, type BadgeCounts } from './award-score.ts';
import { qualityMessages } from './quality-dashboard-messages.ts';
import type { TrendPoint } from './quality-dashboard.service.ts';

/**
 * The dashboards' charts, drawn on the server by the chart page's ECharts renderer (SVG,
 * deterministic, CSP-clean), each with the numbers as a table and a summary sentence for
 * readers who cannot see it.
 */

export interface DashboardChart {
  /** Unique on the page: the figure's id. */
  id: string;
  title: string;
  svg: string;
  summary: string;
  /** The numbers drawn: a header row, then one row a category. */
  table: { headers: string[]; rows: string[][] };
}

function distributionSummary(counts: BadgeCounts, locale: Locale): string {
  const m = qualityMessages(locale);
  const parts = DASHBOARD_BADGES.map((b) => `${badgeName(b, locale)} ${counts[b]}`).join(
    locale === 'en' ? ', ' : '、',
  );
  return m.distributionSummary(counts.total, parts);
}

/** Bars of the datasets by badge (白金/金/銀/銅/無). */
export function badgeBarChart(
  id: string,
  title: string,
  counts: BadgeCounts,
  locale: Locale,
): DashboardChart {
  const m = qualityMessages(locale);
  const categories = DASHBOARD_BADGES.map((b) => badgeName(b, locale));
  const drawing: ChartDrawing = {
    type: 'bar',
    title,
    xLabel: m.badge,
    yLabel: m.count,
    data: {
      kind: 'categories',
      categories,
      series: [{ name: m.count, values: DASHBOARD_BADGES.map((b) => counts[b]) }],
    },
  };
  return {
    id,
    title,
    svg: renderChartSvg(drawing),
    summary: distributionSummary(counts, locale),
    table: {
      headers: [m.badge, m.count],
      rows: DASHBOARD_BADGES.map((b, i) => [categories[i]!, String(counts[b])]),
    },
  };
}

/** A pie of the datasets by badge; badges no dataset has get no slice (the table lists them all). */
export function badgePieChart(
  id: string,
  title: string,
  counts: BadgeCounts,
  locale: Locale,
): DashboardChart {
  const m = qualityMessages(locale);
  const present = DASHBOARD_BADGES.filter((b) => counts[b] > 0);
  const drawing: ChartDrawing = {
    type: 'pie',
    title,
    xLabel: m.badge,
    yLabel: m.count,
    data: {
      kind: 'categories',
      categories: present.map((b) => badgeName(b, locale)),
      series: [{ name: m.count, values: present.map((b) => counts[b]) }],
    },
  };
  return {
    id,
    title,
    svg: renderChartSvg(drawing),
    summary: distributionSummary(counts, locale),
    table: {
      headers: [m.badge, m.count],
      rows: DASHBOARD_BADGES.map((b) => [badgeName(b, locale), String(counts[b])]),
    },
  };
}

/** The line of the share of badged datasets, one point a snapshot day; undefined without snapshots. */
export function trendChart(
  id: string,
  trend: readonly TrendPoint[],
  locale: Locale,
): DashboardChart | undefined {
  const first = trend[0];
  const last = trend.at(-1);
  if (!first || !last) return undefined;
  const m = qualityMessages(locale);
  const drawing: ChartDrawing = {
    type: 'line',
    title: m.trendChart,
    xLabel: m.day,
    yLabel: m.badgedPercent,
    data: {
      kind: 'categories',
      categories: trend.map((p) => p.day),
      series: [{ name: m.badgedPercent, values: trend.map((p) => p.badgedPercent) }],
    },
  };
  return {
    id,
    title: m.trendChart,
    svg: renderChartSvg(drawing),
    summary: m.trendSummary(first.day, first.badgedPercent, last.day, last.badgedPercent, trend.length),
    table: {
      headers: [m.day, m.datasets, m.badged, m.badgedPercent, m.awardScore],
      rows: trend.map((p) => [
        p.day,
        String(p.total),
        String(p.badged),
        String(p.badgedPercent),
        String(p.awardScore),
      ]),
    },
  };
}
