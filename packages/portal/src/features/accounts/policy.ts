import { AppError } from '../../errors/app-error.ts';
import { isPlatformAdmin, type Principal } from './principal.ts';
import { roleAtLeast, type OrganizationRole } from './roles.ts';

/**
 * What each role may do (docs/accounts.md has the table). Platform administrators and
 * the admin token may do everything; everyone else needs the role in the organisation
 * that owns the dataset. A dataset without an organisation is the platform's.
 */
export const ACTION_ROLES = {
  'dataset.read-draft': 'member',
  'dataset.create': 'editor',
  'dataset.update': 'editor',
  'dataset.status': 'editor',
  'dataset.restore': 'editor',
  'resource.upload': 'editor',
  'quality.recheck': 'editor',
  'quality.fix': 'editor',
  'dataset.delete': 'admin',
  'organization.members': 'admin',
  'organization.api-keys': 'admin',
  'organization.audit': 'admin',
} as const satisfies Record<string, OrganizationRole>;

export type OrganizationAction = keyof typeof ACTION_ROLES;

/** True when the principal may do `action` on something owned by `organizationId`. */
export function can(
  principal: Principal,
  action: OrganizationAction,
  organizationId: number | null,
): boolean {
  if (isPlatformAdmin(principal)) return true;
  if (principal.kind !== 'user' && principal.kind !== 'api-key') return false;
  if (organizationId === null) return false;
  return roleAtLeast(principal.roles.get(organizationId), ACTION_ROLES[action]);
}

/** Throws 401 for nobody and 403 for someone without the role. */
export function authorize(
  principal: Principal,
  action: OrganizationAction,
  organizationId: number | null,
): void {
  if (principal.kind === 'anonymous') throw new AppError('UNAUTHORIZED', 'Sign in or send an API key');
  if (!can(principal, action, organizationId)) {
    const needed = ACTION_ROLES[action];
    throw new AppError(
      'FORBIDDEN',
      organizationId === null
        ? `Only platform administrators may ${action} here`
        : `${action} needs the ${needed} role in organisation ${organizationId}`,
    );
  }
}

/** Platform-wide actions (jobs, every organisation's audit log, accounts). */
export function authorizePlatformAdmin(principal: Principal): void {
  if (principal.kind === 'anonymous') throw new AppError('UNAUTHORIZED', 'Sign in or send an API key');
  if (!isPlatformAdmin(principal))
    throw new AppError('FORBIDDEN', 'Only platform administrators may do this');
}

/** The organisations where the principal holds at least `needed` (all of them: undefined). */
export function organizationsWith(principal: Principal, needed: OrganizationRole): number[] | undefined {
  if (isPlatformAdmin(principal)) return undefined;
  if (principal.kind !== 'user' && principal.kind !== 'api-key') return [];
  return [...principal.roles].filter(([, role]) => roleAtLeast(role, needed)).map(([id]) => id);
}
