import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ManageRouteOptions } from '../manage/account-scope.ts';
import { sendVerificationMail } from './account-mail.ts';
import { accountView, auditAccount, isEmailAddress, sendAccountPage } from './account-view.ts';
import { createMailer } from './mailer.ts';
import { safeNextPath } from './next-path.ts';
import { formRateLimit } from './rate-limit.ts';
import { createSession, deleteSession } from './session.repo.ts';
import { setSessionCookie } from './session-auth.ts';
import { signInWithPassword } from './sign-in.service.ts';
import type { UserRow } from './user.repo.ts';
import { LoginPage } from './views/login-page.tsx';

/**
 * GET /login shows the form (someone already signed in goes straight on); POST /login
 * signs in with a password and answers 303 to `next` (a path on this site, else
 * /manage) with the session cookie, or 401 with the form again and one message for
 * every failure (docs/accounts.md#signing-in).
 */

const LoginQuery = z.object({
  next: z.string().max(2000).optional(),
  /** Set by the OpenID Connect callback when it could not sign the person in. */
  oidc: z.enum(['failed', 'email-taken', 'no-email']).optional(),
});
const LoginBody = z.object({
  email: z.string().max(1000).default(''),
  password: z.string().max(1000).default(''),
  next: z.string().max(2000).optional(),
  _csrf: z.string().optional(),
});

/** Starts a session for `user` (ending the one this browser had) and sends them on. */
export async function startSession(
  options: ManageRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  user: UserRow,
  next: string,
): Promise<FastifyReply> {
  const db = options.catalogue.db;
  if (request.principal.kind === 'user') await deleteSession(db, request.principal.sessionId);
  const { cookieValue } = await createSession(db, user.id, request.ip);
  setSessionCookie(reply, options.settings.publicUrl, cookieValue);
  return reply.redirect(next, 303);
}

export const loginRoutes: FastifyPluginAsync<ManageRouteOptions> = async (instance, options) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { catalogue, settings, locale } = options;
  const mailer = createMailer(settings);
  const oidcName = settings.oidc?.name;

  app.get(
    '/login',
    { config: { html: true }, schema: { querystring: LoginQuery } },
    async (request, reply) => {
      const next = safeNextPath(request.query.next, locale);
      if (request.principal.kind === 'user') return reply.redirect(next, 303);
      const view = accountView(request, reply, options);
      const m = view.am.signIn;
      const problem = request.query.oidc;
      const message =
        problem === undefined
          ? undefined
          : { failed: m.oidcFailed, 'email-taken': m.oidcEmailTaken, 'no-email': m.oidcNoEmail }[problem];
      return sendAccountPage(
        reply,
        view,
        <LoginPage
          {...{ view, next: request.query.next ?? '', oidcName, ...(message ? { message } : {}) }}
        />,
      );
    },
  );

  app.post(
    '/login',
    {
      config: { html: true, rateLimit: formRateLimit('login') },
      schema: { querystring: LoginQuery, body: LoginBody },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const nextGiven = request.body.next ?? request.query.next ?? '';
      const result = await signInWithPassword(catalogue.db, email, password);
      const user = result.user;
      if (result.outcome === 'signed-in') {
        await auditAccount(options, request, user, 'account.sign-in', { method: 'password' });
        return startSession(options, request, reply, result.user, safeNextPath(nextGiven, locale));
      }
      await auditAccount(options, request, user, 'account.sign-in-failed', {
        method: 'password',
        reason: result.outcome,
        ...(user === undefined && isEmailAddress(email) ? { email } : {}),
      });
      const view = accountView(request, reply, options);
      const m = view.am.signIn;
      let message = m.failed;
      if (result.outcome === 'locked') message = `${m.failed} ${m.locked}`;
      if (result.outcome === 'unverified') {
        message = m.unverified;
        await sendVerificationMail(options, mailer, result.user, request.log);
      }
      return sendAccountPage(
        reply,
        view,
        <LoginPage {...{ view, next: nextGiven, email, message, oidcName }} />,
        401,
      );
    },
  );
};
