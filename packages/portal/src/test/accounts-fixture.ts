import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createApiKey } from '../features/accounts/api-key.repo.ts';
import type { OrganizationRole } from '../features/accounts/roles.ts';
import { createUser, setMembership } from '../features/accounts/user.repo.ts';

/** For tests: a person with roles, and an API key acting as them. */

let counter = 0;

export interface TestAccount {
  userId: number;
  email: string;
  key: string;
  keyId: number;
  headers: { authorization: string };
}

export async function createTestAccount(
  db: Kysely<Database>,
  options: {
    roles?: [organizationId: number, role: OrganizationRole][];
    platformAdmin?: boolean;
    /** The key publishes for this organisation only (default: a personal key). */
    keyOrganizationId?: number | null;
    allowedSources?: string[];
    expiresAt?: string | null;
    passwordHash?: string | null;
  } = {},
): Promise<TestAccount> {
  counter += 1;
  const email = `person${counter}-${Math.random().toString(36).slice(2, 8)}@example.gov.tw`;
  const userId = await createUser(db, {
    email,
    displayName: `測試人員 ${counter}`,
    passwordHash: options.passwordHash ?? null,
    platformAdmin: options.platformAdmin ?? false,
    emailVerified: true,
  });
  for (const [organizationId, role] of options.roles ?? [])
    await setMembership(db, userId, organizationId, role);
  const { key, row } = await createApiKey(db, {
    label: `test key ${counter}`,
    userId,
    organizationId: options.keyOrganizationId ?? null,
    allowedSources: options.allowedSources ?? [],
    expiresAt: options.expiresAt ?? null,
  });
  return { userId, email, key, keyId: row.id, headers: { authorization: `Bearer ${key}` } };
}
