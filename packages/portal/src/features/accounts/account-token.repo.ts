import type { Kysely } from 'kysely';
import { isoNow } from '../../domain/clock.ts';
import type { Database } from '../../db/schema.ts';
import { newSecret, secretHash } from './secret.ts';

/**
 * The links sent by e-mail: a random token (in the link only) whose SHA-256 is kept in
 * account_tokens. Each is for one purpose, works once and expires: 24 hours to verify an
 * address, 1 hour to reset a password.
 */

export type AccountTokenPurpose = 'verify-email' | 'reset-password';

export const TOKEN_HOURS: Record<AccountTokenPurpose, number> = { 'verify-email': 24, 'reset-password': 1 };

/** Makes a token for `userId`; returns it (it is not stored). */
export async function issueAccountToken(
  db: Kysely<Database>,
  userId: number,
  purpose: AccountTokenPurpose,
  now: Date = new Date(),
): Promise<string> {
  const token = newSecret();
  await db
    .insertInto('accountTokens')
    .values({
      tokenHash: secretHash(token),
      userId,
      purpose,
      expiresAt: isoNow(new Date(now.getTime() + TOKEN_HOURS[purpose] * 3600_000)),
      usedAt: null,
      createdAt: isoNow(now),
    })
    .execute();
  return token;
}

/** The user a live, unused token of this purpose belongs to, without using it up. */
export async function peekAccountToken(
  db: Kysely<Database>,
  token: string,
  purpose: AccountTokenPurpose,
  now: Date = new Date(),
): Promise<number | undefined> {
  const row = await db
    .selectFrom('accountTokens')
    .select('userId')
    .where('tokenHash', '=', secretHash(token))
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', isoNow(now))
    .executeTakeFirst();
  return row ? Number(row.userId) : undefined;
}

/**
 * Uses a token up and returns its user, or undefined when it is unknown, used, expired
 * or for another purpose. One conditional update: two requests racing with the same
 * token cannot both succeed.
 */
export async function consumeAccountToken(
  db: Kysely<Database>,
  token: string,
  purpose: AccountTokenPurpose,
  now: Date = new Date(),
): Promise<number | undefined> {
  const row = await db
    .updateTable('accountTokens')
    .set({ usedAt: isoNow(now) })
    .where('tokenHash', '=', secretHash(token))
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', isoNow(now))
    .returning('userId')
    .executeTakeFirst();
  return row ? Number(row.userId) : undefined;
}

/** Voids every unused token of this purpose of a person (after a reset: older links stop working). */
export async function voidAccountTokens(
  db: Kysely<Database>,
  userId: number,
  purpose: AccountTokenPurpose,
  now: Date = new Date(),
): Promise<void> {
  await db
    .updateTable('accountTokens')
    .set({ usedAt: isoNow(now) })
    .where('userId', '=', userId)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .execute();
}
