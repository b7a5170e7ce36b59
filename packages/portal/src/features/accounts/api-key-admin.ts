import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import type { Database } from '../../db/schema.ts';
import { taipeiDateTime } from '../../domain/clock.ts';
import { AppError } from '../../errors/app-error.ts';
import { createApiKey, findApiKey, revokeApiKey, type ApiKeyRow } from './api-key.repo.ts';
import { recordAudit, type AuditActor } from './audit.repo.ts';
import { can, organizationsWith } from './policy.ts';
import { isPlatformAdmin } from './principal.ts';
import type { UserPrincipal } from './session-auth.ts';
import { parseSource } from './source-address.ts';

/**
 * API keys managed on the pages: an organisation admin creates keys for the
 * organisation, anyone signed in creates personal keys; the key is returned once and
 * only its hash is kept. Creating and revoking write an audit row in the same
 * transaction; the row names the key by id and label, never by its secret.
 */

export const MAX_SOURCES = 50;

/** The form as posted (urlencoded); every field a string. */
export const ApiKeyFormSchema = z.object({
  /** Kept in the validated body: the account scope checks it after validation. */
  _csrf: z.string().max(200).optional(),
  label: z.string().max(1000).default(''),
  owner: z.string().max(20).default('personal'),
  sources: z.string().max(10_000).default(''),
  expires: z.string().max(20).default(''),
});
export type ApiKeyForm = z.infer<typeof ApiKeyFormSchema>;

export type ApiKeyProblem =
  | { kind: 'label' }
  | { kind: 'source'; detail: string }
  | { kind: 'too-many-sources' }
  | { kind: 'expiry' }
  | { kind: 'owner' };

export interface NewKeyRequest {
  label: string;
  organizationId: number | null;
  allowedSources: string[];
  expiresAt: string | null;
}

/** The organisations the person may create keys for (their admin roles). */
export function keyOrganizations(principal: UserPrincipal): number[] {
  return [...principal.roles].filter(([id]) => can(principal, 'organization.api-keys', id)).map(([id]) => id);
}

/** Reads the form; the problems say what to fix. The expiry is the end of that day in Taipei. */
export function readKeyForm(
  form: ApiKeyForm,
  principal: UserPrincipal,
  now: Date = new Date(),
): { ok: true; value: NewKeyRequest } | { ok: false; problems: ApiKeyProblem[] } {
  const problems: ApiKeyProblem[] = [];
  const label = form.label.trim();
  if (label === '' || label.length > 100) problems.push({ kind: 'label' });
  let organizationId: number | null = null;
  if (form.owner !== 'personal') {
    const id = /^\d{1,9}$/.test(form.owner) ? Number(form.owner) : NaN;
    if (!Number.isInteger(id) || !can(principal, 'organization.api-keys', id))
      problems.push({ kind: 'owner' });
    else organizationId = id;
  }
  const sources = form.sources
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (sources.length > MAX_SOURCES) problems.push({ kind: 'too-many-sources' });
  for (const source of sources.slice(0, MAX_SOURCES)) {
    const parsed = parseSource(source);
    if (typeof parsed === 'string') problems.push({ kind: 'source', detail: parsed });
  }
  let expiresAt: string | null = null;
  const expires = form.expires.trim();
  if (expires !== '') {
    const start = /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T00:00:00+08:00`) : NaN;
    const today = taipeiDateTime(now).slice(0, 10);
    if (
      !Number.isFinite(start) ||
      expires < today ||
      new Date(start + 8 * 3600_000).toISOString().slice(0, 10) !== expires
    )
      problems.push({ kind: 'expiry' });
    else expiresAt = new Date(start + 86_400_000).toISOString();
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { label, organizationId, allowedSources: sources, expiresAt } };
}

function auditDetail(key: ApiKeyRow): Record<string, unknown> {
  return {
    keyId: key.id,
    label: key.label,
    personal: key.organizationId === null,
    allowedSources: key.allowedSources,
    expiresAt: key.expiresAt,
  };
}

/** Creates the key and its audit row; the returned `key` is the only copy of the secret. */
export async function createKeyAudited(
  db: Kysely<Database>,
  principal: UserPrincipal,
  actor: AuditActor,
  request: NewKeyRequest,
): Promise<{ key: string; row: ApiKeyRow }> {
  return inTransaction(db, async (tx) => {
    const created = await createApiKey(tx, { ...request, userId: principal.userId });
    await recordAudit(tx, actor, [
      {
        action: 'api-key.create',
        targetType: 'api-key',
        targetId: String(created.row.id),
        organizationId: created.row.organizationId,
        detail: auditDetail(created.row),
      },
    ]);
    return created;
  });
}

/** Who may revoke a key: its creator, its organisation's admins and platform administrators. */
export function mayRevoke(principal: UserPrincipal, key: ApiKeyRow): boolean {
  if (key.userId === principal.userId || isPlatformAdmin(principal)) return true;
  return key.organizationId !== null && can(principal, 'organization.api-keys', key.organizationId);
}

/** Revokes a key (a revoked key stays revoked: no second audit row). */
export async function revokeKeyAudited(
  db: Kysely<Database>,
  principal: UserPrincipal,
  actor: AuditActor,
  keyId: number,
): Promise<ApiKeyRow> {
  return inTransaction(db, async (tx) => {
    const key = await findApiKey(tx, keyId);
    // Keys the person may not manage are "not found": their ids say nothing.
    if (!key || !mayRevoke(principal, key)) throw new AppError('NOT_FOUND', `No API key ${keyId}`);
    if (key.revokedAt !== null) return key;
    await revokeApiKey(tx, key.id);
    await recordAudit(tx, actor, [
      {
        action: 'api-key.revoke',
        targetType: 'api-key',
        targetId: String(key.id),
        organizationId: key.organizationId,
        detail: auditDetail(key),
      },
    ]);
    return key;
  });
}

/** The organisations whose keys the list shows (undefined: all, for platform administrators). */
export function listedKeyOrganizations(principal: UserPrincipal): number[] | undefined {
  return organizationsWith(principal, 'admin');
}
