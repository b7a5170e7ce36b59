import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { SESSION_COOKIE, createSession } from '../features/accounts/session.repo.ts';

/** For tests of signed-in pages: a session for a person, as the cookie header and the form's CSRF token. */
export async function signIn(
  db: Kysely<Database>,
  userId: number,
): Promise<{ headers: { cookie: string }; csrf: string }> {
  const { cookieValue, session } = await createSession(db, userId, '127.0.0.1');
  return { headers: { cookie: `${SESSION_COOKIE}=${cookieValue}` }, csrf: session.csrfToken };
}

/** An urlencoded form body. */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' } as const;
