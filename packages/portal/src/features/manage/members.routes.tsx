import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, type FieldProblem } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/validation.ts';
import { localePath } from '../../i18n/locale.ts';
import { recordAudit, type AuditActor } from '../accounts/audit.repo.ts';
import { authorize } from '../accounts/policy.ts';
import { actorOf } from '../accounts/principal.ts';
import { ORGANIZATION_ROLES, type OrganizationRole } from '../accounts/roles.ts';
import { findUser, listMembers, rolesOf, setMembership } from '../accounts/user.repo.ts';
import { requireSignedIn, type ManageRouteOptions } from './account-scope.ts';
import { manageContext, noticeOf, sendManagePage } from './manage-context.ts';
import { manageMessages } from './manage-messages.ts';
import { organizationById, type ManagedOrganization } from './manage.repo.ts';
import { MembersPage, type MembersPageData } from './views/members-page.tsx';

/**
 * 成員管理 (organisation administrators): the members of an organisation and their
 * roles; add an existing account by e-mail, change a role, remove someone. Every change
 * writes an audit row in the same transaction. An organisation keeps at least one admin.
 */

const Id = z.coerce.number().int().min(1).max(2_147_483_647);
const OrganizationParams = z.object({ organizationId: Id });
const MemberParams = z.object({ organizationId: Id, userId: Id });
const AddBody = z.object({ email: z.string().trim().max(320), role: z.enum(ORGANIZATION_ROLES) });
const RoleBody = z.object({ role: z.enum(ORGANIZATION_ROLES) });

function auditActor(request: FastifyRequest): AuditActor {
  const actor = actorOf(request.principal);
  return { kind: actor.kind, id: actor.id, label: actor.label, ip: request.ip };
}

export const memberRoutes: FastifyPluginAsync<ManageRouteOptions> = async (app, options) => {
  const { catalogue, locale } = options;
  const db = catalogue.db;
  const mm = manageMessages(locale);
  const page = { config: { html: true }, preHandler: requireSignedIn };

  async function administered(request: FastifyRequest, params: unknown): Promise<ManagedOrganization> {
    const { organizationId } = parseOrThrow(OrganizationParams, params, 'path');
    authorize(request.principal, 'organization.members', organizationId);
    const organization = await organizationById(db, organizationId);
    if (!organization) throw new AppError('ORGANIZATION_NOT_FOUND', `No organisation ${organizationId}`);
    return organization;
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    organization: ManagedOrganization,
    extra: Partial<MembersPageData> = {},
    status = 200,
  ): Promise<FastifyReply> {
    const ctx = manageContext(request, reply, options);
    const data: MembersPageData = {
      organization,
      members: await listMembers(db, organization.id),
      problems: [],
      email: '',
      role: 'member',
      ...extra,
    };
    return sendManagePage(reply, ctx, <MembersPage ctx={ctx} data={data} />, status);
  }

  const membersPath = (organizationId: number, notice: string) =>
    localePath(locale, `/manage/organizations/${organizationId}/members?notice=${notice}`);

  /** Whether taking the admin role away from `userId` would leave the organisation without one. */
  async function lastAdmin(organizationId: number, userId: number): Promise<boolean> {
    const members = await listMembers(db, organizationId);
    const admins = members.filter((m) => m.role === 'admin');
    return admins.length === 1 && admins[0]?.userId === userId;
  }

  app.get('/manage/organizations/:organizationId/members', page, async (request, reply) => {
    const organization = await administered(request, request.params);
    return render(request, reply, organization, { notice: noticeOf(request.query, mm.memberNotices) });
  });

  app.post('/manage/organizations/:organizationId/members', page, async (request, reply) => {
    const organization = await administered(request, request.params);
    const body = parseOrThrow(AddBody, request.body, 'form');
    const user = body.email === '' ? undefined : await findUser(db, { email: body.email });
    let problem: FieldProblem | undefined;
    if (!user) problem = { field: 'email', code: 'not_found', message: mm.noSuchUser };
    else if ((await rolesOf(db, user.id)).has(organization.id))
      problem = { field: 'email', code: 'duplicate', message: mm.alreadyMember };
    if (problem || !user)
      return render(request, reply, organization, { problems: problem ? [problem] : [], ...body }, 400);
    await inTransaction(db, async (trx) => {
      await setMembership(trx, user.id, organization.id, body.role);
      await recordAudit(trx, auditActor(request), [
        {
          action: 'organization.member.add',
          targetType: 'user',
          targetId: String(user.id),
          organizationId: organization.id,
          detail: { email: user.email, role: body.role },
        },
      ]);
    });
    return reply.redirect(membersPath(organization.id, 'added'), 303);
  });

  async function change(
    request: FastifyRequest,
    reply: FastifyReply,
    role: OrganizationRole | null,
  ): Promise<FastifyReply> {
    const organization = await administered(request, request.params);
    const { userId } = parseOrThrow(MemberParams, request.params, 'path');
    const before = (await rolesOf(db, userId)).get(organization.id);
    if (!before)
      throw new AppError('NOT_FOUND', `User ${userId} is not a member of organisation ${organization.id}`);
    if (before === 'admin' && role !== 'admin' && (await lastAdmin(organization.id, userId)))
      return render(request, reply, organization, { memberProblem: { userId, message: mm.lastAdmin } }, 400);
    await inTransaction(db, async (trx) => {
      await setMembership(trx, userId, organization.id, role);
      await recordAudit(trx, auditActor(request), [
        {
          action: role === null ? 'organization.member.remove' : 'organization.member.role',
          targetType: 'user',
          targetId: String(userId),
          organizationId: organization.id,
          detail: { from: before, to: role },
        },
      ]);
    });
    return reply.redirect(membersPath(organization.id, role === null ? 'removed' : 'changed'), 303);
  }

  app.post('/manage/organizations/:organizationId/members/:userId', page, async (request, reply) =>
    change(request, reply, parseOrThrow(RoleBody, request.body, 'form').role),
  );

  app.post('/manage/organizations/:organizationId/members/:userId/remove', page, async (request, reply) =>
    change(request, reply, null),
  );
};
