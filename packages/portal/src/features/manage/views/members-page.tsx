import type { FieldProblem } from '../../../errors/app-error.ts';
import { ORGANIZATION_ROLES } from '../../accounts/roles.ts';
import { href } from '../../pages/page-context.ts';
import type { ManagedOrganization } from '../manage.repo.ts';
import { CsrfField, ErrorSummary, ManageLayout, Notice, type ManageContext } from './manage-layout.tsx';

/** 成員管理: the members of one organisation, their roles, and the form to add someone. */

export interface MembersPageData {
  organization: ManagedOrganization;
  members: { userId: number; email: string; displayName: string; role: string }[];
  /** Problems of the add form. */
  problems: FieldProblem[];
  email: string;
  role: string;
  notice?: string | undefined;
  /** A change refused for one member (the last administrator). */
  memberProblem?: { userId: number; message: string } | undefined;
}

function RoleSelect({ ctx, id, value }: { ctx: ManageContext; id: string; value: string }) {
  return (
    <select id={id} name="role">
      {ORGANIZATION_ROLES.map((r) => (
        <option key={r} value={r} selected={r === value}>
          {ctx.mm.roles[r]}
        </option>
      ))}
    </select>
  );
}

export function MembersPage({ ctx, data }: { ctx: ManageContext; data: MembersPageData }) {
  const mm = ctx.mm;
  const org = data.organization;
  const name = ctx.locale === 'en' && org.nameEn ? org.nameEn : org.nameZh;
  const title = mm.membersTitle(name);
  const base = `/manage/organizations/${org.id}/members`;
  const emailProblem = data.problems.find((p) => p.field === 'email');
  return (
    <ManageLayout ctx={ctx} title={title} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <Notice text={data.notice} />
      <ErrorSummary
        ctx={ctx}
        problems={data.problems}
        labelOf={() => mm.email}
        shownFields={new Set(['email'])}
      />
      {data.memberProblem ? (
        <p class="error-summary" role="alert">
          {data.memberProblem.message}
        </p>
      ) : null}
      {data.members.length === 0 ? (
        <p>{mm.noMembers}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{mm.displayName}</th>
                <th scope="col">{mm.email}</th>
                <th scope="col">{mm.role}</th>
                <th scope="col">{mm.actions}</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => {
                const roleId = `role-${m.userId}`;
                return (
                  <tr key={m.userId}>
                    <td>{m.displayName}</td>
                    <td>{m.email}</td>
                    <td>
                      <form method="post" action={href(ctx, `${base}/${m.userId}`)} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <label for={roleId} class="visually-hidden">
                          {mm.roleFor(m.displayName)}
                        </label>
                        <RoleSelect ctx={ctx} id={roleId} value={m.role} />{' '}
                        <button type="submit" class="secondary">
                          {mm.changeRole}
                        </button>
                      </form>
                    </td>
                    <td>
                      <form
                        method="post"
                        action={href(ctx, `${base}/${m.userId}/remove`)}
                        class="inline-form"
                      >
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="danger" aria-label={mm.removeMember(m.displayName)}>
                          {mm.remove}
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="add-member">{mm.addMember}</h2>
      <form method="post" action={href(ctx, base)} novalidate aria-labelledby="add-member">
        <CsrfField ctx={ctx} />
        <div class={`form-field${emailProblem ? ' form-field-error' : ''}`}>
          <label for="field-email">{mm.email}</label>
          <p class="field-hint" id="field-email-hint">
            {mm.addMemberHint}
          </p>
          {emailProblem ? (
            <p class="field-error" id="field-email-error">
              <span class="visually-hidden">{mm.liveErrorLabel}</span>
              {emailProblem.message}
            </p>
          ) : null}
          <input
            type="email"
            id="field-email"
            name="email"
            value={data.email}
            autocomplete="off"
            aria-required="true"
            aria-invalid={emailProblem ? 'true' : undefined}
            aria-describedby={`field-email-hint${emailProblem ? ' field-email-error' : ''}`}
          />
        </div>
        <div class="form-field">
          <label for="field-role">{mm.role}</label>
          <RoleSelect ctx={ctx} id="field-role" value={data.role} />
        </div>
        <button type="submit">{mm.addMember}</button>
      </form>
    </ManageLayout>
  );
}
