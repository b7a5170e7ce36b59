import type { Kysely } from 'kysely';
import { isoNow } from '../../domain/clock.ts';
import type { Database } from '../../db/schema.ts';
import { verifyPassword } from './password.ts';
import { findUser, updateUser, type UserRow } from './user.repo.ts';

/**
 * Signing in with an e-mail address and a password. The answer never tells whether an
 * address has an account: a missing account, a disabled one and a wrong password all
 * fail the same way, after the same argon2 work. LOCKOUT_FAILURES wrong passwords in a
 * row lock the account for LOCKOUT_MINUTES; while locked even the right password fails
 * (and the counter does not move, so nobody can keep an account locked for longer than
 * by trying again once the lock ends). The right password resets the counter.
 */

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

export type SignInResult =
  | { outcome: 'signed-in'; user: UserRow }
  /** Right password, address not verified yet: no session (docs/accounts.md). */
  | { outcome: 'unverified'; user: UserRow }
  | { outcome: 'locked'; user: UserRow }
  /** `user` is the account when one has this address (for the audit log only). */
  | { outcome: 'failed'; user: UserRow | undefined };

function isLocked(user: UserRow, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil > isoNow(now);
}

/** Adds one failure; returns true when this failure locks the account. */
async function recordFailure(db: Kysely<Database>, user: UserRow, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1), updatedAt: isoNow(now) }))
    .where('id', '=', user.id)
    .returning('failedLogins')
    .executeTakeFirstOrThrow();
  if (Number(row.failedLogins) < LOCKOUT_FAILURES) return false;
  await updateUser(
    db,
    user.id,
    { failedLogins: 0, lockedUntil: isoNow(new Date(now.getTime() + LOCKOUT_MINUTES * 60_000)) },
    now,
  );
  return true;
}

export async function signInWithPassword(
  db: Kysely<Database>,
  email: string,
  password: string,
  now: Date = new Date(),
): Promise<SignInResult> {
  const user = await findUser(db, { email });
  const usable = user !== undefined && user.disabledAt === null;
  const right = await verifyPassword(usable ? user.passwordHash : null, password);
  if (!usable) return { outcome: 'failed', user };
  if (isLocked(user, now)) return { outcome: 'locked', user };
  if (!right)
    return (await recordFailure(db, user, now)) ? { outcome: 'locked', user } : { outcome: 'failed', user };
  if (user.failedLogins !== 0 || user.lockedUntil !== null)
    await updateUser(db, user.id, { failedLogins: 0, lockedUntil: null }, now);
  if (user.emailVerifiedAt === null) return { outcome: 'unverified', user };
  return { outcome: 'signed-in', user };
}
