import type { DatasetRecord, ResourceRecord } from '../datasets/dataset.record.ts';
import { badgeLabel, licenceLabel, publicationMethodLabel } from './catalogue-terms.ts';

/**
 * The JSON (and XML) export: one record per dataset in the national standard's field
 * names (like data.gov.tw's v1 metadata), plus the platform's own fields:
 * - datasetId (資料集識別碼), publishedDate (上架日期), modifiedDate (詮釋資料更新時間),
 *   dataQuality (品質檢測: 白金/金/銀/銅/無, null when not checked) and
 *   publicationMethod (資料集上架方式: 手動/系統介接程式/匯入/收割);
 * - titleEn, descriptionEn, themes (高應用價值主題) and accessLevel.
 * license is the licence's Chinese name, categoryCode the code. Every key is present;
 * absent values are null. Check results and file facts of resources are not exported.
 */
export type CatalogueJsonRecord = ReturnType<typeof catalogueJsonRecord>;

function resourceJson(r: ResourceRecord) {
  return {
    resourceID: r.resourceID,
    resourceDescription: r.resourceDescription,
    format: r.format,
    characterSetCode: r.characterSetCode,
    resourceModified: r.resourceModified,
    accessURL: r.accessURL,
    downloadURL: r.downloadURL,
    metadataSourceOfData: r.metadataSourceOfData,
    resourceField: r.resourceField,
    resourceAmount: r.resourceAmount,
    resourceNotes: r.resourceNotes,
    resourceRequestMethod: r.resourceRequestMethod,
    resourceOasUrl: r.resourceOasUrl,
    resourceRequestParameters: r.resourceRequestParameters,
    resourcePathParameters: r.resourcePathParameters,
  };
}

export function catalogueJsonRecord(d: DatasetRecord) {
  return {
    datasetId: d.datasetId,
    identifier: d.identifier,
    categoryCode: d.categoryCode,
    title: d.title,
    titleEn: d.titleEn,
    description: d.description,
    descriptionEn: d.descriptionEn,
    fieldDescription: d.fieldDescription,
    type: d.type,
    license: licenceLabel(d.license),
    licenseURL: d.licenseURL,
    cost: d.cost,
    costURL: d.costURL,
    costLaw: d.costLaw,
    organization: d.organization,
    organizationContactName: d.organizationContactName,
    organizationContactPhone: d.organizationContactPhone,
    organizationContactEmail: d.organizationContactEmail,
    publisher: d.publisher,
    publisherOID: d.publisherOID,
    publisherContactName: d.publisherContactName,
    publisherContactPhone: d.publisherContactPhone,
    publisherContactEmail: d.publisherContactEmail,
    accrualPeriodicity: d.accrualPeriodicity,
    temporalCoverageFrom: d.temporalCoverageFrom,
    temporalCoverageTo: d.temporalCoverageTo,
    issued: d.issued,
    modified: d.modified,
    spatial: d.spatial,
    language: d.language,
    landingPage: d.landingPage,
    keyword: d.keyword,
    numberOfData: d.numberOfData,
    notes: d.notes,
    themes: d.themes,
    accessLevel: d.accessLevel,
    publicationMethod: publicationMethodLabel(d.publicationMethod),
    dataQuality: d.qualityBadge === null ? null : badgeLabel(d.qualityBadge),
    publishedDate: d.publishedAt,
    modifiedDate: d.metadataModifiedAt,
    distribution: d.distribution.map(resourceJson),
  };
}

/** The whole JSON export: an array, one record per line group, built in one pass. */
export function catalogueJson(records: readonly CatalogueJsonRecord[]): string {
  if (records.length === 0) return '[]\n';
  return `[\n${records.map((r) => '  ' + JSON.stringify(r, null, 2).replaceAll('\n', '\n  ')).join(',\n')}\n]\n`;
}
