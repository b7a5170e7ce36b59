import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { LOCALES, localePath, type Locale } from '../../i18n/locale.ts';
import type { ManageRouteOptions } from '../manage/account-scope.ts';
import { auditAccount } from './account-view.ts';
import { startSession } from './login.routes.tsx';
import { safeNextPath } from './next-path.ts';
import { oidcAccount } from './oidc-account.service.ts';
import { OidcClient, type OidcFlow } from './oidc-client.ts';
import { cookieOptions } from './session-auth.ts';

/**
 * Sign-in with the configured OpenID Connect provider (ODP_OIDC_*). GET /login/oidc
 * starts the authorization code flow (PKCE S256, state, nonce) and keeps its secrets in
 * the `odp_oidc` cookie (HttpOnly, 10 minutes); the provider sends the browser back to
 * `<public URL>/login/oidc/callback`, one address for both languages, which checks
 * them, finds or makes the account (oidc-account.service.ts) and starts a session.
 * Without a provider configured both routes answer 404.
 */

export const OIDC_COOKIE = 'odp_oidc';
const OIDC_COOKIE_SECONDS = 600;
export const OIDC_CALLBACK_PATH = '/login/oidc/callback';

interface FlowCookie extends OidcFlow {
  next: string;
  locale: Locale;
}

const StartQuery = z.object({ next: z.string().max(2000).optional() });

function readFlowCookie(value: string | undefined): FlowCookie | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { state, nonce, codeVerifier, next, locale } = parsed;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string')
      return undefined;
    if (
      typeof next !== 'string' ||
      typeof locale !== 'string' ||
      !(LOCALES as readonly string[]).includes(locale)
    )
      return undefined;
    return { state, nonce, codeVerifier, next, locale: locale as Locale };
  } catch {
    return undefined;
  }
}

export const oidcRoutes: FastifyPluginAsync<ManageRouteOptions> = async (instance, options) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { catalogue, settings, locale } = options;
  const oidc = settings.oidc
    ? new OidcClient(settings.oidc, `${settings.publicUrl}${OIDC_CALLBACK_PATH}`)
    : undefined;

  function provider(): OidcClient {
    if (!oidc) throw new AppError('NOT_FOUND', 'OpenID Connect sign-in is not configured');
    return oidc;
  }

  app.get(
    '/login/oidc',
    { config: { html: true }, schema: { querystring: StartQuery } },
    async (request, reply) => {
      const client = provider();
      const next = safeNextPath(request.query.next, locale);
      const { flow, url } = await client.start();
      const cookie: FlowCookie = { ...flow, next, locale };
      reply.setCookie(
        OIDC_COOKIE,
        Buffer.from(JSON.stringify(cookie), 'utf8').toString('base64url'),
        cookieOptions(settings.publicUrl, OIDC_COOKIE_SECONDS),
      );
      return reply.redirect(url, 303);
    },
  );

  app.get(OIDC_CALLBACK_PATH, { config: { html: true } }, async (request, reply) => {
    const client = provider();
    const flow = readFlowCookie(request.cookies[OIDC_COOKIE]);
    reply.clearCookie(OIDC_COOKIE, cookieOptions(settings.publicUrl, 0));
    const failed = (reason: string, pageLocale: Locale = locale) =>
      reply.redirect(localePath(pageLocale, `/login?oidc=${reason}`), 303);
    if (!flow) return failed('failed');
    const q = request.url.indexOf('?');
    let identity;
    try {
      identity = await client.finish(flow, q === -1 ? '' : request.url.slice(q));
    } catch (error) {
      request.log.warn({ errorMessage: (error as Error).message }, 'OpenID Connect sign-in failed');
      await auditAccount(options, request, undefined, 'account.sign-in-failed', {
        method: 'oidc',
        reason: 'provider',
      });
      return failed('failed', flow.locale);
    }
    const result = await oidcAccount(catalogue.db, identity);
    if (result.outcome === 'refused') {
      await auditAccount(options, request, undefined, 'account.sign-in-failed', {
        method: 'oidc',
        reason: result.reason,
        issuer: identity.issuer,
      });
      return failed(result.reason === 'disabled' ? 'failed' : result.reason, flow.locale);
    }
    if (result.outcome === 'created')
      await auditAccount(options, request, result.user, 'account.registered', {
        method: 'oidc',
        issuer: identity.issuer,
      });
    if (result.outcome === 'linked')
      await auditAccount(options, request, result.user, 'account.oidc-linked', { issuer: identity.issuer });
    await auditAccount(options, request, result.user, 'account.sign-in', {
      method: 'oidc',
      issuer: identity.issuer,
    });
    return startSession(options, request, reply, result.user, safeNextPath(flow.next, flow.locale));
  });
};
