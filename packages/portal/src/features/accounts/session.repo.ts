import type { Kysely } from 'kysely';
import { isoNow } from '../../domain/clock.ts';
import type { Database } from '../../db/schema.ts';
import { newSecret, secretHash } from './secret.ts';

/**
 * Sessions live in the database (any web process can read them). The cookie holds a
 * random secret; the table keeps its hash and the session's CSRF token.
 */

export const SESSION_COOKIE = 'odp_session';
export const SESSION_HOURS = 12;

export interface SessionRow {
  id: string;
  userId: number;
  csrfToken: string;
  expiresAt: string;
}

/** Starts a session; returns the cookie value (shown once, never stored). */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  ip: string | null,
  now: Date = new Date(),
): Promise<{ cookieValue: string; session: SessionRow }> {
  const cookieValue = newSecret();
  const session = {
    id: secretHash(cookieValue),
    userId,
    csrfToken: newSecret(),
    expiresAt: isoNow(new Date(now.getTime() + SESSION_HOURS * 3600_000)),
  };
  await db
    .insertInto('sessions')
    .values({ ...session, createdAt: isoNow(now), ip })
    .execute();
  return { cookieValue, session };
}

/** The live session a cookie value belongs to (expired sessions are not returned). */
export async function findSession(
  db: Kysely<Database>,
  cookieValue: string,
  now: Date = new Date(),
): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'userId', 'csrfToken', 'expiresAt'])
    .where('id', '=', secretHash(cookieValue))
    .where('expiresAt', '>', isoNow(now))
    .executeTakeFirst();
  return row ? { ...row, userId: Number(row.userId) } : undefined;
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Signs a person out everywhere (after a password change or reset). */
export async function deleteSessionsOf(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}
