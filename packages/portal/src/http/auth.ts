import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Settings } from '../config/settings.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { findApiKeyBySecret, looksLikeApiKey, touchApiKey } from '../features/accounts/api-key.repo.ts';
import { ANONYMOUS, isPlatformAdmin, type Principal } from '../features/accounts/principal.ts';
import { weakerRole, type OrganizationRole } from '../features/accounts/roles.ts';
import { sourceAllowed } from '../features/accounts/source-address.ts';
import { findUser, rolesOf } from '../features/accounts/user.repo.ts';

/**
 * Credentials in the Authorization header: the operator's admin token, or an API key
 * (`Bearer odp_…`, or the key alone as data.gov.tw clients send it). The API never
 * reads the session cookie, so a page cannot be made to write through a visitor's
 * session (no CSRF on the API) and cached reads never depend on a cookie.
 */

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request (anonymous until an auth hook ran). */
    principal: Principal;
    /** True when the request may see every dataset, drafts included (platform administrators). */
    isAdmin: boolean;
  }
}

/** The actor recorded on versions written through the admin token. */
export const ADMIN_ACTOR = 'admin-token';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares in constant time (both sides hashed to the same length first). */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The credential in the header: `Bearer <x>` or `<x>` alone; undefined when there is none. */
export function headerCredential(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match) return match[1] as string;
  return /^\S+$/.test(header.trim()) ? header.trim() : header;
}

async function apiKeyPrincipal(db: Kysely<Database>, secret: string, ip: string): Promise<Principal> {
  const key = await findApiKeyBySecret(db, secret);
  if (!key) throw new AppError('API_KEY_REFUSED', 'This API key does not exist');
  if (key.revokedAt !== null) throw new AppError('API_KEY_REFUSED', 'This API key was revoked');
  const now = new Date();
  if (key.expiresAt !== null && Date.parse(key.expiresAt) <= now.getTime())
    throw new AppError('API_KEY_REFUSED', 'This API key has expired');
  if (!sourceAllowed(key.allowedSources, ip))
    throw new AppError('API_KEY_REFUSED', `This API key may not be used from ${ip}`);
  const user = await findUser(db, { id: key.userId });
  if (!user || user.disabledAt !== null)
    throw new AppError('API_KEY_REFUSED', 'The account that owns this API key is disabled');
  const ownRoles = await rolesOf(db, user.id);
  let roles: Map<number, OrganizationRole> = ownRoles;
  let platformAdmin = user.platformAdmin;
  if (key.organizationId !== null) {
    // An organisation key acts only for its organisation, never above its creator's role there.
    const own = user.platformAdmin ? 'admin' : ownRoles.get(key.organizationId);
    roles = new Map(own === undefined ? [] : [[key.organizationId, weakerRole(own, 'admin')]]);
    platformAdmin = false;
  }
  await touchApiKey(db, key, now);
  return { kind: 'api-key', keyId: key.id, label: key.label, userId: user.id, platformAdmin, roles };
}

/** Who the Authorization header says is calling; throws 401 for a credential that is not valid. */
export async function headerPrincipal(
  request: FastifyRequest,
  settings: Settings,
  db: Kysely<Database>,
): Promise<Principal> {
  const credential = headerCredential(request.headers.authorization);
  if (credential === undefined) return ANONYMOUS;
  if (settings.adminToken !== undefined && tokenMatches(credential, settings.adminToken))
    return { kind: 'admin-token' };
  if (looksLikeApiKey(credential)) return apiKeyPrincipal(db, credential, request.ip);
  throw new AppError('UNAUTHORIZED', 'The Authorization header holds neither the admin token nor an API key');
}

/** onRequest hook for reads: platform administrators see drafts; a wrong credential is refused. */
export function readAuthHook(settings: Settings, db: Kysely<Database>) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (request.headers.authorization === undefined) return;
    request.principal = await headerPrincipal(request, settings, db);
    request.isAdmin = isPlatformAdmin(request.principal);
  };
}

/** onRequest hook for writes: runs before the body is read; nobody gets 401 here. */
export function writeAuthHook(settings: Settings, db: Kysely<Database>) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.principal = await headerPrincipal(request, settings, db);
    if (request.principal.kind === 'anonymous')
      throw new AppError('UNAUTHORIZED', 'Writes need Authorization: Bearer <API key>');
    request.isAdmin = isPlatformAdmin(request.principal);
  };
}
