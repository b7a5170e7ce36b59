import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ApiKeyRow } from './api-key.repo.ts';

/**
 * The keys a person manages on /manage/api-keys: their own (personal and organisation
 * keys they created) and every key of the organisations they administer (all
 * organisations' keys for platform administrators), newest first. Never the hash.
 */
export async function listManageableKeys(
  db: Kysely<Database>,
  who: { userId: number; organizationIds: number[] | undefined },
): Promise<(ApiKeyRow & { organizationName: string | null })[]> {
  const rows = await db
    .selectFrom('apiKeys')
    .leftJoin('organizations', 'organizations.id', 'apiKeys.organizationId')
    .select([
      'apiKeys.id',
      'apiKeys.prefix',
      'apiKeys.label',
      'apiKeys.organizationId',
      'apiKeys.userId',
      'apiKeys.allowedSources',
      'apiKeys.expiresAt',
      'apiKeys.revokedAt',
      'apiKeys.lastUsedAt',
      'apiKeys.createdAt',
      'organizations.nameZh as organizationName',
    ])
    .where((eb) => {
      const mine = eb('apiKeys.userId', '=', who.userId);
      if (who.organizationIds === undefined)
        return eb.or([mine, eb('apiKeys.organizationId', 'is not', null)]);
      if (who.organizationIds.length === 0) return mine;
      return eb.or([mine, eb('apiKeys.organizationId', 'in', who.organizationIds)]);
    })
    .orderBy('apiKeys.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    userId: Number(r.userId),
    organizationId: r.organizationId === null ? null : Number(r.organizationId),
    allowedSources: JSON.parse(r.allowedSources) as string[],
    organizationName: r.organizationName ?? null,
  }));
}
