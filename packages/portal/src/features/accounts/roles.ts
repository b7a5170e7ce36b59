/**
 * Organisation roles, weakest first (docs/accounts.md): a member sees the organisation's
 * drafts; an editor creates and changes its datasets and files; an admin also delists
 * permanently, manages members and API keys and reads the organisation's audit log.
 */
export const ORGANIZATION_ROLES = ['member', 'editor', 'admin'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export function isOrganizationRole(value: string): value is OrganizationRole {
  return (ORGANIZATION_ROLES as readonly string[]).includes(value);
}

/** True when `role` is `needed` or stronger. */
export function roleAtLeast(role: OrganizationRole | undefined, needed: OrganizationRole): boolean {
  if (role === undefined) return false;
  return ORGANIZATION_ROLES.indexOf(role) >= ORGANIZATION_ROLES.indexOf(needed);
}

/** The weaker of two roles (an organisation key never acts above its creator). */
export function weakerRole(a: OrganizationRole, b: OrganizationRole): OrganizationRole {
  return ORGANIZATION_ROLES.indexOf(a) <= ORGANIZATION_ROLES.indexOf(b) ? a : b;
}
