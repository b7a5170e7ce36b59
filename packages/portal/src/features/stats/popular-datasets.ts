import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { popularRows, siteTotalsRow } from './usage.repo.ts';

/**
 * What the home page and GET /api/v1/stats/* show: the most used listed datasets and the
 * site's counts, from the daily aggregates (so at most a day old; docs/counting.md).
 */

export const POPULAR_WINDOWS = ['all', '7d'] as const;
export type PopularWindow = (typeof POPULAR_WINDOWS)[number];
export const POPULAR_METRICS = ['downloads', 'views'] as const;
export type PopularMetric = (typeof POPULAR_METRICS)[number];
export const MAX_POPULAR_LIMIT = 50;

export interface PopularDatasetsOptions {
  /** `all`: every aggregated day; `7d`: the 7 days to the last complete day. */
  window: PopularWindow;
  /** 1 to 50. */
  limit: number;
  /** Ranked by downloads (default) or page views. */
  by?: PopularMetric;
}

export interface PopularDataset {
  datasetId: number;
  identifier: string;
  title: string;
  titleEn: string | null;
  /** 提供機關 */
  agency: string;
  /** Page views in the window. */
  views: number;
  /** Downloads in the window. */
  downloads: number;
}

/** The listed datasets used most in the window, most first (ties to the lower datasetId); never one with 0. */
export async function popularDatasets(
  ctx: CatalogueContext,
  options: PopularDatasetsOptions,
): Promise<PopularDataset[]> {
  const limit = Math.min(MAX_POPULAR_LIMIT, Math.max(1, Math.floor(options.limit)));
  const rows = await popularRows(ctx.db, options.window, options.by ?? 'downloads', limit);
  return rows.map((r) => ({
    datasetId: r.id,
    identifier: r.identifier,
    title: r.titleZh,
    titleEn: r.titleEn,
    agency: r.publisherName,
    views: r.views,
    downloads: r.downloads,
  }));
}

export interface SiteUsageTotals {
  /** Dataset page views over every aggregated day. */
  views: number;
  downloads: number;
  /** Every API call, those not about one dataset included. */
  apiCalls: number;
  /** The first and last aggregated days (YYYY-MM-DD, Asia/Taipei), null before any. */
  firstDay: string | null;
  lastDay: string | null;
}

/** The site's counts: what the home page shows beside the catalogue's counts. */
export async function siteUsageTotals(ctx: CatalogueContext): Promise<SiteUsageTotals> {
  return siteTotalsRow(ctx.db);
}
