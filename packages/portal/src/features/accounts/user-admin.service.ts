import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import { getOrganization } from '../organizations/organization.repo.ts';
import { isEmailAddress } from './account-view.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { isOrganizationRole, type OrganizationRole } from './roles.ts';
import { recordAudit } from './audit.repo.ts';
import { createUser, findUser, setMembership } from './user.repo.ts';

/**
 * Accounts made by the operator (`odp user add`, the demo seed): verified at once,
 * optionally a platform administrator and a member of one organisation. Writes an audit
 * row naming the operator's tool as the actor.
 */

export interface NewAccount {
  email: string;
  displayName: string;
  /** Undefined: a random password is made (and returned). */
  password?: string | undefined;
  platformAdmin?: boolean;
  organization?: { key: string; role: string } | undefined;
}

/** A random password (20 characters of base64url, about 120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

async function organizationRole(
  db: Kysely<Database>,
  organization: { key: string; role: string },
): Promise<{ id: number; role: OrganizationRole }> {
  if (!isOrganizationRole(organization.role))
    throw new AppError(
      'VALIDATION_FAILED',
      `--role must be admin, editor or member, not ${organization.role}`,
    );
  const found = await getOrganization(db, organization.key);
  if (!found)
    throw new AppError(
      'ORGANIZATION_NOT_FOUND',
      `No organisation with id, OID or agency code ${organization.key}`,
    );
  return { id: Number(found.id), role: organization.role };
}

export async function addAccount(
  db: Kysely<Database>,
  account: NewAccount,
  actorLabel: string,
): Promise<{ userId: number; password: string; generated: boolean }> {
  const email = account.email.trim().toLowerCase();
  if (!isEmailAddress(email))
    throw new AppError('VALIDATION_FAILED', `${account.email} is not an e-mail address`);
  if (account.displayName.trim() === '') throw new AppError('VALIDATION_FAILED', 'The display name is empty');
  const password = account.password ?? generatePassword();
  const problem = passwordProblem(password);
  if (problem) throw new AppError('VALIDATION_FAILED', `The password ${problem}`);
  if (await findUser(db, { email }))
    throw new AppError('VALIDATION_FAILED', `${email} already has an account`);
  const membership = account.organization ? await organizationRole(db, account.organization) : undefined;
  const userId = await createUser(db, {
    email,
    displayName: account.displayName.trim(),
    passwordHash: await hashPassword(password),
    platformAdmin: account.platformAdmin ?? false,
    emailVerified: true,
  });
  if (membership) await setMembership(db, userId, membership.id, membership.role);
  await recordAudit(db, { kind: 'operator', id: null, label: actorLabel, ip: null }, [
    {
      action: 'account.created',
      targetType: 'user',
      targetId: String(userId),
      organizationId: membership?.id ?? null,
      detail: {
        email,
        platformAdmin: account.platformAdmin ?? false,
        ...(membership ? { role: membership.role } : {}),
      },
    },
  ]);
  return { userId, password, generated: account.password === undefined };
}

/** Gives, changes or (role 'none') removes a person's role in an organisation. */
export async function setAccountRole(
  db: Kysely<Database>,
  change: { email: string; organization: string; role: string },
  actorLabel: string,
): Promise<void> {
  const user = await findUser(db, { email: change.email });
  if (!user) throw new AppError('VALIDATION_FAILED', `${change.email} has no account`);
  const target =
    change.role === 'none'
      ? { id: Number((await getOrganization(db, change.organization))?.id ?? NaN), role: null }
      : await organizationRole(db, { key: change.organization, role: change.role });
  if (Number.isNaN(target.id))
    throw new AppError(
      'ORGANIZATION_NOT_FOUND',
      `No organisation with id, OID or agency code ${change.organization}`,
    );
  await setMembership(db, user.id, target.id, target.role);
  await recordAudit(db, { kind: 'operator', id: null, label: actorLabel, ip: null }, [
    {
      action: 'account.role-changed',
      targetType: 'user',
      targetId: String(user.id),
      organizationId: target.id,
      detail: { role: target.role },
    },
  ]);
}
