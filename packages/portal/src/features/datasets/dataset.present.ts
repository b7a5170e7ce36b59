import { z } from 'zod';
import type { DatasetRecord, ResourceRecord } from './dataset.record.ts';

/**
 * What the REST API shows of a dataset: every field of the national standard under
 * its standard name, the structured forms, and the system fields a reader needs.
 * Storage details (file keys, organisation ids, whitelists) stay inside.
 */
const text = z.string();
const maybe = z.string().nullable();

export const ResourceSchema = z
  .object({
    resourceID: text.describe('資料資源編號 `identifier-NNN`'),
    resourceDescription: text.describe('資料資源描述'),
    format: text.describe('檔案格式'),
    characterSetCode: text.describe('編碼格式'),
    resourceModified: maybe.describe('資料資源最後更新時間'),
    accessURL: maybe.describe('資料存取網址'),
    downloadURL: maybe.describe('資料下載網址'),
    metadataSourceOfData: maybe.describe('領域別詮釋資料參考網址'),
    resourceField: z.array(z.object({ name: text, description: text })).describe('資料資源欄位'),
    resourceAmount: z.number().nullable().describe('資料量 (rows)'),
    resourceNotes: maybe,
    resourceRequestMethod: maybe,
    resourceOasUrl: maybe,
    resourceRequestParameters: z.array(z.record(z.string(), z.unknown())).nullable(),
    resourcePathParameters: z.array(z.record(z.string(), z.unknown())).nullable(),
    size: z.number().nullable().describe('File size in bytes, when known'),
    checksum: maybe,
    qcLevel: maybe.describe('Quality level of the last check'),
    resourceQualityCheckTime: maybe.describe('資料資源品質檢測時間'),
  })
  .meta({ id: 'Resource' });

export const DatasetSchema = z
  .object({
    datasetId: z.number().int().describe('資料集 serial number'),
    identifier: text.describe('資料集編號 `機關代碼-流水號`'),
    status: text.describe('draft, published, delisting_scheduled, delisted or historical'),
    categoryCode: text.describe('服務分類'),
    type: text.describe('資料集類型: rawData, TOOLS or SERVICES'),
    title: text.describe('資料集名稱'),
    titleEn: maybe,
    description: text.describe('資料集描述'),
    descriptionEn: maybe,
    fieldDescription: text.describe('主要欄位說明, as published'),
    fields: z
      .array(
        z.object({
          name: text,
          title: text.optional(),
          description: text.optional(),
          type: text.optional(),
          standard: text.optional(),
        }),
      )
      .describe('主要欄位說明, structured'),
    license: text.describe('授權方式 code'),
    licenseURL: maybe,
    cost: text.describe('計費方式: 免費 or 付費'),
    costURL: maybe,
    costLaw: maybe,
    organization: maybe.describe('上級機關名稱'),
    organizationContactName: maybe,
    organizationContactPhone: maybe,
    organizationContactEmail: maybe,
    publisher: text.describe('資料集提供機關名稱'),
    publisherOID: maybe,
    publisherContactName: maybe,
    publisherContactPhone: maybe,
    publisherContactEmail: maybe,
    accrualPeriodicity: text.describe('更新頻率, as text'),
    updateFrequency: z
      .object({
        regular: z.boolean(),
        realtime: z.boolean().optional(),
        every: z.number().optional(),
        unit: z.string().optional(),
      })
      .nullable()
      .describe('更新頻率, structured'),
    temporalCoverageFrom: maybe,
    temporalCoverageTo: maybe,
    issued: maybe,
    modified: maybe,
    spatial: maybe,
    language: maybe,
    landingPage: maybe,
    keyword: z.array(text),
    numberOfData: z.number().nullable(),
    notes: maybe,
    themes: z.array(text).describe('高應用價值主題 codes'),
    accessLevel: text.describe('open (開放資料) or on_request (依申請提供)'),
    publicationMethod: text.describe('資料集上架方式: manual, system or harvest'),
    qualityBadge: maybe.describe('品質檢測: platinum, gold, silver, bronze or none'),
    delistingDate: maybe,
    publishedAt: maybe.describe('上架日期 (Asia/Taipei)'),
    metadataModifiedAt: maybe.describe('詮釋資料更新時間 (Asia/Taipei)'),
    version: z.number().int().describe('Version number; every change makes a new one'),
    createdAt: text,
    updatedAt: text,
    distribution: z.array(ResourceSchema),
  })
  .meta({ id: 'Dataset' });

export type DatasetOutput = z.output<typeof DatasetSchema>;
export type ResourceOutput = z.output<typeof ResourceSchema>;

export function presentResource(r: ResourceRecord): ResourceOutput {
  return {
    resourceID: r.resourceID,
    resourceDescription: r.resourceDescription,
    format: r.format,
    characterSetCode: r.characterSetCode,
    resourceModified: r.resourceModified ?? null,
    accessURL: r.accessURL ?? null,
    downloadURL: r.downloadURL ?? null,
    metadataSourceOfData: r.metadataSourceOfData ?? null,
    resourceField: (r.resourceField ?? []).map((f) => ({ name: f.name, description: f.description ?? '' })),
    resourceAmount: r.resourceAmount ?? null,
    resourceNotes: r.resourceNotes ?? null,
    resourceRequestMethod: r.resourceRequestMethod ?? null,
    resourceOasUrl: r.resourceOasUrl ?? null,
    resourceRequestParameters: r.resourceRequestParameters ?? null,
    resourcePathParameters: r.resourcePathParameters ?? null,
    size: r.size ?? null,
    checksum: r.checksum ?? null,
    qcLevel: r.qcLevel ?? null,
    resourceQualityCheckTime: r.resourceQualityCheckTime ?? null,
  };
}

/** Also used for version snapshots, which were stored by older code: missing fields become null. */
export function presentDataset(d: DatasetRecord): DatasetOutput {
  return {
    datasetId: d.datasetId,
    identifier: d.identifier,
    status: d.status,
    categoryCode: d.categoryCode,
    type: d.type,
    title: d.title,
    titleEn: d.titleEn ?? null,
    description: d.description,
    descriptionEn: d.descriptionEn ?? null,
    fieldDescription: d.fieldDescription ?? '',
    fields: (d.fields ?? []).map((f) => ({
      name: f.name,
      ...(f.title === undefined ? {} : { title: f.title }),
      ...(f.description === undefined ? {} : { description: f.description }),
      ...(f.type === undefined ? {} : { type: f.type }),
      ...(f.standard === undefined ? {} : { standard: f.standard }),
    })),
    license: d.license,
    licenseURL: d.licenseURL ?? null,
    cost: d.cost,
    costURL: d.costURL ?? null,
    costLaw: d.costLaw ?? null,
    organization: d.organization ?? null,
    organizationContactName: d.organizationContactName ?? null,
    organizationContactPhone: d.organizationContactPhone ?? null,
    organizationContactEmail: d.organizationContactEmail ?? null,
    publisher: d.publisher,
    publisherOID: d.publisherOID ?? null,
    publisherContactName: d.publisherContactName ?? null,
    publisherContactPhone: d.publisherContactPhone ?? null,
    publisherContactEmail: d.publisherContactEmail ?? null,
    accrualPeriodicity: d.accrualPeriodicity,
    updateFrequency: d.updateFrequency ?? null,
    temporalCoverageFrom: d.temporalCoverageFrom ?? null,
    temporalCoverageTo: d.temporalCoverageTo ?? null,
    issued: d.issued ?? null,
    modified: d.modified ?? null,
    spatial: d.spatial ?? null,
    language: d.language ?? null,
    landingPage: d.landingPage ?? null,
    keyword: d.keyword ?? [],
    numberOfData: d.numberOfData ?? null,
    notes: d.notes ?? null,
    themes: d.themes ?? [],
    accessLevel: d.accessLevel,
    publicationMethod: d.publicationMethod,
    qualityBadge: d.qualityBadge ?? null,
    delistingDate: d.delistingDate ?? null,
    publishedAt: d.publishedAt ?? null,
    metadataModifiedAt: d.metadataModifiedAt ?? null,
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    distribution: (d.distribution ?? []).map(presentResource),
  };
}

export const DatasetListSchema = z
  .object({
    total: z.number().int().describe('How many datasets match'),
    limit: z.number().int(),
    offset: z.number().int(),
    results: z.array(DatasetSchema),
  })
  .meta({ id: 'DatasetList' });

export const VersionSchema = z.object({
  version: z.number().int(),
  actor: text.describe('Who made the change: a user, `admin-token`, `import:<file>`, …'),
  action: text.describe('create, update, status, import, …'),
  createdAt: text,
  changes: z
    .record(z.string(), z.unknown())
    .describe('Each changed field as {from, to}; resources as {added, removed, changed}'),
});

export function presentVersion(v: {
  version: number;
  actor: string;
  action: string;
  createdAt: string;
  changes: Record<string, unknown>;
}): z.output<typeof VersionSchema> {
  return { version: v.version, actor: v.actor, action: v.action, createdAt: v.createdAt, changes: v.changes };
}

export const VersionListSchema = z.object({
  datasetId: z.number().int(),
  identifier: text,
  results: z.array(VersionSchema).describe('Newest first'),
});

export const VersionDetailSchema = VersionSchema.extend({
  /** The whole dataset as it was after this change. */
  snapshot: DatasetSchema,
});
