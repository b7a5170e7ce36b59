import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoNow } from '../../domain/clock.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { localePath } from '../../i18n/locale.ts';
import type { ManageRouteOptions } from '../manage/account-scope.ts';
import { registrationProblems } from './account-form-rules.ts';
import { sendAlreadyRegisteredMail, sendVerificationMail } from './account-mail.ts';
import { consumeAccountToken } from './account-token.repo.ts';
import { accountView, auditAccount, sendAccountPage } from './account-view.ts';
import { createMailer } from './mailer.ts';
import { hashPassword } from './password.ts';
import { formRateLimit } from './rate-limit.ts';
import { createUser, findUser, normalizeEmail, updateUser } from './user.repo.ts';
import { NoticePage } from './views/account-form.tsx';
import { RegisterPage } from './views/register-page.tsx';

/**
 * Registration of a citizen account, and the address verification its e-mail links to.
 * The answer to a registration is the same whether the address is new or not (its
 * owner gets an e-mail saying they already have an account), and the password is
 * hashed either way, so the page and its timing do not tell. An account cannot sign in
 * until its address is verified (docs/accounts.md#signing-in).
 */

const RegisterBody = z.object({
  displayName: z.string().max(1000).default(''),
  email: z.string().max(1000).default(''),
  password: z.string().max(1000).default(''),
  _csrf: z.string().optional(),
});
const TokenQuery = z.object({ token: z.string().max(200).default('') });

/** A new unverified citizen account, or undefined when the address has one (also when another request just made it). */
async function createCitizen(db: Kysely<Database>, email: string, displayName: string, passwordHash: string) {
  if (await findUser(db, { email })) return undefined;
  try {
    return { id: await createUser(db, { email, displayName, passwordHash }), email, displayName };
  } catch (error) {
    if (await findUser(db, { email })) return undefined;
    throw error;
  }
}

export const registerRoutes: FastifyPluginAsync<ManageRouteOptions> = async (instance, options) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { catalogue, settings, locale } = options;
  const mailer = createMailer(settings);

  app.get('/register', { config: { html: true } }, async (request, reply) => {
    if (request.principal.kind === 'user') return reply.redirect(localePath(locale, '/account'), 303);
    const view = accountView(request, reply, options);
    return sendAccountPage(reply, view, <RegisterPage {...{ view }} />);
  });

  app.post(
    '/register',
    { config: { html: true, rateLimit: formRateLimit('register') }, schema: { body: RegisterBody } },
    async (request, reply) => {
      const view = accountView(request, reply, options);
      const { displayName, email, password } = request.body;
      const problems = registrationProblems(view.am, request.body);
      if (Object.keys(problems).length > 0)
        return sendAccountPage(
          reply,
          view,
          <RegisterPage {...{ view, displayName, email, problems }} />,
          400,
        );
      const passwordHash = await hashPassword(password);
      const address = normalizeEmail(email);
      const created = await createCitizen(catalogue.db, address, displayName.trim(), passwordHash);
      if (created) {
        await auditAccount(options, request, created, 'account.registered', { method: 'password' });
        await sendVerificationMail(options, mailer, created, request.log);
      } else {
        const existing = await findUser(catalogue.db, { email: address });
        if (existing) await sendAlreadyRegisteredMail(options, mailer, existing, request.log);
      }
      const m = view.am.register;
      return sendAccountPage(
        reply,
        view,
        <NoticePage {...{ view, title: m.sentTitle, message: m.sent(address) }} />,
      );
    },
  );

  app.get(
    '/verify-email',
    { config: { html: true }, schema: { querystring: TokenQuery } },
    async (request, reply) => {
      const view = accountView(request, reply, options);
      const m = view.am.register;
      const userId = request.query.token
        ? await consumeAccountToken(catalogue.db, request.query.token, 'verify-email')
        : undefined;
      const user = userId === undefined ? undefined : await findUser(catalogue.db, { id: userId });
      if (!user) {
        const link = { href: localePath(locale, '/login'), label: view.am.signIn.title };
        return sendAccountPage(
          reply,
          view,
          <NoticePage {...{ view, title: m.badTokenTitle, message: m.badToken, link }} />,
          400,
        );
      }
      if (user.emailVerifiedAt === null) {
        await updateUser(catalogue.db, user.id, { emailVerifiedAt: isoNow() });
        await auditAccount(options, request, user, 'account.email-verified');
      }
      const link = { href: localePath(locale, '/login'), label: view.am.signIn.title };
      return sendAccountPage(
        reply,
        view,
        <NoticePage {...{ view, title: m.verifiedTitle, message: m.verified, link }} />,
      );
    },
  );
};
