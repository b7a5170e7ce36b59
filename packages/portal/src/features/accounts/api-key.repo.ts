import type { Kysely } from 'kysely';
import { isoNow } from '../../domain/clock.ts';
import type { Database } from '../../db/schema.ts';
import { newSecret, secretHash } from './secret.ts';

/**
 * API keys: `odp_` and 43 random characters, shown once; the table keeps the SHA-256
 * hash, the first 12 characters (to tell keys apart), the owner, the organisation it
 * publishes for, allowed source addresses, expiry and revocation.
 */

export const API_KEY_PREFIX = 'odp_';

export interface ApiKeyRow {
  id: number;
  prefix: string;
  label: string;
  organizationId: number | null;
  userId: number;
  allowedSources: string[];
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

const COLUMNS = [
  'id',
  'prefix',
  'label',
  'organizationId',
  'userId',
  'allowedSources',
  'expiresAt',
  'revokedAt',
  'lastUsedAt',
  'createdAt',
] as const;

function toKey(row: Omit<ApiKeyRow, 'allowedSources'> & { allowedSources: string }): ApiKeyRow {
  return {
    ...row,
    id: Number(row.id),
    userId: Number(row.userId),
    organizationId: row.organizationId === null ? null : Number(row.organizationId),
    allowedSources: JSON.parse(row.allowedSources) as string[],
  };
}

export function looksLikeApiKey(text: string): boolean {
  return text.startsWith(API_KEY_PREFIX) && text.length > API_KEY_PREFIX.length + 20;
}

/** Creates a key; the returned `key` is the only time the secret exists outside the caller. */
export async function createApiKey(
  db: Kysely<Database>,
  key: {
    label: string;
    userId: number;
    organizationId: number | null;
    allowedSources: string[];
    expiresAt: string | null;
  },
  now: Date = new Date(),
): Promise<{ key: string; row: ApiKeyRow }> {
  const secret = newSecret(API_KEY_PREFIX);
  const inserted = await db
    .insertInto('apiKeys')
    .values({
      prefix: secret.slice(0, 12),
      keyHash: secretHash(secret),
      label: key.label,
      organizationId: key.organizationId,
      userId: key.userId,
      allowedSources: JSON.stringify(key.allowedSources),
      expiresAt: key.expiresAt,
      revokedAt: null,
      lastUsedAt: null,
      createdAt: isoNow(now),
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return { key: secret, row: toKey(inserted) };
}

export async function findApiKeyBySecret(
  db: Kysely<Database>,
  secret: string,
): Promise<ApiKeyRow | undefined> {
  const row = await db
    .selectFrom('apiKeys')
    .select(COLUMNS)
    .where('keyHash', '=', secretHash(secret))
    .executeTakeFirst();
  return row ? toKey(row) : undefined;
}

export async function findApiKey(db: Kysely<Database>, id: number): Promise<ApiKeyRow | undefined> {
  const row = await db.selectFrom('apiKeys').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toKey(row) : undefined;
}

/** Keys of an organisation (or, with `null`, a person's personal keys), newest first. */
export async function listApiKeys(
  db: Kysely<Database>,
  owner: { organizationId: number } | { userId: number },
): Promise<ApiKeyRow[]> {
  let query = db.selectFrom('apiKeys').select(COLUMNS);
  query =
    'organizationId' in owner
      ? query.where('organizationId', '=', owner.organizationId)
      : query.where('userId', '=', owner.userId).where('organizationId', 'is', null);
  const rows = await query.orderBy('id', 'desc').execute();
  return rows.map(toKey);
}

export async function revokeApiKey(db: Kysely<Database>, id: number, now: Date = new Date()): Promise<void> {
  await db
    .updateTable('apiKeys')
    .set({ revokedAt: isoNow(now) })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

/** Records use at most once a minute a key (a write per request would be wasteful). */
export async function touchApiKey(
  db: Kysely<Database>,
  key: ApiKeyRow,
  now: Date = new Date(),
): Promise<void> {
  if (key.lastUsedAt !== null && now.getTime() - Date.parse(key.lastUsedAt) < 60_000) return;
  await db
    .updateTable('apiKeys')
    .set({ lastUsedAt: isoNow(now) })
    .where('id', '=', key.id)
    .execute();
}
