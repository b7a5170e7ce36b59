import type { OrganizationRole } from './roles.ts';

/**
 * Who is making a request: nobody, the operator's admin token, a signed-in person
 * (session cookie, pages only) or an API key (the Authorization header).
 */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'admin-token' }
  | {
      kind: 'user';
      userId: number;
      email: string;
      displayName: string;
      platformAdmin: boolean;
      /** Role by organisation id. */
      roles: ReadonlyMap<number, OrganizationRole>;
      sessionId: string;
      csrfToken: string;
    }
  | {
      kind: 'api-key';
      keyId: number;
      label: string;
      userId: number;
      platformAdmin: boolean;
      /** What the key may do: its creator's roles, limited to the key's organisation if it has one. */
      roles: ReadonlyMap<number, OrganizationRole>;
    };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** True for the admin token and for platform administrators however they signed in. */
export function isPlatformAdmin(principal: Principal): boolean {
  if (principal.kind === 'admin-token') return true;
  if (principal.kind === 'user' || principal.kind === 'api-key') return principal.platformAdmin;
  return false;
}

/** The actor written on versions and in the audit log. */
export function actorOf(principal: Principal): { kind: string; id: string | null; label: string } {
  switch (principal.kind) {
    case 'admin-token':
      return { kind: 'admin-token', id: null, label: 'admin-token' };
    case 'user':
      return { kind: 'user', id: String(principal.userId), label: `user:${principal.email}` };
    case 'api-key':
      return { kind: 'api-key', id: String(principal.keyId), label: `api-key:${principal.keyId}` };
    default:
      return { kind: 'anonymous', id: null, label: 'anonymous' };
  }
}
