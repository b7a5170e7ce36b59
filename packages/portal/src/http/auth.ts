import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Settings } from '../config/settings.ts';
import { AppError } from '../errors/app-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** True when the request carries the configured admin token. */
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

export type Credentials = 'none' | 'admin' | 'invalid';

/** What the Authorization header says: nothing, the admin token, or something else. */
export function credentialsOf(request: FastifyRequest, settings: Settings): Credentials {
  const header = request.headers.authorization;
  if (header === undefined || header === '') return 'none';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || settings.adminToken === undefined) return 'invalid';
  return tokenMatches(match[1] as string, settings.adminToken) ? 'admin' : 'invalid';
}

/** onRequest hook for reads: the admin token unlocks drafts; a wrong token is refused. */
export function readAuthHook(settings: Settings) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const credentials = credentialsOf(request, settings);
    if (credentials === 'invalid')
      throw new AppError('UNAUTHORIZED', 'The Authorization header is not a valid admin token');
    request.isAdmin = credentials === 'admin';
  };
}

/** onRequest hook for writes: runs before the body is read or validated. */
export function writeAuthHook(settings: Settings) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (settings.adminToken === undefined) {
      throw new AppError('WRITES_DISABLED', 'The write API is off: no ODP_ADMIN_TOKEN is configured');
    }
    const credentials = credentialsOf(request, settings);
    if (credentials !== 'admin') {
      throw new AppError('UNAUTHORIZED', 'Writes need Authorization: Bearer <admin token>');
    }
    request.isAdmin = true;
  };
}
