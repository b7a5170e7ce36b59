import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiKeyFormSchema,
  createKeyAudited,
  keyOrganizations,
  listedKeyOrganizations,
  readKeyForm,
  revokeKeyAudited,
  type ApiKeyForm,
  type ApiKeyProblem,
} from '../accounts/api-key-admin.ts';
import { listManageableKeys } from '../accounts/api-key-list.repo.ts';
import { organizationNames } from '../accounts/audit-search.repo.ts';
import { csrfToken } from '../accounts/csrf.ts';
import { actorOf } from '../accounts/principal.ts';
import { signedInUser, type UserPrincipal } from '../accounts/session-auth.ts';
import { AppError } from '../../errors/app-error.ts';
import { href } from '../pages/page-context.ts';
import { sendPage } from '../pages/page-response.ts';
import { requireSignedIn, type ManageRouteOptions } from './account-scope.ts';
import { adminMessages } from './admin-messages.ts';
import { managePageContext } from './manage-page.tsx';
import { ApiKeysPage, KeyCreatedPage } from './views/api-keys-page.tsx';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * /manage/api-keys (API 金鑰): create a key (shown once, on the answer to the form, and
 * never again: only its hash is kept), list the keys one manages, revoke them. Every
 * form is CSRF-checked by the account scope; creating and revoking are audited.
 */

const EMPTY_FORM: ApiKeyForm = { label: '', owner: 'personal', sources: '', expires: '' };
const KeyParamsSchema = z.object({ keyId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const ListQuerySchema = z.object({ revoked: z.coerce.number().int().min(1).optional() });

function userOf(request: FastifyRequest): UserPrincipal {
  const user = signedInUser(request);
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in first');
  return user;
}

function auditActor(request: FastifyRequest, user: UserPrincipal) {
  const actor = actorOf(user);
  return { kind: actor.kind, id: actor.id, label: actor.label, ip: request.ip };
}

export const manageApiKeyRoutes: FastifyPluginAsyncZod<ManageRouteOptions> = async (app, options) => {
  const { catalogue, settings, locale } = options;
  const m = adminMessages(locale).keys;

  async function renderList(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { form?: ApiKeyForm; problems?: ApiKeyProblem[]; notice?: string | undefined; status?: number },
  ) {
    const user = userOf(request);
    const [keys, organizations] = await Promise.all([
      listManageableKeys(catalogue.db, {
        userId: user.userId,
        organizationIds: listedKeyOrganizations(user),
      }),
      organizationNames(catalogue.db, keyOrganizations(user)),
    ]);
    const ctx = managePageContext(request, options);
    return sendPage(
      reply.code(extra.status ?? 200),
      ctx,
      <ApiKeysPage
        ctx={ctx}
        data={{
          keys,
          organizations,
          csrf: csrfToken(request, reply, settings.publicUrl),
          form: extra.form ?? EMPTY_FORM,
          problems: extra.problems ?? [],
          notice: extra.notice,
          now: new Date(),
        }}
      />,
    );
  }

  app.get(
    '/manage/api-keys',
    { config: { html: true }, preHandler: requireSignedIn, schema: { querystring: ListQuerySchema } },
    async (request, reply) => {
      const revokedId = request.query.revoked;
      let notice: string | undefined;
      if (revokedId !== undefined) {
        const user = userOf(request);
        const keys = await listManageableKeys(catalogue.db, {
          userId: user.userId,
          organizationIds: listedKeyOrganizations(user),
        });
        const key = keys.find((k) => k.id === revokedId && k.revokedAt !== null);
        if (key) notice = m.revoked(key.label);
      }
      return renderList(request, reply, { notice });
    },
  );

  app.post(
    '/manage/api-keys',
    { config: { html: true }, preHandler: requireSignedIn, schema: { body: ApiKeyFormSchema } },
    async (request, reply) => {
      const user = userOf(request);
      const read = readKeyForm(request.body, user);
      if (!read.ok)
        return renderList(request, reply, { form: request.body, problems: read.problems, status: 400 });
      const { key, row } = await createKeyAudited(catalogue.db, user, auditActor(request, user), read.value);
      const ctx = managePageContext(request, options);
      return sendPage(reply.code(201), ctx, <KeyCreatedPage ctx={ctx} label={row.label} secret={key} />);
    },
  );

  app.post(
    '/manage/api-keys/:keyId/revoke',
    { config: { html: true }, preHandler: requireSignedIn, schema: { params: KeyParamsSchema } },
    async (request, reply) => {
      const user = userOf(request);
      const key = await revokeKeyAudited(catalogue.db, user, auditActor(request, user), request.params.keyId);
      const ctx = managePageContext(request, options);
      return reply.redirect(href(ctx, `/manage/api-keys?revoked=${key.id}`), 303);
    },
  );
};
