import { z } from 'zod';
import { BADGES, DATASET_TYPES, ORGANIZATION_LEVELS } from '@odp/quality/metadata';
import { PAGE_SIZES, SEARCH_SORTS } from '../../search/index.ts';

/** GET /api/v1/search: the query string and the response. */

const facetValue = (what: string) => z.string().trim().max(200).optional().describe(what);

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .max(20_000)
    .optional()
    .describe(
      'The search box (docs/search.md): words are ANDed; "a phrase", -exclude, title:, agency:, category:, keyword:, format:. ' +
        'Only the first 256 characters are read. Empty: every listed dataset.',
    ),
  limit: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { message: 'must be 10, 30 or 50' })
    .default(30)
    .describe('Page size: 10, 30 or 50'),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  sort: z.enum(SEARCH_SORTS).optional().describe('Default: relevance when q has words, newest otherwise'),
  category: facetValue('服務分類 code, e.g. I00'),
  level: z.enum(ORGANIZATION_LEVELS).optional().describe('機關層級: central (中央) or local (地方)'),
  agency: facetValue('提供機關, by name'),
  theme: facetValue('高應用價值主題 or sub-category code'),
  format: facetValue('A resource format, e.g. CSV'),
  badge: z.enum(BADGES).optional(),
  licence: facetValue('授權方式 code, e.g. 1 or CC-BY-4.0'),
  frequency: facetValue('更新頻率 as written, e.g. 每1日'),
  type: z.enum(DATASET_TYPES).optional(),
});
export type SearchQueryInput = z.infer<typeof SearchQuerySchema>;

export const SearchHitSchema = z
  .object({
    datasetId: z.number().int(),
    identifier: z.string(),
    title: z.string(),
    highlight: z.string().describe('The title, HTML-escaped, with matched characters in <mark>'),
    descriptionSnippet: z.string().describe('Part of the description, HTML-escaped, with <mark>'),
    agency: z.string(),
    badge: z.string().nullable(),
    categoryCode: z.string(),
    type: z.string(),
    publishedAt: z.string().nullable(),
    modified: z.string().nullable().describe('When the metadata last changed'),
  })
  .meta({ id: 'SearchHit' });

export const FacetValueSchema = z
  .object({ value: z.string(), label: z.string(), count: z.number().int() })
  .meta({ id: 'FacetValue' });

export const SearchResponseSchema = z
  .object({
    total: z.number().int().describe('Datasets matched (all pages)'),
    limit: z.number().int(),
    offset: z.number().int(),
    sort: z.enum(SEARCH_SORTS),
    results: z.array(SearchHitSchema),
    facets: z
      .record(z.string(), z.array(FacetValueSchema))
      .describe(
        'Counts over the whole matched set: category, level, agency, theme, format, badge, licence, frequency, type',
      ),
    didYouMean: z
      .string()
      .optional()
      .describe('When nothing matched: the query with English words corrected'),
  })
  .meta({ id: 'SearchResults' });
