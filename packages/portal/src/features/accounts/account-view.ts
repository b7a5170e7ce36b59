import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { splitLocale } from '../../i18n/locale.ts';
import type { ManageRouteOptions } from '../manage/account-scope.ts';
import { pageContext } from '../pages/page-context.ts';
import { sendPage } from '../pages/page-response.ts';
import { accountMessages } from './account-messages.ts';
import { recordAudit } from './audit.repo.ts';
import { csrfToken } from './csrf.ts';
import type { UserRow } from './user.repo.ts';
import type { AccountView } from './views/account-form.tsx';

/** What the account route handlers share: the view context of a request, sending a page, the audit row. */

export function accountView(
  request: FastifyRequest,
  reply: FastifyReply,
  options: ManageRouteOptions,
): AccountView {
  const { path } = splitLocale(request.url);
  return {
    ctx: pageContext(options.locale, path, options.settings.publicUrl),
    am: accountMessages(options.locale),
    csrf: csrfToken(request, reply, options.settings.publicUrl),
  };
}

export function sendAccountPage(
  reply: FastifyReply,
  view: AccountView,
  page: VNode,
  status = 200,
): FastifyReply {
  return sendPage(reply.code(status), view.ctx, page);
}

/** One audit row about an account; the actor is the person (or anonymous when no account matched). */
export async function auditAccount(
  options: ManageRouteOptions,
  request: FastifyRequest,
  user: Pick<UserRow, 'id' | 'email'> | undefined,
  action: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const actor = user
    ? { kind: 'user', id: String(user.id), label: `user:${user.email}`, ip: request.ip }
    : { kind: 'anonymous', id: null, label: 'anonymous', ip: request.ip };
  await recordAudit(options.catalogue.db, actor, [
    { action, targetType: 'user', targetId: user ? String(user.id) : null, organizationId: null, detail },
  ]);
}

/** The e-mail address rule of the forms (what browsers' type=email accept, roughly). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
