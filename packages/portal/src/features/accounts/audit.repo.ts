import type { Kysely } from 'kysely';
import { isoNow } from '../../domain/clock.ts';
import type { Database } from '../../db/schema.ts';

/**
 * The audit log: one row for every write (who, what, when, from where). Written in the
 * same transaction as the write it describes, so neither exists without the other.
 */

export interface AuditActor {
  kind: string;
  id: string | null;
  label: string;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  organizationId: number | null;
  detail: Record<string, unknown>;
}

export interface AuditRow extends AuditEntry {
  id: number;
  occurredAt: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
}

export async function recordAudit(
  db: Kysely<Database>,
  actor: AuditActor,
  entries: AuditEntry[],
  now: Date = new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  const occurredAt = isoNow(now);
  await db
    .insertInto('auditLog')
    .values(
      entries.map((e) => ({
        occurredAt,
        actorKind: actor.kind,
        actorId: actor.id,
        actorLabel: actor.label,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        organizationId: e.organizationId,
        ip: actor.ip,
        detail: JSON.stringify(e.detail),
      })),
    )
    .execute();
}

/** Newest first; `organizationIds` limits to those organisations (undefined: all). */
export async function listAudit(
  db: Kysely<Database>,
  options: { organizationIds?: number[] | undefined; limit: number; beforeId?: number | undefined },
): Promise<AuditRow[]> {
  let query = db.selectFrom('auditLog').selectAll();
  if (options.organizationIds !== undefined) {
    if (options.organizationIds.length === 0) return [];
    query = query.where('organizationId', 'in', options.organizationIds);
  }
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    organizationId: r.organizationId === null ? null : Number(r.organizationId),
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
