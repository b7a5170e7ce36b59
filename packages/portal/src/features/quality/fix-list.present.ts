import { z } from 'zod';
import type { AgencyFix } from './fix-list.ts';
import type { Fix } from './fix-rules.ts';

/** The fix list as the API shows it (docs/quality.md "Fix list and one-click fixes"). */

const BadgeSchema = z.enum(['platinum', 'gold', 'silver', 'bronze', 'none']);
const TextSchema = z.object({ zh: z.string(), en: z.string() });

export const FixSchema = z.object({
  id: z
    .string()
    .describe(
      '`<kind>:<resourceID>` (the dataset identifier for the metadata fix); POST it to …/fixes/{fixId}',
    ),
  resourceId: z
    .string()
    .optional()
    .describe('The resource the fix is about; absent for the dataset-wide metadata fix'),
  check: z.string().nullable().describe('The check the fix answers (null: the CSV/JSON/XML copies)'),
  kind: z
    .string()
    .describe(
      'to_utf8, flatten_headers, roc_dates, fill_fields or publish_copies (one-click); otherwise the check id',
    ),
  gain: z.object({
    badgeFrom: BadgeSchema.describe("The resource's badge now (the dataset's for the metadata fix)"),
    badgeTo: BadgeSchema.describe('The badge once the fix makes its checks pass'),
    steps: z.number().int().describe('Badge levels gained'),
    points: z
      .number()
      .int()
      .optional()
      .describe('Metadata quality score (MQA) points gained (one-click fixes)'),
  }),
  oneClick: z.boolean().describe('The platform can make this fix itself, as a new version'),
  title: TextSchema,
  how: TextSchema.describe('What to do, or what the one-click fix does'),
});

export const AgencyFixListSchema = z.object({
  organizationId: z.number().int(),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  results: z.array(
    FixSchema.extend({
      datasetId: z.number().int(),
      identifier: z.string(),
      datasetTitle: z.string(),
    }),
  ),
});

export function presentFix(fix: Fix): z.infer<typeof FixSchema> {
  return {
    id: fix.id,
    ...(fix.resourceId === undefined ? {} : { resourceId: fix.resourceId }),
    check: fix.check,
    kind: fix.kind,
    gain: fix.gain,
    oneClick: fix.oneClick,
    title: fix.title,
    how: fix.how,
  };
}

export function presentAgencyFix(fix: AgencyFix): z.infer<typeof AgencyFixListSchema>['results'][number] {
  return {
    ...presentFix(fix),
    datasetId: fix.datasetId,
    identifier: fix.identifier,
    datasetTitle: fix.datasetTitle,
  };
}
