import { z } from 'zod';
import type { OrganizationRow } from './organization.repo.ts';

/** What the API shows of an organisation (機關). */
export const OrganizationSchema = z
  .object({
    id: z.number().int(),
    oid: z.string().nullable().describe('publisherOID, e.g. 2.16.886.101.20003.20082'),
    agencyCode: z.string().nullable().describe('機關代碼 (10 characters)'),
    name: z.string().describe('機關名稱'),
    nameEn: z.string().nullable(),
    level: z.string().describe('central (中央) or local (地方)'),
    parentId: z.number().int().nullable().describe('上級機關'),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    datasetCount: z.number().int().describe('Publicly listed datasets'),
  })
  .meta({ id: 'Organization' });

export const OrganizationListSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  results: z.array(OrganizationSchema),
});

export function presentOrganization(
  o: OrganizationRow,
  datasetCount: number,
): z.output<typeof OrganizationSchema> {
  return {
    id: o.id,
    oid: o.oid,
    agencyCode: o.agencyCode,
    name: o.nameZh,
    nameEn: o.nameEn,
    level: o.level,
    parentId: o.parentId,
    phone: o.phone,
    address: o.address,
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    datasetCount,
  };
}
