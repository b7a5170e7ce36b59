import { z } from 'zod';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { DatasetInputSchema, ResourceInputSchema } from '../datasets/dataset.schema.ts';
import { recordToInput } from '../datasets/dataset.service.ts';

/**
 * The body of the data.gov.tw v2 publishing API (POST and PUT /api/v2/rest/dataset): the
 * field names the v2 read shape uses (v2-dataset.present.ts), mapped to the service's
 * DatasetInput. Each field is checked with the same rule as in REST v1, so a problem is
 * reported under the v2 name (distribution[0].resourceFormat, not …format).
 *
 * System fields are the platform's: a body that carries one is refused (ER0031) with the
 * field named, instead of the value being silently dropped. Other unknown fields are
 * ignored, as in REST v1.
 */

const D = DatasetInputSchema.shape;
const R = ResourceInputSchema.shape;

/** Fields of the v2 dataset shape that the platform sets, and why (the message of the refusal). */
export const V2_SYSTEM_FIELDS: Readonly<Record<string, string>> = {
  datasetId: 'datasetId (資料集識別碼) is numbered by the platform',
  publishedDate: 'publishedDate (上架日期) is set by the platform',
  modifiedDate: 'modifiedDate (詮釋資料更新時間) is set by the platform',
  dataQuality: 'dataQuality (品質檢測) is set by the quality checks',
  publicationMethod: 'publicationMethod (資料集上架方式) is set by the platform',
  資料集上架方式: '資料集上架方式 (publicationMethod) is set by the platform',
  上架方式: '上架方式 (publicationMethod) is set by the platform',
  category: 'category (服務分類名稱) follows categoryCode; send categoryCode',
  updateFrequency: 'updateFrequency follows accrualPeriodicity; send accrualPeriodicity',
};

/** Resource fields the quality checks set. */
export const V2_SYSTEM_RESOURCE_FIELDS: Readonly<Record<string, string>> = {
  qcLevel: 'qcLevel (品質檢測等級) is set by the quality checks',
  resourceQualityCheckTime: 'resourceQualityCheckTime (品質檢測時間) is set by the quality checks',
};

function refuseSystemFields(
  fields: Readonly<Record<string, string>>,
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
): void {
  for (const [field, message] of Object.entries(fields)) {
    if (Object.hasOwn(value, field))
      ctx.addIssue({ code: 'custom', path: [field], message, params: { code: 'immutable' } });
  }
}

/** A count as v2 sends it: a whole number, or its digits as text ('' for none). */
const count = z
  .union([
    z.number().int().min(0),
    z.literal(''),
    z
      .string()
      .trim()
      .regex(/^\d{1,15}$/, 'must be a whole number'),
  ])
  .nullish();

function toCount(value: z.output<typeof count>): number | null {
  if (value === undefined || value === null || value === '') return null;
  return Number(value);
}

export const V2ResourceInputSchema = z
  .looseObject({
    resourceID: R.resourceID,
    resourceDescription: R.resourceDescription,
    resourceFormat: R.format.describe('檔案格式 (CSV, JSON, …)'),
    resourceCharacterEncoding: R.characterSetCode.describe('編碼格式 (UTF-8, BIG5, …)'),
    resourceModified: R.resourceModified,
    resourceDownloadUrl: R.downloadURL.describe('資料下載網址'),
    resourceAccessUrl: R.accessURL.describe('資料存取網址'),
    metadataSourceOfData: R.metadataSourceOfData,
    resourceField: R.resourceField,
    resourceAmount: count.describe('資料量 of this resource'),
    resourceNotes: R.resourceNotes,
    resourceRequestMethod: z.union([z.literal(''), R.resourceRequestMethod.unwrap().unwrap()]).nullish(),
    resourceOasUrl: R.resourceOasUrl,
    resourceRequestParameters: R.resourceRequestParameters,
    resourcePathParameters: R.resourcePathParameters,
  })
  .superRefine((r, ctx) => {
    refuseSystemFields(V2_SYSTEM_RESOURCE_FIELDS, r, ctx);
    if (!r.resourceAccessUrl && !r.resourceDownloadUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['resourceDownloadUrl'],
        message: 'one of resourceAccessUrl (資料存取網址) or resourceDownloadUrl (資料下載網址) is required',
        params: { code: 'access_or_download_required' },
      });
    }
  });

const datasetFields = {
  categoryCode: D.categoryCode,
  identifier: D.identifier,
  title: D.title,
  description: D.description,
  fieldDescription: D.fieldDescription,
  type: D.type,
  license: D.license,
  licenseURL: D.licenseURL,
  cost: D.cost,
  costURL: D.costURL,
  costLaw: D.costLaw,
  organization: D.organization,
  organizationContactName: D.organizationContactName,
  organizationContactPhone: D.organizationContactPhone,
  organizationContactEmail: D.organizationContactEmail,
  publisher: D.publisher,
  publisherOID: D.publisherOID,
  publisherContactName: D.publisherContactName,
  publisherContactPhone: D.publisherContactPhone,
  publisherContactEmail: D.publisherContactEmail,
  accrualPeriodicity: D.accrualPeriodicity,
  temporalCoverageFrom: D.temporalCoverageFrom,
  temporalCoverageTo: D.temporalCoverageTo,
  issued: D.issued,
  modified: D.modified,
  spatial: D.spatial,
  language: D.language,
  landingPage: D.landingPage,
  keyword: D.keyword,
  numberOfData: count.describe('資料量'),
  notes: D.notes,
  distribution: z.array(V2ResourceInputSchema).max(500).default([]),
};

/** POST: a new dataset; every system field, datasetId included, is refused. */
export const V2DatasetCreateSchema = z
  .looseObject(datasetFields)
  .superRefine((d, ctx) => refuseSystemFields(V2_SYSTEM_FIELDS, d, ctx));

const { datasetId: _datasetId, ...withoutDatasetId } = V2_SYSTEM_FIELDS;

/**
 * PUT: the whole dataset again. The identifier and datasetId may be sent (a GET's
 * answer edited) but must be the dataset's own; the route checks them.
 */
export const V2DatasetReplaceSchema = z
  .looseObject({
    ...datasetFields,
    identifier: D.identifier.optional(),
    datasetId: z
      .union([z.string().max(100), z.number().int()])
      .optional()
      .describe("The dataset's own datasetId (any other is refused)"),
  })
  .superRefine((d, ctx) => refuseSystemFields(withoutDatasetId, d, ctx));

export type V2DatasetCreate = z.output<typeof V2DatasetCreateSchema>;
export type V2DatasetReplacement = z.output<typeof V2DatasetReplaceSchema>;
type V2Resource = z.output<typeof V2ResourceInputSchema>;

function resourceInput(r: V2Resource): z.input<typeof ResourceInputSchema> {
  return {
    ...(r.resourceID === undefined ? {} : { resourceID: r.resourceID }),
    resourceDescription: r.resourceDescription,
    format: r.resourceFormat,
    characterSetCode: r.resourceCharacterEncoding,
    resourceModified: r.resourceModified,
    accessURL: r.resourceAccessUrl,
    downloadURL: r.resourceDownloadUrl,
    metadataSourceOfData: r.metadataSourceOfData,
    resourceField: r.resourceField,
    resourceAmount: toCount(r.resourceAmount),
    resourceNotes: r.resourceNotes,
    resourceRequestMethod: r.resourceRequestMethod === '' ? null : r.resourceRequestMethod,
    resourceOasUrl: r.resourceOasUrl,
    resourceRequestParameters: r.resourceRequestParameters,
    resourcePathParameters: r.resourcePathParameters,
  };
}

/** The v2 body as the service's DatasetInput (published: v2 has no drafts). */
export function v2DatasetInput(
  body: V2DatasetCreate | V2DatasetReplacement,
  identifier: string,
): z.input<typeof DatasetInputSchema> {
  return {
    categoryCode: body.categoryCode,
    identifier,
    title: body.title,
    description: body.description,
    ...(body.fieldDescription === undefined ? {} : { fieldDescription: body.fieldDescription }),
    type: body.type,
    license: body.license,
    licenseURL: body.licenseURL,
    cost: body.cost,
    costURL: body.costURL,
    costLaw: body.costLaw,
    organization: body.organization,
    organizationContactName: body.organizationContactName,
    organizationContactPhone: body.organizationContactPhone,
    organizationContactEmail: body.organizationContactEmail,
    publisher: body.publisher,
    publisherOID: body.publisherOID,
    publisherContactName: body.publisherContactName,
    publisherContactPhone: body.publisherContactPhone,
    publisherContactEmail: body.publisherContactEmail,
    accrualPeriodicity: body.accrualPeriodicity,
    temporalCoverageFrom: body.temporalCoverageFrom,
    temporalCoverageTo: body.temporalCoverageTo,
    issued: body.issued,
    modified: body.modified,
    spatial: body.spatial,
    language: body.language,
    landingPage: body.landingPage,
    keyword: body.keyword,
    numberOfData: toCount(body.numberOfData),
    notes: body.notes,
    status: 'published',
    distribution: body.distribution.map(resourceInput),
  };
}

/**
 * PUT replaces every field of the v2 shape. What the v2 shape does not carry keeps its
 * value: the English title and description, themes, access level, the status, and the
 * structured field list while 主要欄位說明 (fieldDescription) is unchanged.
 */
export function v2ReplacementInput(
  body: V2DatasetReplacement,
  existing: DatasetRecord,
): z.input<typeof DatasetInputSchema> {
  const kept = recordToInput(existing);
  const input = v2DatasetInput(body, existing.identifier);
  return {
    ...input,
    titleEn: kept.titleEn,
    descriptionEn: kept.descriptionEn,
    themes: kept.themes,
    accessLevel: kept.accessLevel,
    status: kept.status,
    ...(input.fieldDescription === existing.fieldDescription && kept.fields ? { fields: kept.fields } : {}),
  };
}
