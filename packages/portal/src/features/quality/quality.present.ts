import { ALL_CHECKS, BADGE_LABELS_ZH, type Badge } from '@odp/quality';
import { z } from 'zod';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import type { MetadataScore } from './metadata-score.ts';
import { MetadataScoreSchema, presentMetadataScore } from './metadata-score.present.ts';
import type { CheckRow, RunSummary } from './quality.repo.ts';
import { FixSchema as FixListItemSchema, presentFix } from './fix-list.present.ts';
import type { Fix } from './fix-rules.ts';

/** The quality of a dataset as everyone may see it: badge, and each check of each resource with its evidence. */

const BadgeSchema = z.enum(['platinum', 'gold', 'silver', 'bronze', 'none']);
const StatusSchema = z.enum(['pass', 'fail', 'warn', 'not_applicable', 'error']);
const FixSchema = z.object({ zh: z.string(), en: z.string() });

export const CheckResultSchema = z.object({
  id: z.string().describe('The stable check id (QUALITY.md), e.g. format_match'),
  version: z.number().int(),
  dimension: z.string().describe('availability, processable, understandable, standards or beyond'),
  status: StatusSchema,
  evidence: z.record(z.string(), z.unknown()).describe('What the check measured'),
  fix: FixSchema.nullable().describe('What to do, in zh-TW and English'),
  checkedAt: z.string(),
});

export const ResourceQualitySchema = z.object({
  resourceID: z.string(),
  format: z.string(),
  badge: BadgeSchema.nullable().describe('null until the resource has been checked'),
  checkedAt: z.string().nullable(),
  checks: z.array(CheckResultSchema),
});

export const DatasetQualitySchema = z.object({
  datasetId: z.number().int(),
  identifier: z.string(),
  badge: BadgeSchema.nullable().describe('The lowest badge over the resources; null until checked'),
  badgeLabel: z.string().nullable().describe('白金 / 金 / 銀 / 銅 / 無'),
  whitelisted: z.boolean().describe('白名單: exempt from the badge rules, shown as such'),
  resources: z.array(ResourceQualitySchema),
  score: MetadataScoreSchema.describe('The metadata quality score (MQA, 405 points) of the DCAT-AP output'),
  fixes: z
    .array(FixListItemSchema)
    .describe(
      'What to fix, most gain first (badge steps, then MQA points); one-click ones the platform makes',
    ),
});

export const RunListSchema = z.object({
  resourceID: z.string(),
  runs: z.array(
    z.object({
      id: z.number().int(),
      startedAt: z.string(),
      finishedAt: z.string(),
      trigger: z.string(),
      badge: BadgeSchema,
      httpStatus: z.number().int().nullable(),
      fetchError: z.string().nullable(),
      sniffedFormat: z.string().nullable(),
      sha256: z.string().nullable(),
      bytes: z.number().nullable(),
      contentChanged: z.boolean(),
      statuses: z.record(z.string(), StatusSchema),
    }),
  ),
});

const ORDER = new Map(ALL_CHECKS.map((c, i) => [c.id, i]));
const DIMENSION = new Map(ALL_CHECKS.map((c) => [c.id, c.dimension as string]));

export function presentCheck(row: CheckRow): z.infer<typeof CheckResultSchema> {
  return {
    id: row.checkId,
    version: row.checkVersion,
    dimension: DIMENSION.get(row.checkId) ?? 'beyond',
    status: row.status as z.infer<typeof StatusSchema>,
    evidence: row.evidence,
    fix: row.fixZh !== null && row.fixEn !== null ? { zh: row.fixZh, en: row.fixEn } : null,
    checkedAt: row.checkedAt,
  };
}

export function presentDatasetQuality(
  dataset: DatasetRecord,
  rowIds: ReadonlyMap<string, number>,
  checks: ReadonlyMap<number, CheckRow[]>,
  score: MetadataScore,
  fixes: readonly Fix[],
): z.infer<typeof DatasetQualitySchema> {
  const badge = dataset.qualityBadge as Badge | null;
  return {
    datasetId: dataset.datasetId,
    identifier: dataset.identifier,
    badge,
    badgeLabel: badge === null ? null : BADGE_LABELS_ZH[badge],
    whitelisted: dataset.whitelisted,
    resources: dataset.distribution.map((r) => {
      const rows = checks.get(rowIds.get(r.resourceID) ?? -1) ?? [];
      return {
        resourceID: r.resourceID,
        format: r.format,
        badge: r.qcLevel as Badge | null,
        checkedAt: r.resourceQualityCheckTime,
        checks: rows.map(presentCheck).sort((a, b) => (ORDER.get(a.id) ?? 99) - (ORDER.get(b.id) ?? 99)),
      };
    }),
    score: presentMetadataScore(score),
    fixes: fixes.map(presentFix),
  };
}

export function presentRuns(resourceID: string, runs: RunSummary[]): z.infer<typeof RunListSchema> {
  return {
    resourceID,
    runs: runs.map((r) => ({
      ...r,
      badge: r.badge as Badge,
      statuses: r.statuses as Record<string, z.infer<typeof StatusSchema>>,
    })),
  };
}
