import { type FieldDescription, type UpdateFrequency } from '@odp/quality/metadata';

/** A stored resource, in the standard's names plus system fields. */
export interface ResourceRecord {
  resourceID: string;
  seq: number;
  resourceDescription: string;
  format: string;
  characterSetCode: string;
  resourceModified: string | null;
  accessURL: string | null;
  downloadURL: string | null;
  metadataSourceOfData: string | null;
  resourceField: { name: string; description: string }[];
  resourceAmount: number | null;
  resourceNotes: string | null;
  resourceRequestMethod: string | null;
  resourceOasUrl: string | null;
  resourceRequestParameters: Record<string, unknown>[] | null;
  resourcePathParameters: Record<string, unknown>[] | null;
  fileKey: string | null;
  size: number | null;
  checksum: string | null;
  qcLevel: string | null;
  resourceQualityCheckTime: string | null;
}

/** A stored dataset: every field of the standard, the structured forms, and system fields. */
export interface DatasetRecord {
  datasetId: number;
  identifier: string;
  status: string;
  organizationId: number | null;
  categoryCode: string;
  type: string;
  title: string;
  titleEn: string | null;
  description: string;
  descriptionEn: string | null;
  fieldDescription: string;
  fields: FieldDescription[];
  license: string;
  licenseURL: string | null;
  cost: string;
  costURL: string | null;
  costLaw: string | null;
  organization: string | null;
  organizationContactName: string | null;
  organizationContactPhone: string | null;
  organizationContactEmail: string | null;
  publisher: string;
  publisherOID: string | null;
  publisherContactName: string | null;
  publisherContactPhone: string | null;
  publisherContactEmail: string | null;
  accrualPeriodicity: string;
  updateFrequency: UpdateFrequency | null;
  temporalCoverageFrom: string | null;
  temporalCoverageTo: string | null;
  issued: string | null;
  modified: string | null;
  spatial: string | null;
  language: string | null;
  landingPage: string | null;
  keyword: string[];
  numberOfData: number | null;
  notes: string | null;
  themes: string[];
  accessLevel: string;
  publicationMethod: string;
  qualityBadge: string | null;
  whitelisted: boolean;
  delistingDate: string | null;
  publishedAt: string | null;
  metadataModifiedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  distribution: ResourceRecord[];
}
