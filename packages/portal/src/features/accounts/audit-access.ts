import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { authorize, organizationsWith } from './policy.ts';
import type { Principal } from './principal.ts';

/**
 * Who may read which part of the audit log: platform administrators (and the admin
 * token) all of it, organisation admins their organisations' rows, nobody else.
 */

/** The organisations whose rows the principal may read (undefined: all); throws 401/403. */
export function auditScope(principal: Principal, organizationId?: number): number[] | undefined {
  if (principal.kind === 'anonymous') throw new AppError('UNAUTHORIZED', 'Sign in or send an API key');
  const visible = organizationsWith(principal, 'admin');
  if (visible !== undefined && visible.length === 0)
    throw new AppError(
      'FORBIDDEN',
      'Only platform administrators and organisation admins may read the audit log',
    );
  if (organizationId !== undefined) authorize(principal, 'organization.audit', organizationId);
  return visible;
}

/** The audit log's filters, for the API and the page alike. */
export const AuditQuerySchema = z.object({
  organization: z.coerce.number().int().min(1).max(2_147_483_647).optional().describe('An organisation id'),
  action: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9.-]{0,63}$/, 'must be an action such as dataset.update, or a family such as dataset')
    .optional()
    .describe('An action (dataset.update) or a family of actions (dataset)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('Rows older than this id'),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
