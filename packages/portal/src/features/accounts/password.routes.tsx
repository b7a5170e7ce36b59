import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoNow } from '../../domain/clock.ts';
import { inTransaction } from '../../db/transaction.ts';
import { localePath } from '../../i18n/locale.ts';
import type { ManageRouteOptions } from '../manage/account-scope.ts';
import { newPasswordProblem } from './account-form-rules.ts';
import { sendResetMail } from './account-mail.ts';
import { consumeAccountToken, peekAccountToken, voidAccountTokens } from './account-token.repo.ts';
import { accountView, auditAccount, isEmailAddress, sendAccountPage } from './account-view.ts';
import { createMailer } from './mailer.ts';
import { hashPassword } from './password.ts';
import { formRateLimit } from './rate-limit.ts';
import { deleteSessionsOf } from './session.repo.ts';
import { clearSessionCookie } from './session-auth.ts';
import { findUser, updateUser } from './user.repo.ts';
import { NoticePage } from './views/account-form.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './views/password-pages.tsx';

/**
 * Forgotten passwords. /password/forgot answers the same whether the address has an
 * account or not; when it has, a 1-hour link is sent. /password/reset?token= sets a new
 * password with that link (once), signs the person out everywhere, voids their other
 * reset links, lifts a lockout and counts as proof of the address.
 */

const ForgotBody = z.object({ email: z.string().max(1000).default(''), _csrf: z.string().optional() });
const ResetQuery = z.object({ token: z.string().max(200).default('') });
const ResetBody = z.object({
  token: z.string().max(200).default(''),
  password: z.string().max(1000).default(''),
  _csrf: z.string().optional(),
});

export const passwordRoutes: FastifyPluginAsync<ManageRouteOptions> = async (instance, options) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { catalogue, settings, locale } = options;
  const mailer = createMailer(settings);

  app.get('/password/forgot', { config: { html: true } }, async (request, reply) => {
    const view = accountView(request, reply, options);
    return sendAccountPage(reply, view, <ForgotPasswordPage {...{ view }} />);
  });

  app.post(
    '/password/forgot',
    { config: { html: true, rateLimit: formRateLimit('forgot-password') }, schema: { body: ForgotBody } },
    async (request, reply) => {
      const view = accountView(request, reply, options);
      const email = request.body.email.trim();
      if (!isEmailAddress(email)) {
        const problems = { email: view.am.field.email };
        return sendAccountPage(reply, view, <ForgotPasswordPage {...{ view, email, problems }} />, 400);
      }
      const user = await findUser(catalogue.db, { email });
      if (user && user.disabledAt === null) {
        await sendResetMail(options, mailer, user, request.log);
        await auditAccount(options, request, user, 'account.password-reset-requested');
      }
      const m = view.am.forgot;
      return sendAccountPage(reply, view, <NoticePage {...{ view, title: m.sentTitle, message: m.sent }} />);
    },
  );

  function badLink(view: ReturnType<typeof accountView>) {
    const m = view.am.register;
    const link = { href: localePath(locale, '/password/forgot'), label: view.am.forgot.title };
    return <NoticePage {...{ view, title: m.badTokenTitle, message: m.badToken, link }} />;
  }

  app.get(
    '/password/reset',
    { config: { html: true }, schema: { querystring: ResetQuery } },
    async (request, reply) => {
      const view = accountView(request, reply, options);
      const { token } = request.query;
      const userId = token ? await peekAccountToken(catalogue.db, token, 'reset-password') : undefined;
      if (userId === undefined) return sendAccountPage(reply, view, badLink(view), 400);
      return sendAccountPage(reply, view, <ResetPasswordPage {...{ view, token }} />);
    },
  );

  app.post(
    '/password/reset',
    { config: { html: true }, schema: { body: ResetBody } },
    async (request, reply) => {
      const view = accountView(request, reply, options);
      const { token, password } = request.body;
      const problem = newPasswordProblem(view.am, password);
      if (problem) {
        if (!token || (await peekAccountToken(catalogue.db, token, 'reset-password')) === undefined)
          return sendAccountPage(reply, view, badLink(view), 400);
        return sendAccountPage(
          reply,
          view,
          <ResetPasswordPage {...{ view, token, problems: { password: problem } }} />,
          400,
        );
      }
      const passwordHash = await hashPassword(password);
      const user = await inTransaction(catalogue.db, async (db) => {
        const userId = token ? await consumeAccountToken(db, token, 'reset-password') : undefined;
        const found = userId === undefined ? undefined : await findUser(db, { id: userId });
        if (!found || found.disabledAt !== null) return undefined;
        await updateUser(db, found.id, {
          passwordHash,
          failedLogins: 0,
          lockedUntil: null,
          ...(found.emailVerifiedAt === null ? { emailVerifiedAt: isoNow() } : {}),
        });
        await deleteSessionsOf(db, found.id);
        await voidAccountTokens(db, found.id, 'reset-password');
        return found;
      });
      if (!user) return sendAccountPage(reply, view, badLink(view), 400);
      await auditAccount(options, request, user, 'account.password-reset');
      clearSessionCookie(reply, settings.publicUrl);
      const m = view.am.reset;
      const link = { href: localePath(locale, '/login'), label: view.am.signIn.title };
      return sendAccountPage(
        reply,
        view,
        <NoticePage {...{ view, title: m.doneTitle, message: m.done, link }} />,
      );
    },
  );
};
