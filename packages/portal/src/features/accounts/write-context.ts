import type { FastifyRequest } from 'fastify';
import type { AuditActor } from './audit.repo.ts';
import { authorize, type OrganizationAction } from './policy.ts';
import { actorOf } from './principal.ts';

/**
 * What a write route hands the dataset service: the actor for the version, the
 * authorization check (run inside the transaction, against the organisation that owns
 * the dataset before and after the change) and the audit log actor.
 */
export function writeContext(
  request: FastifyRequest,
  action: OrganizationAction,
): { actor: string; guard: (organizationId: number | null) => void; audit: AuditActor } {
  const principal = request.principal;
  const actor = actorOf(principal);
  return {
    actor: actor.label,
    guard: (organizationId) => authorize(principal, action, organizationId),
    audit: { kind: actor.kind, id: actor.id, label: actor.label, ip: request.ip },
  };
}
