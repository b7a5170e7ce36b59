import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { AppError } from '../../errors/app-error.ts';
import { csrfToken } from '../accounts/csrf.ts';
import type { UserPrincipal } from '../accounts/session-auth.ts';
import { contextOf, sendPage } from '../pages/page-response.ts';
import type { ManageRouteOptions } from './account-scope.ts';
import { manageMessages } from './manage-messages.ts';
import type { ManageContext } from './views/manage-layout.tsx';

/** What every back-office handler needs: the page context with its messages and CSRF token. */

export function manageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  options: ManageRouteOptions,
): ManageContext {
  return {
    ...contextOf(request, options),
    mm: manageMessages(options.locale),
    csrfToken: csrfToken(request, reply, options.settings.publicUrl),
  };
}

export function sendManagePage(
  reply: FastifyReply,
  ctx: ManageContext,
  page: VNode,
  status = 200,
): FastifyReply {
  return sendPage(reply.code(status), ctx, page);
}

/** The signed-in person (routes behind requireSignedIn); anyone else: 401. */
export function signedIn(request: FastifyRequest): UserPrincipal {
  if (request.principal.kind !== 'user') throw new AppError('UNAUTHORIZED', 'Sign in first');
  return request.principal;
}

/** The confirmation named by `?notice=` after a redirect, when it is one of `notices`. */
export function noticeOf(query: unknown, notices: Record<string, string>): string | undefined {
  const key = query && typeof query === 'object' ? (query as Record<string, unknown>).notice : undefined;
  return typeof key === 'string' && Object.hasOwn(notices, key) ? notices[key] : undefined;
}
