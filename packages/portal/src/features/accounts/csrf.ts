import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error.ts';
import { newSecret } from './secret.ts';
import { cookieOptions } from './session-auth.ts';

/**
 * CSRF protection of every form post on the back-office and account pages. Signed in:
 * the session's own token (synchronizer token, kept in the sessions table). Not yet
 * signed in (login, registration, password reset): a random `odp_csrf` cookie that the
 * form must repeat (double submit). The token travels in the `_csrf` form field or the
 * `x-csrf-token` header (the upload script). docs/adr/0008-csrf-tokens.md says why not
 * a library.
 */

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'odp_csrf';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token forms on this page must carry (sets the pre-session cookie when needed). */
export function csrfToken(request: FastifyRequest, reply: FastifyReply, publicUrl: string): string {
  if (request.principal.kind === 'user') return request.principal.csrfToken;
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = newSecret();
  reply.setCookie(CSRF_COOKIE, token, { ...cookieOptions(publicUrl, 2 * 3600), sameSite: 'strict' });
  // Later handlers of this request (a form re-rendered with errors) see the same token.
  request.cookies[CSRF_COOKIE] = token;
  return token;
}

function givenToken(request: FastifyRequest): string | undefined {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  const body = request.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** Throws CSRF_INVALID unless the request repeats the token of its session (or pre-session cookie). */
export function checkCsrf(request: FastifyRequest): void {
  const given = givenToken(request);
  const expected =
    request.principal.kind === 'user' ? request.principal.csrfToken : request.cookies[CSRF_COOKIE];
  if (!given || !expected || !same(given, expected)) {
    throw new AppError(
      'CSRF_INVALID',
      'This form has expired or did not come from this site: reload the page and send it again',
    );
  }
}
