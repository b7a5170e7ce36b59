import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localePath } from '../../i18n/locale.ts';
import { requireSignedIn, type ManageRouteOptions } from '../manage/account-scope.ts';
import { newPasswordProblem } from './account-form-rules.ts';
import { accountView, auditAccount, sendAccountPage } from './account-view.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, deleteSessionsOf } from './session.repo.ts';
import { setSessionCookie, type UserPrincipal } from './session-auth.ts';
import { findUser, updateUser } from './user.repo.ts';
import { AccountOverview } from './views/account-overview.tsx';
import type { Problems } from './views/account-form.tsx';

/**
 * /account: the signed-in person's name, address and roles by organisation, and a form
 * to change the password (the current one is asked again). A change ends every session
 * of the person and starts a new one for this browser: other devices are signed out.
 */

const AccountQuery = z.object({ changed: z.string().optional() });
const ChangePasswordBody = z.object({
  currentPassword: z.string().max(1000).default(''),
  newPassword: z.string().max(1000).default(''),
  username: z.string().optional(),
  _csrf: z.string().optional(),
});

export const accountRoutes: FastifyPluginAsync<ManageRouteOptions> = async (instance, options) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { catalogue, settings, locale } = options;
  const db = catalogue.db;

  async function rolesByOrganization(principal: UserPrincipal) {
    const ids = [...principal.roles.keys()];
    if (ids.length === 0) return [];
    const names = await db
      .selectFrom('organizations')
      .select(['id', 'nameZh', 'nameEn'])
      .where('id', 'in', ids)
      .execute();
    return names
      .map((o) => ({
        organization: (locale === 'en' ? o.nameEn : null) ?? o.nameZh,
        role: principal.roles.get(Number(o.id)) ?? 'member',
      }))
      .sort((a, b) => a.organization.localeCompare(b.organization));
  }

  function signedIn(request: FastifyRequest): UserPrincipal {
    // requireSignedIn ran first: only people with a session get here.
    if (request.principal.kind !== 'user') throw new Error('requireSignedIn did not run');
    return request.principal;
  }

  app.get(
    '/account',
    { config: { html: true }, preHandler: requireSignedIn, schema: { querystring: AccountQuery } },
    async (request, reply) => {
      const principal = signedIn(request);
      const view = accountView(request, reply, options);
      return sendAccountPage(
        reply,
        view,
        <AccountOverview
          {...{
            view,
            displayName: principal.displayName,
            email: principal.email,
            platformAdmin: principal.platformAdmin,
            roles: await rolesByOrganization(principal),
            changed: request.query.changed === '1',
          }}
        />,
      );
    },
  );

  app.post(
    '/account/password',
    { config: { html: true }, preHandler: requireSignedIn, schema: { body: ChangePasswordBody } },
    async (request, reply) => {
      const principal = signedIn(request);
      const view = accountView(request, reply, options);
      const { currentPassword, newPassword } = request.body;
      const user = await findUser(db, { id: principal.userId });
      const right = await verifyPassword(user?.passwordHash ?? null, currentPassword);
      const problems: Problems = {};
      const problem = newPasswordProblem(view.am, newPassword);
      if (problem) problems.newPassword = problem;
      if (!user || !right || problem) {
        return sendAccountPage(
          reply,
          view,
          <AccountOverview
            {...{
              view,
              displayName: principal.displayName,
              email: principal.email,
              platformAdmin: principal.platformAdmin,
              roles: await rolesByOrganization(principal),
              message: right ? undefined : view.am.account.wrongPassword,
              problems,
            }}
          />,
          400,
        );
      }
      await updateUser(db, user.id, { passwordHash: await hashPassword(newPassword) });
      await deleteSessionsOf(db, user.id);
      const { cookieValue } = await createSession(db, user.id, request.ip);
      setSessionCookie(reply, settings.publicUrl, cookieValue);
      await auditAccount(options, request, user, 'account.password-changed');
      return reply.redirect(localePath(locale, '/account?changed=1'), 303);
    },
  );
};
