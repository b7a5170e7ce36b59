import type { FastifyRequest } from 'fastify';
import { splitLocale } from '../../i18n/locale.ts';
import { CSRF_FIELD } from '../accounts/csrf.ts';
import { pageContext, type PageContext } from '../pages/page-context.ts';
import type { ManageRouteOptions } from './account-scope.ts';

/** Pieces of the signed-in pages of versions, audit log and API keys. */

/** The page context of a signed-in page (its path without the language prefix, for the language switch). */
export function managePageContext(request: FastifyRequest, options: ManageRouteOptions): PageContext {
  return pageContext(options.locale, splitLocale(request.url).path, options.settings.publicUrl);
}

/** The hidden field every form post carries: the session's CSRF token (account-scope.ts checks it). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
