import { z } from 'zod';
import { MAX_POPULAR_LIMIT, POPULAR_METRICS, POPULAR_WINDOWS } from './popular-datasets.ts';

/** GET /api/v1/stats/popular and /api/v1/stats/totals. */

export const PopularQuerySchema = z.object({
  window: z
    .enum(POPULAR_WINDOWS)
    .default('all')
    .describe('all: every aggregated day; 7d: the 7 days to the last complete day (Asia/Taipei)'),
  limit: z.coerce.number().int().min(1).max(MAX_POPULAR_LIMIT).default(10),
  by: z.enum(POPULAR_METRICS).default('downloads').describe('Rank by downloads or page views'),
});

export const PopularDatasetSchema = z
  .object({
    datasetId: z.number().int(),
    identifier: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    agency: z.string().describe('提供機關'),
    views: z.number().int().describe('Page views in the window'),
    downloads: z.number().int().describe('Downloads in the window'),
  })
  .meta({ id: 'PopularDataset' });

export const PopularResponseSchema = z
  .object({
    window: z.enum(POPULAR_WINDOWS),
    by: z.enum(POPULAR_METRICS),
    results: z.array(PopularDatasetSchema),
  })
  .meta({ id: 'PopularDatasets' });

export const TotalsResponseSchema = z
  .object({
    views: z.number().int().describe('Dataset page views'),
    downloads: z.number().int(),
    apiCalls: z.number().int(),
    firstDay: z.string().nullable().describe('The first aggregated day (YYYY-MM-DD, Asia/Taipei)'),
    lastDay: z.string().nullable().describe('The last aggregated day'),
  })
  .meta({ id: 'UsageTotals' });
