import type { Kysely } from 'kysely';
import { isoNow } from '../../domain/clock.ts';
import type { Database } from '../../db/schema.ts';
import { isOrganizationRole, type OrganizationRole } from './roles.ts';

/** People and their organisation roles. E-mail addresses are stored lower-cased. */

export interface UserRow {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string | null;
  emailVerifiedAt: string | null;
  platformAdmin: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  disabledAt: string | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const USER_COLUMNS = [
  'id',
  'email',
  'displayName',
  'passwordHash',
  'emailVerifiedAt',
  'platformAdmin',
  'failedLogins',
  'lockedUntil',
  'disabledAt',
] as const;

function toUser(row: Omit<UserRow, 'platformAdmin'> & { platformAdmin: number }): UserRow {
  return { ...row, id: Number(row.id), platformAdmin: Number(row.platformAdmin) === 1 };
}

export async function createUser(
  db: Kysely<Database>,
  user: {
    email: string;
    displayName: string;
    passwordHash: string | null;
    platformAdmin?: boolean;
    emailVerified?: boolean;
    oidc?: { issuer: string; subject: string };
  },
  now: Date = new Date(),
): Promise<number> {
  const at = isoNow(now);
  const row = await db
    .insertInto('users')
    .values({
      email: normalizeEmail(user.email),
      displayName: user.displayName,
      passwordHash: user.passwordHash,
      emailVerifiedAt: user.emailVerified ? at : null,
      platformAdmin: user.platformAdmin ? 1 : 0,
      failedLogins: 0,
      lockedUntil: null,
      oidcIssuer: user.oidc?.issuer ?? null,
      oidcSubject: user.oidc?.subject ?? null,
      disabledAt: null,
      createdAt: at,
      updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findUser(
  db: Kysely<Database>,
  key: { id: number } | { email: string } | { oidcIssuer: string; oidcSubject: string },
): Promise<UserRow | undefined> {
  let query = db.selectFrom('users').select(USER_COLUMNS);
  if ('id' in key) query = query.where('id', '=', key.id);
  else if ('email' in key) query = query.where('email', '=', normalizeEmail(key.email));
  else query = query.where('oidcIssuer', '=', key.oidcIssuer).where('oidcSubject', '=', key.oidcSubject);
  const row = await query.executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function updateUser(
  db: Kysely<Database>,
  id: number,
  change: Partial<{
    displayName: string;
    passwordHash: string | null;
    emailVerifiedAt: string | null;
    platformAdmin: boolean;
    failedLogins: number;
    lockedUntil: string | null;
    disabledAt: string | null;
    oidcIssuer: string;
    oidcSubject: string;
  }>,
  now: Date = new Date(),
): Promise<void> {
  const { platformAdmin, ...rest } = change;
  await db
    .updateTable('users')
    .set({
      ...rest,
      ...(platformAdmin === undefined ? {} : { platformAdmin: platformAdmin ? 1 : 0 }),
      updatedAt: isoNow(now),
    })
    .where('id', '=', id)
    .execute();
}

/** Role by organisation id. */
export async function rolesOf(db: Kysely<Database>, userId: number): Promise<Map<number, OrganizationRole>> {
  const rows = await db
    .selectFrom('memberships')
    .select(['organizationId', 'role'])
    .where('userId', '=', userId)
    .execute();
  const roles = new Map<number, OrganizationRole>();
  for (const row of rows) if (isOrganizationRole(row.role)) roles.set(Number(row.organizationId), row.role);
  return roles;
}

/** Gives (or changes) a person's role in an organisation; `null` removes it. */
export async function setMembership(
  db: Kysely<Database>,
  userId: number,
  organizationId: number,
  role: OrganizationRole | null,
  now: Date = new Date(),
): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('userId', '=', userId)
    .where('organizationId', '=', organizationId)
    .execute();
  if (role === null) return;
  await db
    .insertInto('memberships')
    .values({ userId, organizationId, role, createdAt: isoNow(now) })
    .execute();
}

export async function listMembers(
  db: Kysely<Database>,
  organizationId: number,
): Promise<{ userId: number; email: string; displayName: string; role: string }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id as userId', 'users.email', 'users.displayName', 'memberships.role'])
    .where('memberships.organizationId', '=', organizationId)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({ ...r, userId: Number(r.userId) }));
}
