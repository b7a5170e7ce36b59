import type { Insertable } from 'kysely';
import type { OrganizationTable } from '../db/schema.ts';
import type { DatasetInput } from '../features/datasets/dataset.schema.ts';
import type { UsageEvent, UsageKind } from '../features/stats/usage-event.ts';

/** A valid dataset in the national standard's shape; override what a test cares about. */
export function datasetInput(
  overrides: Partial<Record<keyof DatasetInput, unknown>> = {},
): Record<string, unknown> {
  return {
    categoryCode: 'E00',
    identifier: 'A41000000G-000001',
    title: '雨量站觀測資料',
    description: '全國雨量站每小時觀測資料',
    fieldDescription: 'station(測站代碼)、rain(時雨量，毫米)',
    type: 'rawData',
    license: '1',
    licenseURL: 'https://data.gov.tw/license',
    cost: '免費',
    organization: '交通部',
    organizationContactName: '王小姐',
    organizationContactPhone: '02-23456789',
    organizationContactEmail: 'contact@example.gov.tw',
    publisher: '交通部中央氣象署',
    publisherContactName: '陳先生',
    publisherContactPhone: '02-23491234',
    publisherContactEmail: 'data@example.gov.tw',
    accrualPeriodicity: '每1小時',
    keyword: ['雨量', '氣象'],
    themes: ['climate'],
    distribution: [
      {
        resourceDescription: '雨量站觀測資料 CSV',
        format: 'CSV',
        characterSetCode: 'UTF-8',
        downloadURL: 'https://example.gov.tw/rain.csv',
      },
    ],
    ...overrides,
  };
}

/** An organisation row to insert; override what a test cares about. */
export function organizationRow(
  overrides: Partial<Omit<Insertable<OrganizationTable>, 'id'>> = {},
): Omit<Insertable<OrganizationTable>, 'id'> {
  const now = '2026-01-01T00:00:00.000Z';
  return {
    oid: null,
    agencyCode: null,
    nameZh: '交通部中央氣象署',
    nameEn: null,
    parentId: null,
    level: 'central',
    phone: null,
    address: null,
    dn: null,
    contactName: null,
    contactEmail: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** `n` usage events of one kind for a dataset at an instant, as the usage recorder writes them. */
export function usageEvents(n: number, kind: UsageKind, datasetId: number, occurredAt: string): UsageEvent[] {
  return Array.from({ length: n }, () => ({
    occurredAt,
    kind,
    datasetId,
    datasetIdentifier: null,
    resourceId: null,
  }));
}
