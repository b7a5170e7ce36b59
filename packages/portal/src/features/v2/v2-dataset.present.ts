import { z } from 'zod';
import {
  findCategory,
  BADGE_LABELS,
  PUBLICATION_METHOD_LABELS,
  type Badge,
  FREQUENCY_UNIT_TEXT,
  type UpdateFrequency,
} from '@odp/quality/metadata';
import type { DatasetRecord, ResourceRecord } from '../datasets/dataset.record.ts';

/**
 * The dataset as data.gov.tw API v2 returns it: the national standard's field names,
 * values as strings ('' when empty), `distribution` with the v2 resource names
 * (resourceFormat, resourceDownloadUrl, …) and the system fields publishedDate and
 * modifiedDate.
 */
const s = z.string();
const fieldList = z.array(z.object({ name: s, description: s }));
const parameterList = z.array(z.record(z.string(), z.unknown()));

export const V2ResourceSchema = z
  .object({
    resourceID: s,
    resourceDescription: s,
    resourceField: fieldList,
    qcLevel: s,
    resourceFormat: s,
    resourceCharacterEncoding: s,
    resourceQualityCheckTime: s,
    resourceDownloadUrl: s,
    resourceAccessUrl: s,
    resourceAmount: s,
    resourceNotes: s,
    resourceRequestMethod: s,
    resourceOasUrl: s,
    resourceRequestParameters: parameterList,
    resourcePathParameters: parameterList,
    resourceModified: s,
    metadataSourceOfData: s,
  })
  .meta({ id: 'DataGovTwResource' });

export const V2DatasetSchema = z
  .object({
    datasetId: s.describe('The datasetId, as a string (as data.gov.tw sends it)'),
    identifier: s,
    title: s,
    description: s,
    categoryCode: s,
    category: s.describe('服務分類 name'),
    fieldDescription: s,
    type: s,
    license: s,
    licenseURL: s,
    cost: s,
    costURL: s,
    costLaw: s,
    organization: s,
    organizationContactName: s,
    organizationContactPhone: s,
    organizationContactEmail: s,
    publisher: s,
    publisherOID: s,
    publisherContactName: s,
    publisherContactPhone: s,
    publisherContactEmail: s,
    accrualPeriodicity: s,
    updateFrequency: z
      .object({ regularupdate: s, frequency: s, unittime: s })
      .describe(
        'regularupdate 1 = regular, 2 = irregular (不定期); unittime 分鐘/小時/日/週/月/季/年 or 即時',
      ),
    temporalCoverageFrom: s,
    temporalCoverageTo: s,
    issued: s,
    modified: s,
    spatial: s,
    language: s,
    landingPage: s,
    keyword: z.array(s),
    numberOfData: s,
    notes: s,
    dataQuality: s.describe('品質檢測: 白金, 金, 銀, 銅 or 無'),
    publicationMethod: s.describe('資料集上架方式: 手動, 系統介接程式 or 匯入/收割'),
    publishedDate: s.describe('上架日期'),
    modifiedDate: s.describe('詮釋資料更新時間'),
    distribution: z.array(V2ResourceSchema),
  })
  .meta({ id: 'DataGovTwDataset' });

export type V2Dataset = z.output<typeof V2DatasetSchema>;

const str = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? '' : String(v);

function v2Frequency(f: UpdateFrequency | null): V2Dataset['updateFrequency'] {
  if (!f) return { regularupdate: '', frequency: '', unittime: '' };
  if (f.realtime) return { regularupdate: '1', frequency: '', unittime: '即時' };
  if (!f.regular || !f.unit) return { regularupdate: '2', frequency: '', unittime: '' };
  return { regularupdate: '1', frequency: String(f.every ?? 1), unittime: FREQUENCY_UNIT_TEXT[f.unit] };
}

function v2Resource(r: ResourceRecord): z.output<typeof V2ResourceSchema> {
  return {
    resourceID: r.resourceID,
    resourceDescription: r.resourceDescription,
    resourceField: (r.resourceField ?? []).map((f) => ({ name: f.name, description: f.description ?? '' })),
    qcLevel: str(r.qcLevel),
    resourceFormat: r.format,
    resourceCharacterEncoding: r.characterSetCode,
    resourceQualityCheckTime: str(r.resourceQualityCheckTime),
    resourceDownloadUrl: str(r.downloadURL),
    resourceAccessUrl: str(r.accessURL),
    resourceAmount: str(r.resourceAmount),
    resourceNotes: str(r.resourceNotes),
    resourceRequestMethod: str(r.resourceRequestMethod),
    resourceOasUrl: str(r.resourceOasUrl),
    resourceRequestParameters: r.resourceRequestParameters ?? [],
    resourcePathParameters: r.resourcePathParameters ?? [],
    resourceModified: str(r.resourceModified),
    metadataSourceOfData: str(r.metadataSourceOfData),
  };
}

export function presentV2Dataset(d: DatasetRecord): V2Dataset {
  return {
    datasetId: String(d.datasetId),
    identifier: d.identifier,
    title: d.title,
    description: d.description,
    categoryCode: d.categoryCode,
    category: findCategory(d.categoryCode)?.nameZh ?? '',
    fieldDescription: d.fieldDescription,
    type: d.type,
    license: d.license,
    licenseURL: str(d.licenseURL),
    cost: d.cost,
    costURL: str(d.costURL),
    costLaw: str(d.costLaw),
    organization: str(d.organization),
    organizationContactName: str(d.organizationContactName),
    organizationContactPhone: str(d.organizationContactPhone),
    organizationContactEmail: str(d.organizationContactEmail),
    publisher: d.publisher,
    publisherOID: str(d.publisherOID),
    publisherContactName: str(d.publisherContactName),
    publisherContactPhone: str(d.publisherContactPhone),
    publisherContactEmail: str(d.publisherContactEmail),
    accrualPeriodicity: d.accrualPeriodicity,
    updateFrequency: v2Frequency(d.updateFrequency),
    temporalCoverageFrom: str(d.temporalCoverageFrom),
    temporalCoverageTo: str(d.temporalCoverageTo),
    issued: str(d.issued),
    modified: str(d.modified),
    spatial: str(d.spatial),
    language: str(d.language),
    landingPage: str(d.landingPage),
    keyword: d.keyword,
    numberOfData: str(d.numberOfData),
    notes: str(d.notes),
    dataQuality: d.qualityBadge ? (BADGE_LABELS[d.qualityBadge as Badge] ?? '') : '',
    publicationMethod:
      PUBLICATION_METHOD_LABELS[d.publicationMethod as keyof typeof PUBLICATION_METHOD_LABELS] ??
      d.publicationMethod,
    publishedDate: str(d.publishedAt),
    modifiedDate: str(d.metadataModifiedAt),
    distribution: d.distribution.map(v2Resource),
  };
}
