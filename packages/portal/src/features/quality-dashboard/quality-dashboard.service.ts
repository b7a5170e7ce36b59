import type { CatalogueContext } from '../../db/catalogue-context.ts';
import type { OrganizationRow } from '../organizations/organization.repo.ts';
import { awardScore, badgedPercent, badgeOf, emptyCounts, type BadgeCounts } from './award-score.ts';
import { checkLabel } from './check-labels.ts';
import {
  agencyDatasets,
  agencyNames,
  failingCheckCounts,
  failingCheckExample,
  failingChecksByDataset,
  type AgencyDataset,
} from './quality-dashboard.repo.ts';
import { liveBadgeCounts, snapshotTrend, type LiveCounts, type TrendRow } from './quality-snapshot.repo.ts';

/**
 * What the quality dashboards show (docs/quality.md, "Dashboards and notifications"),
 * computed once for the page, its `.json` twin and the API: the badges now, the trend
 * from the daily snapshots, the award score and ranking of agencies, the most common
 * failing checks (常見錯誤樣態) and, for one agency, its datasets needing attention.
 */

/** 常見錯誤樣態 listed at most. */
export const COMMON_ERROR_LIMIT = 10;
/** Datasets needing attention listed on an agency's dashboard at most. */
export const ATTENTION_LIMIT = 20;

export interface TrendPoint extends BadgeCounts {
  day: string;
  badged: number;
  badgedPercent: number;
  awardScore: number;
}

export interface RankEntry {
  rank: number;
  organizationId: number;
  nameZh: string;
  nameEn: string | null;
  level: string;
  datasets: number;
  awardScore: number;
  badgedPercent: number;
}

export interface CommonError {
  checkId: string;
  resources: number;
  datasets: number;
  example: { datasetId: number; titleZh: string; titleEn: string | null; resourceId: string } | null;
  fix: { zh: string; en: string };
}

export interface AttentionDataset {
  datasetId: number;
  identifier: string;
  titleZh: string;
  titleEn: string | null;
  badge: string;
  failingChecks: string[];
}

export interface QualityFigures {
  badges: BadgeCounts;
  awardScore: number;
  badgedPercent: number;
}

export interface PlatformQuality extends QualityFigures {
  levels: { central: QualityFigures; local: QualityFigures };
  trend: TrendPoint[];
  ranking: RankEntry[];
  commonErrors: CommonError[];
}

export interface OrganizationQuality extends QualityFigures {
  organization: Pick<OrganizationRow, 'id' | 'oid' | 'agencyCode' | 'nameZh' | 'nameEn' | 'level'>;
  /** Its place among the agencies with listed datasets (equal scores share a rank); null without datasets. */
  rank: number | null;
  rankedAgencies: number;
  trend: TrendPoint[];
  commonErrors: CommonError[];
  /** Datasets without a badge or with failing checks, lowest badge first. */
  needsAttention: AttentionDataset[];
  needsAttentionTotal: number;
}

function figures(counts: BadgeCounts): QualityFigures {
  return { badges: counts, awardScore: awardScore(counts), badgedPercent: badgedPercent(counts) };
}

function trendPoint(row: TrendRow): TrendPoint {
  const { day, awardScore: score, ...counts } = row;
  return {
    day,
    ...counts,
    badged: counts.total - counts.none,
    badgedPercent: badgedPercent(counts),
    awardScore: score,
  };
}

/** Agencies by award score (then datasets, then id); equal scores share a rank. */
export async function agencyRanking(catalogue: CatalogueContext, live: LiveCounts): Promise<RankEntry[]> {
  const names = await agencyNames(catalogue.db, [...live.organizations.keys()]);
  const entries = [...live.organizations.values()]
    .map((o) => ({ o, score: awardScore(o.counts) }))
    .sort(
      (a, b) =>
        b.score - a.score || b.o.counts.total - a.o.counts.total || a.o.organizationId - b.o.organizationId,
    );
  let rank = 0;
  let previous: number | undefined;
  return entries.map(({ o, score }, i) => {
    if (score !== previous) rank = i + 1;
    previous = score;
    const name = names.get(o.organizationId);
    return {
      rank,
      organizationId: o.organizationId,
      nameZh: name?.nameZh ?? String(o.organizationId),
      nameEn: name?.nameEn ?? null,
      level: o.level,
      datasets: o.counts.total,
      awardScore: score,
      badgedPercent: badgedPercent(o.counts),
    };
  });
}

async function commonErrors(catalogue: CatalogueContext, organizationId?: number): Promise<CommonError[]> {
  const counts = await failingCheckCounts(catalogue.db, organizationId, COMMON_ERROR_LIMIT);
  return Promise.all(
    counts.map(async (c) => {
      const example = await failingCheckExample(catalogue.db, c.checkId, c.exampleDatasetId);
      const label = checkLabel(c.checkId);
      return {
        checkId: c.checkId,
        resources: c.resources,
        datasets: c.datasets,
        example: example
          ? {
              datasetId: example.datasetId,
              titleZh: example.titleZh,
              titleEn: example.titleEn,
              resourceId: example.resourceId,
            }
          : null,
        fix: { zh: example?.fixZh ?? label.fixZh, en: example?.fixEn ?? label.fixEn },
      };
    }),
  );
}

export async function platformQuality(catalogue: CatalogueContext): Promise<PlatformQuality> {
  const live = await liveBadgeCounts(catalogue.db);
  const [trend, ranking, errors] = await Promise.all([
    snapshotTrend(catalogue.db, { level: 'all' }),
    agencyRanking(catalogue, live),
    commonErrors(catalogue),
  ]);
  return {
    ...figures(live.platform.all),
    levels: { central: figures(live.platform.central), local: figures(live.platform.local) },
    trend: trend.map(trendPoint),
    ranking,
    commonErrors: errors,
  };
}

const BADGE_ORDER: Record<string, number> = { none: 0, bronze: 1, silver: 2, gold: 3, platinum: 4 };

/** Each listed dataset of an agency with its badge and failing checks, by id. */
export async function agencyDatasetChecks(
  catalogue: CatalogueContext,
  organizationId: number,
): Promise<(AgencyDataset & { badge: string; failingChecks: string[] })[]> {
  const [datasets, failing] = await Promise.all([
    agencyDatasets(catalogue.db, organizationId),
    failingChecksByDataset(catalogue.db, organizationId),
  ]);
  return datasets.map((d) => ({
    ...d,
    badge: badgeOf(d.badge),
    failingChecks: failing.get(d.datasetId) ?? [],
  }));
}

export async function organizationQuality(
  catalogue: CatalogueContext,
  organization: OrganizationQuality['organization'],
): Promise<OrganizationQuality> {
  const live = await liveBadgeCounts(catalogue.db);
  const [trend, ranking, errors, datasets] = await Promise.all([
    snapshotTrend(catalogue.db, { organizationId: organization.id }),
    agencyRanking(catalogue, live),
    commonErrors(catalogue, organization.id),
    agencyDatasetChecks(catalogue, organization.id),
  ]);
  const counts = live.organizations.get(organization.id)?.counts ?? emptyCounts();
  const attention = datasets
    .filter((d) => d.badge === 'none' || d.failingChecks.length > 0)
    .sort(
      (a, b) =>
        BADGE_ORDER[a.badge]! - BADGE_ORDER[b.badge]! ||
        b.failingChecks.length - a.failingChecks.length ||
        a.datasetId - b.datasetId,
    );
  return {
    organization: {
      id: organization.id,
      oid: organization.oid,
      agencyCode: organization.agencyCode,
      nameZh: organization.nameZh,
      nameEn: organization.nameEn,
      level: organization.level,
    },
    ...figures(counts),
    rank: ranking.find((r) => r.organizationId === organization.id)?.rank ?? null,
    rankedAgencies: ranking.length,
    trend: trend.map(trendPoint),
    commonErrors: errors,
    needsAttention: attention.slice(0, ATTENTION_LIMIT).map((d) => ({
      datasetId: d.datasetId,
      identifier: d.identifier,
      titleZh: d.titleZh,
      titleEn: d.titleEn,
      badge: d.badge,
      failingChecks: d.failingChecks,
    })),
    needsAttentionTotal: attention.length,
  };
}
