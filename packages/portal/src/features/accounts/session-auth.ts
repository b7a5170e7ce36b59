import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ANONYMOUS, type Principal } from './principal.ts';
import { SESSION_COOKIE, SESSION_HOURS, findSession } from './session.repo.ts';
import { findUser, rolesOf } from './user.repo.ts';

/**
 * Signed-in people on the back-office pages: the session cookie (HttpOnly, SameSite=Lax,
 * Secure when the site is served over https) names a session in the database.
 */

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** The person a session cookie belongs to, or anonymous (no, expired or unknown cookie; disabled account). */
export async function sessionPrincipal(
  db: Kysely<Database>,
  cookieValue: string | undefined,
): Promise<Principal> {
  if (!cookieValue) return ANONYMOUS;
  const session = await findSession(db, cookieValue);
  if (!session) return ANONYMOUS;
  const user = await findUser(db, { id: session.userId });
  if (!user || user.disabledAt !== null) return ANONYMOUS;
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    platformAdmin: user.platformAdmin,
    roles: await rolesOf(db, user.id),
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}

export function cookieOptions(publicUrl: string, maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: publicUrl.startsWith('https:'),
    maxAge: maxAgeSeconds,
  };
}

export function setSessionCookie(reply: FastifyReply, publicUrl: string, cookieValue: string): void {
  reply.setCookie(SESSION_COOKIE, cookieValue, cookieOptions(publicUrl, SESSION_HOURS * 3600));
}

export function clearSessionCookie(reply: FastifyReply, publicUrl: string): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(publicUrl, 0));
}

/** The signed-in person, or undefined. */
export function signedInUser(request: FastifyRequest): UserPrincipal | undefined {
  return request.principal.kind === 'user' ? request.principal : undefined;
}
