import type { FastifyPluginAsync } from 'fastify';
import { localePath } from '../../i18n/locale.ts';
import { deleteSession } from '../accounts/session.repo.ts';
import { clearSessionCookie } from '../accounts/session-auth.ts';
import type { ManageRouteOptions } from './account-scope.ts';

/** POST /logout: ends the session (its row and its CSRF token) and clears the cookie. */
export const logoutRoutes: FastifyPluginAsync<ManageRouteOptions> = async (
  app,
  { catalogue, settings, locale },
) => {
  app.post('/logout', async (request, reply) => {
    if (request.principal.kind === 'user') await deleteSession(catalogue.db, request.principal.sessionId);
    clearSessionCookie(reply, settings.publicUrl);
    return reply.redirect(localePath(locale, '/'), 303);
  });
};
