import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditRow } from './audit.repo.ts';

/**
 * Reading the audit log for the audit API and page: newest first, paged by id
 * (`beforeId`), limited to the organisations the reader may see, and filtered by one
 * organisation and by action (`dataset.update`, or a family such as `dataset`).
 */

export interface AuditSearch {
  /** The organisations the reader may see (undefined: all, for platform administrators). */
  visibleOrganizationIds: number[] | undefined;
  organizationId?: number | undefined;
  action?: string | undefined;
  limit: number;
  beforeId?: number | undefined;
}

export async function searchAudit(db: Kysely<Database>, search: AuditSearch): Promise<AuditRow[]> {
  let query = db.selectFrom('auditLog').selectAll();
  if (search.visibleOrganizationIds !== undefined) {
    if (search.visibleOrganizationIds.length === 0) return [];
    query = query.where('organizationId', 'in', search.visibleOrganizationIds);
  }
  if (search.organizationId !== undefined) query = query.where('organizationId', '=', search.organizationId);
  if (search.action !== undefined && search.action !== '') {
    const action = search.action;
    query = action.includes('.')
      ? query.where('action', '=', action)
      : query.where((eb) => eb.or([eb('action', '=', action), eb('action', 'like', `${action}.%`)]));
  }
  if (search.beforeId !== undefined) query = query.where('id', '<', search.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(search.limit).execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    organizationId: r.organizationId === null ? null : Number(r.organizationId),
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}

/** Names of organisations, for the page's filter and rows. */
export async function organizationNames(
  db: Kysely<Database>,
  ids: readonly number[] | undefined,
): Promise<{ id: number; nameZh: string; nameEn: string | null }[]> {
  let query = db.selectFrom('organizations').select(['id', 'nameZh', 'nameEn']);
  if (ids !== undefined) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', [...ids]);
  } else {
    // Every organisation that appears in the log (a platform administrator's filter).
    query = query.where('id', 'in', db.selectFrom('auditLog').select('organizationId').distinct());
  }
  const rows = await query.orderBy('nameZh').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
