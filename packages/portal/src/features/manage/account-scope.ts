import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../../http/route-deps.ts';
import { LOCALE_PREFIX, type Locale } from '../../i18n/locale.ts';
import { checkCsrf } from '../accounts/csrf.ts';
import { accountRateLimitOptions } from '../accounts/rate-limit.ts';
import { SESSION_COOKIE } from '../accounts/session.repo.ts';
import { sessionPrincipal } from '../accounts/session-auth.ts';
import { htmlErrorRenderer } from '../pages/page.routes.tsx';
import { registerErrorHandling } from '../../http/error-handler.ts';
import { MANAGE_ROUTE_PLUGINS } from './manage-routes.ts';
import { isSelfCheckedMultipart } from './multipart-form.ts';

/**
 * The pages that depend on who is signed in: account pages (sign in, register, reset)
 * and the back office (/manage). Outside the read cache; never cached by browsers
 * (no-store); the session cookie is read here and only here; every form post (any
 * method but GET/HEAD) must carry the CSRF token; forms are urlencoded (1 MiB at most),
 * except the file forms of routes that read their multipart body themselves.
 * Registered once for each language like the public pages.
 */

export const FORM_BODY_LIMIT = 1024 * 1024;

/** What the back-office route plugins are given. */
export interface ManageRouteOptions extends RouteDeps {
  locale: Locale;
}

export const accountScope: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
  // Per-address limits on the sign-in, registration and password-reset forms (accounts/rate-limit.ts).
  await app.register(rateLimit, accountRateLimitOptions());
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    request.principal = await sessionPrincipal(deps.catalogue.db, request.cookies[SESSION_COOKIE]);
  });
  // Before validation: a route's body schema may drop fields it does not declare (_csrf).
  // A multipart body is not parsed yet: only routes that declare `csrf: 'multipart'` take
  // one, and they refuse it unless its first part is the token (multipart-form.ts).
  app.addHook('preValidation', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || isSelfCheckedMultipart(request)) return;
    checkCsrf(request);
  });
  for (const locale of ['zh-TW', 'en'] as const) {
    await app.register(
      async (scope) => {
        if (locale === 'en')
          registerErrorHandling(scope, { renderHtml: htmlErrorRenderer('en'), notFound: false });
        for (const plugin of MANAGE_ROUTE_PLUGINS) await scope.register(plugin, { ...deps, locale });
      },
      { prefix: LOCALE_PREFIX[locale] },
    );
  }
};

/**
 * preHandler for pages that need someone signed in: anyone else is sent to the sign-in
 * page, which brings them back here afterwards.
 */
export async function requireSignedIn(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.principal.kind === 'user') return;
  const prefix = request.url.startsWith('/en/') ? '/en' : '';
  await reply.redirect(`${prefix}/login?next=${encodeURIComponent(request.url)}`, 303);
}
