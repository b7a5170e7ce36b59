import { z } from 'zod';
import { SUGGEST_LIMIT } from '../../search/index.ts';

/** GET /api/v1/search/suggest: autocomplete for the search box. */

export const SuggestQuerySchema = z.object({
  q: z
    .string()
    .max(20_000)
    .optional()
    .describe(
      'What has been typed so far. Read like the search box (臺/台, simplified and full-width input ' +
        'folded); the last word may be unfinished. Only the first 64 characters are read.',
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(SUGGEST_LIMIT.max)
    .default(SUGGEST_LIMIT.default)
    .describe(`Suggestions at most: 1 to ${SUGGEST_LIMIT.max}`),
});

export const SuggestionSchema = z
  .object({
    text: z.string().describe('The text to put in the search box'),
    kind: z
      .enum(['title', 'keyword', 'agency'])
      .describe('A dataset title, a keyword or an agency (提供機關)'),
    datasetId: z.number().int().optional().describe('For a title: the dataset it names'),
  })
  .meta({ id: 'SearchSuggestion' });

export const SuggestResponseSchema = z
  .object({
    query: z.string().describe('The part of `q` that was read'),
    suggestions: z.array(SuggestionSchema),
  })
  .meta({ id: 'SearchSuggestions' });
