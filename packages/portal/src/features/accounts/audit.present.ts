import { z } from 'zod';
import type { AuditRow } from './audit.repo.ts';

/**
 * The audit log as readers see it: who (actor kind, id and label), what (action,
 * target, organisation, detail), when and from where. Details never hold secrets (the
 * writers record none); as a second line of defence anything that looks like an API key
 * or sits under a secret-sounding name is masked here.
 */

const SECRET_NAMES = /^(key|apiKey|secret|token|password|passwordHash|keyHash|csrf|csrfToken|cookie)$/i;
const API_KEY_TEXT = /odp_[A-Za-z0-9_-]{20,}/g;

export function redactDetail(value: unknown, name = ''): unknown {
  if (SECRET_NAMES.test(name)) return '[redacted]';
  if (typeof value === 'string') return value.replace(API_KEY_TEXT, 'odp_[redacted]');
  if (Array.isArray(value)) return value.map((v) => redactDetail(v));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDetail(v, k)]));
  return value;
}

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actor: z.object({
    kind: z.string().describe('user, api-key, admin-token, …'),
    id: z.string().nullable(),
    label: z.string(),
  }),
  ip: z.string().nullable().describe('The source address of the request'),
  action: z.string().describe('dataset.create, dataset.update, dataset.restore, api-key.create, …'),
  targetType: z.string(),
  targetId: z.string().nullable(),
  organizationId: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const AuditListSchema = z
  .object({
    results: z.array(AuditEntrySchema).describe('Newest first'),
    nextBefore: z
      .number()
      .int()
      .nullable()
      .describe('Pass as `before` for the next (older) page; null on the last page'),
  })
  .meta({ id: 'AuditList' });

export function presentAuditEntry(row: AuditRow): z.output<typeof AuditEntrySchema> {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    actor: { kind: row.actorKind, id: row.actorId, label: row.actorLabel },
    ip: row.ip,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    organizationId: row.organizationId,
    detail: redactDetail(row.detail) as Record<string, unknown>,
  };
}

/** The `before` of the next page: the last row's id when the page is full. */
export function nextBefore(rows: readonly AuditRow[], limit: number): number | null {
  return rows.length === limit ? (rows[rows.length - 1]?.id ?? null) : null;
}
