import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isoNow } from '../../domain/clock.ts';
import { oidDepth, parseAgencyRegistry, type AgencyEntry } from './agency-registry.ts';
import {
  insertOrganizationsReturningIds,
  organizationsWithOid,
  updateOrganization,
  type OrganizationRow,
} from './organization.repo.ts';

export interface AgencyImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** The registry's fields of an organisation; agency code, English name and contacts are left alone. */
function registryFields(entry: AgencyEntry, parentId: number | null) {
  return {
    nameZh: entry.name,
    phone: entry.phone,
    address: entry.address,
    dn: entry.dn,
    level: entry.level,
    parentId,
  };
}

function differs(row: OrganizationRow, fields: ReturnType<typeof registryFields>): boolean {
  return (Object.keys(fields) as (keyof typeof fields)[]).some((k) => row[k] !== fields[k]);
}

/**
 * Imports the agency OID registry (agency-oid-registry-2016.csv and later editions):
 * upsert by OID, parents before children, in one transaction. A malformed row
 * rejects the whole file (IMPORT_INVALID, with its line and column) before anything
 * is written; importing the same file again changes nothing. The registry carries no
 * 10-character agency codes, so new organisations get none.
 */
export async function importAgencyRegistry(
  ctx: CatalogueContext,
  text: string,
  options: { now?: Date } = {},
): Promise<AgencyImportResult> {
  const entries = parseAgencyRegistry(text);
  const stamp = isoNow(options.now ?? new Date());
  return inTransaction(ctx.db, async (db) => {
    const existing = new Map((await organizationsWithOid(db)).map((r) => [r.oid as string, r]));
    const idOfOid = new Map([...existing].map(([oid, r]) => [oid, r.id]));
    const byDepth = new Map<number, AgencyEntry[]>();
    for (const e of entries) {
      const depth = oidDepth(e.oid);
      byDepth.set(depth, [...(byDepth.get(depth) ?? []), e]);
    }
    const result: AgencyImportResult = { created: 0, updated: 0, unchanged: 0 };
    for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
      const fresh = [];
      for (const entry of byDepth.get(depth) ?? []) {
        const parentId = entry.parentOid === null ? null : (idOfOid.get(entry.parentOid) ?? null);
        const fields = registryFields(entry, parentId);
        const row = existing.get(entry.oid);
        if (!row) {
          fresh.push({
            ...fields,
            oid: entry.oid,
            agencyCode: null,
            nameEn: null,
            contactName: null,
            contactEmail: null,
            createdAt: stamp,
            updatedAt: stamp,
          });
        } else if (differs(row, fields)) {
          await updateOrganization(db, row.id, { ...fields, updatedAt: stamp });
          result.updated++;
        } else {
          result.unchanged++;
        }
      }
      for (const { id, oid } of await insertOrganizationsReturningIds(db, fresh)) {
        if (oid !== null) idOfOid.set(oid, id);
      }
      result.created += fresh.length;
    }
    return result;
  });
}
