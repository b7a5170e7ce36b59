import { z } from 'zod';
import type { OrganizationQuality, PlatformQuality } from './quality-dashboard.service.ts';

/**
 * The dashboards' numbers as the API and the pages' `.json` twins give them: the same
 * objects the pages draw, field by field.
 */

const BadgeCountsSchema = z.object({
  platinum: z.number().int(),
  gold: z.number().int(),
  silver: z.number().int(),
  bronze: z.number().int(),
  none: z.number().int(),
  total: z.number().int(),
});

const FiguresShape = {
  badges: BadgeCountsSchema.describe('Listed datasets by badge (白金/金/銀/銅/無) and in all'),
  awardScore: z.number().describe('Average award weight: bronze 0.3, silver 0.6, gold and platinum 1.0'),
  badgedPercent: z.number().describe('Share of datasets with any badge, in percent'),
};

const TrendPointSchema = BadgeCountsSchema.extend({
  day: z.string().describe('YYYY-MM-DD, Asia/Taipei'),
  badged: z.number().int(),
  badgedPercent: z.number(),
  awardScore: z.number(),
});

const CommonErrorSchema = z.object({
  checkId: z.string(),
  resources: z.number().int().describe('Resources failing the check'),
  datasets: z.number().int().describe('Datasets with such a resource'),
  example: z
    .object({
      datasetId: z.number().int(),
      titleZh: z.string(),
      titleEn: z.string().nullable(),
      resourceId: z.string(),
    })
    .nullable(),
  fix: z.object({ zh: z.string(), en: z.string() }),
});

const RankEntrySchema = z.object({
  rank: z.number().int(),
  organizationId: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  level: z.string(),
  datasets: z.number().int(),
  awardScore: z.number(),
  badgedPercent: z.number(),
});

export const PlatformQualitySchema = z.object({
  ...FiguresShape,
  levels: z.object({
    central: z.object(FiguresShape).describe('中央 agencies'),
    local: z.object(FiguresShape).describe('地方 agencies'),
  }),
  trend: z.array(TrendPointSchema).describe('The daily snapshots, oldest first'),
  ranking: z.array(RankEntrySchema),
  commonErrors: z.array(CommonErrorSchema).describe('常見錯誤樣態: failing checks, most resources first'),
});

export const OrganizationQualitySchema = z.object({
  organization: z.object({
    id: z.number().int(),
    oid: z.string().nullable(),
    agencyCode: z.string().nullable(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    level: z.string(),
  }),
  ...FiguresShape,
  rank: z.number().int().nullable(),
  rankedAgencies: z.number().int(),
  trend: z.array(TrendPointSchema),
  commonErrors: z.array(CommonErrorSchema),
  needsAttention: z.array(
    z.object({
      datasetId: z.number().int(),
      identifier: z.string(),
      titleZh: z.string(),
      titleEn: z.string().nullable(),
      badge: z.string(),
      failingChecks: z.array(z.string()),
    }),
  ),
  needsAttentionTotal: z.number().int(),
});

export function presentPlatformQuality(data: PlatformQuality): z.infer<typeof PlatformQualitySchema> {
  return {
    badges: data.badges,
    awardScore: data.awardScore,
    badgedPercent: data.badgedPercent,
    levels: data.levels,
    trend: data.trend,
    ranking: data.ranking,
    commonErrors: data.commonErrors,
  };
}

export function presentOrganizationQuality(
  data: OrganizationQuality,
): z.infer<typeof OrganizationQualitySchema> {
  return {
    organization: data.organization,
    badges: data.badges,
    awardScore: data.awardScore,
    badgedPercent: data.badgedPercent,
    rank: data.rank,
    rankedAgencies: data.rankedAgencies,
    trend: data.trend,
    commonErrors: data.commonErrors,
    needsAttention: data.needsAttention,
    needsAttentionTotal: data.needsAttentionTotal,
  };
}
