import { z } from 'zod';
import {
  CATEGORY_CODES,
  ACCESS_LEVELS,
  BADGES,
  COSTS,
  DATASET_TYPES,
  LICENCES,
  DATASET_IDENTIFIER_PATTERN,
  OID_PATTERN,
  RESOURCE_ID_PATTERN,
  parseUpdateFrequency,
  type PUBLICATION_METHODS,
} from '@odp/quality/metadata';
import { DATASET_STATUSES } from '../../domain/dataset-status.ts';
import { THEME_CODES } from '../../domain/vocabularies/themes.ts';

/**
 * The dataset as agencies write it, with the national standard's field names
 * (METADATA.md). One schema for the API, imports and the demo.
 */
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish();
const url = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), {
    message: 'must be an http(s) URL',
    params: { code: 'url' },
  });
const optionalUrl = z.union([z.literal(''), url]).nullish();
const email = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v.split(/[,;，]/).every((e) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e.trim())), {
    message: 'must be an e-mail address (several joined by ,)',
    params: { code: 'email' },
  });
const optionalEmail = z.union([z.literal(''), email]).nullish();
/** YYYY-MM-DD, optionally with a time. */
const dateText = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    'must be YYYY-MM-DD or an ISO date-time',
  );
const optionalDate = z.union([z.literal(''), dateText]).nullish();

export const FieldDescriptionSchema = z.object({
  name: text(200).min(1),
  title: text(200).optional(),
  description: text(1000).optional(),
  type: text(50).optional(),
  standard: text(500).optional(),
});

export const ResourceInputSchema = z
  .object({
    resourceID: z
      .string()
      .regex(RESOURCE_ID_PATTERN, 'must be <identifier>-NNN, e.g. A41000000G-000001-001')
      .optional(),
    resourceDescription: text(2000).default(''),
    format: text(50).min(1),
    characterSetCode: text(50).min(1),
    resourceModified: optionalDate,
    accessURL: optionalUrl,
    downloadURL: optionalUrl,
    metadataSourceOfData: optionalUrl,
    resourceField: z
      .array(z.object({ name: text(200).min(1), description: text(1000).default('') }))
      .default([]),
    resourceAmount: z.number().int().min(0).nullish(),
    resourceNotes: optionalText(2000),
    resourceRequestMethod: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']).nullish(),
    resourceOasUrl: optionalUrl,
    resourceRequestParameters: z.array(z.record(z.string(), z.unknown())).nullish(),
    resourcePathParameters: z.array(z.record(z.string(), z.unknown())).nullish(),
  })
  .superRefine((r, ctx) => {
    if (!r.accessURL && !r.downloadURL) {
      ctx.addIssue({
        code: 'custom',
        path: ['downloadURL'],
        message: 'one of accessURL (資料存取網址) or downloadURL (資料下載網址) is required',
        params: { code: 'access_or_download_required' },
      });
    }
  });

const DatasetFields = {
  categoryCode: z.enum(CATEGORY_CODES),
  identifier: z
    .string()
    .trim()
    .regex(DATASET_IDENTIFIER_PATTERN, 'must be 機關代碼-流水號, e.g. A41000000G-000001'),
  title: text(255).min(1),
  titleEn: optionalText(255),
  description: text(20000).default(''),
  descriptionEn: optionalText(20000),
  fieldDescription: text(20000).optional(),
  fields: z.array(FieldDescriptionSchema).optional(),
  type: z.enum(DATASET_TYPES),
  license: z.enum(LICENCES.map((l) => l.code) as [string, ...string[]]),
  licenseURL: optionalUrl,
  cost: z.enum(COSTS),
  costURL: optionalUrl,
  costLaw: optionalText(2000),
  organization: optionalText(200),
  organizationContactName: optionalText(200),
  organizationContactPhone: optionalText(200),
  organizationContactEmail: optionalEmail,
  publisher: text(200).min(1),
  publisherOID: z
    .union([z.literal(''), z.string().trim().regex(OID_PATTERN, 'must be an OID like 2.16.886.101.20003')])
    .nullish(),
  publisherContactName: optionalText(500),
  publisherContactPhone: optionalText(500),
  publisherContactEmail: optionalEmail,
  accrualPeriodicity: text(50).refine((v) => parseUpdateFrequency(v) !== undefined, {
    message: 'must be 每N分鐘/小時/日/週/月/季/年, 即時 or 不定期',
    params: { code: 'frequency' },
  }),
  temporalCoverageFrom: optionalDate,
  temporalCoverageTo: optionalDate,
  issued: optionalDate,
  modified: optionalDate,
  spatial: optionalText(2000),
  language: z
    .union([
      z.literal(''),
      z.string().regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, 'must be an ISO 639-1 code such as zh or en'),
    ])
    .nullish(),
  landingPage: optionalUrl,
  keyword: z.array(text(100).min(1)).max(100).default([]),
  numberOfData: z.number().int().min(0).nullish(),
  notes: optionalText(20000),
  themes: z.array(z.enum(THEME_CODES as [string, ...string[]])).default([]),
  accessLevel: z.enum(ACCESS_LEVELS).default('open'),
  status: z.enum(DATASET_STATUSES).default('published'),
  distribution: z.array(ResourceInputSchema).max(500).default([]),
};

function paidNeedsCostDetails(
  d: { cost?: string | undefined; costURL?: string | null | undefined; costLaw?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (d.cost !== '付費') return;
  for (const field of ['costURL', 'costLaw'] as const) {
    if (!d[field]) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `${field} is required when cost is 付費`,
        params: { code: 'required_if_paid' },
      });
    }
  }
}

export const DatasetInputSchema = z.object(DatasetFields).superRefine(paidNeedsCostDetails);
export type DatasetInput = z.infer<typeof DatasetInputSchema>;
export type ResourceInput = z.infer<typeof ResourceInputSchema>;

/** PATCH: any subset of the fields; identifier cannot change. */
export const DatasetPatchSchema = z
  .object(DatasetFields)
  .omit({ identifier: true })
  .partial()
  .superRefine(paidNeedsCostDetails);
export type DatasetPatch = z.infer<typeof DatasetPatchSchema>;

/** System fields: set by the platform (imports may carry them), never by publishers. */
export interface SystemFields {
  datasetId?: number;
  publicationMethod?: (typeof PUBLICATION_METHODS)[number];
  qualityBadge?: (typeof BADGES)[number] | null;
  publishedAt?: string | null;
  metadataModifiedAt?: string | null;
  /** 預計下架日期: set when a dataset is scheduled for delisting, cleared when it is not. */
  delistingDate?: string | null;
}

export const DatasetListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(30),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  q: z.string().trim().max(200).optional(),
  organization: z.string().trim().max(100).optional(),
  category: z.string().trim().max(10).optional(),
  theme: z.string().trim().max(50).optional(),
  format: z.string().trim().max(50).optional(),
  keyword: z.string().trim().max(100).optional(),
  type: z.enum(DATASET_TYPES).optional(),
  license: z.string().trim().max(50).optional(),
  badge: z.enum(BADGES).optional(),
  status: z.enum(DATASET_STATUSES).optional(),
  sort: z.enum(['modified', '-modified', 'newest', 'oldest', 'title', 'id']).default('id'),
});
export type DatasetListQuery = z.infer<typeof DatasetListQuerySchema>;
