import { z } from 'zod';
import {
  BANDS,
  DIMENSIONS,
  INDICATORS,
  MAX_SCORE,
  type IndicatorId,
  type MetadataScore,
} from './metadata-score.ts';

/** The metadata quality score as the API shows it (docs/quality.md "Metadata quality score"). */

const PointsSchema = z.object({ points: z.number().int().min(0), max: z.number().int().min(0) });

const IndicatorSchema = PointsSchema.extend({
  evidence: z.record(z.string(), z.unknown()).describe('What the indicator found in the DCAT-AP output'),
});

export const MetadataScoreSchema = z.object({
  total: z.number().int().min(0).max(MAX_SCORE).describe('Points out of 405'),
  max: z.literal(MAX_SCORE),
  band: z.enum(BANDS).describe('excellent 351–405, good 221–350, sufficient 121–220, bad 0–120'),
  dimensions: z.object(
    Object.fromEntries(DIMENSIONS.map((d) => [d, PointsSchema])) as Record<
      (typeof DIMENSIONS)[number],
      typeof PointsSchema
    >,
  ),
  indicators: z.object(
    Object.fromEntries(Object.keys(INDICATORS).map((id) => [id, IndicatorSchema])) as Record<
      IndicatorId,
      typeof IndicatorSchema
    >,
  ),
});

export function presentMetadataScore(score: MetadataScore): z.infer<typeof MetadataScoreSchema> {
  return {
    total: score.total,
    max: MAX_SCORE,
    band: score.band,
    dimensions: score.dimensions,
    indicators: score.indicators,
  };
}
