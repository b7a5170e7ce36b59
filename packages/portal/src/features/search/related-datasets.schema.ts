import { z } from 'zod';
import { RELATED_LIMIT } from '../../search/index.ts';

/** GET /api/v1/datasets/{datasetId}/related: the listed datasets most like one dataset. */

export const RelatedQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(RELATED_LIMIT.max)
    .default(RELATED_LIMIT.default)
    .describe(`Datasets at most: 1 to ${RELATED_LIMIT.max}`),
});

export const RelatedDatasetSchema = z
  .object({
    datasetId: z.number().int(),
    identifier: z.string(),
    title: z.string(),
    agency: z.string(),
    categoryCode: z.string(),
    badge: z.string().nullable(),
    score: z.number().describe('Shared title words and keywords, each weighted by its rarity'),
  })
  .meta({ id: 'RelatedDataset' });

export const RelatedResponseSchema = z
  .object({
    datasetId: z.number().int().describe('The dataset the others are related to'),
    results: z.array(RelatedDatasetSchema).describe('Most similar first; never the dataset itself'),
  })
  .meta({ id: 'RelatedDatasets' });
