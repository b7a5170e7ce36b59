import { href } from '../../pages/page-context.ts';
import {
  AccountPage,
  CsrfField,
  Field,
  FormNotice,
  type AccountView,
  type Problems,
} from './account-form.tsx';

/** /account: who is signed in, their roles by organisation, and the change-password form. */

export interface AccountOverviewProps {
  view: AccountView;
  displayName: string;
  email: string;
  platformAdmin: boolean;
  roles: { organization: string; role: string }[];
  message?: string | undefined;
  changed?: boolean;
  problems?: Problems;
}

export function AccountOverview(props: AccountOverviewProps) {
  const { view } = props;
  const { ctx, am, csrf } = view;
  const m = am.account;
  return (
    <AccountPage view={view} title={m.title}>
      {props.changed ? (
        <p class="form-notice" role="status">
          {m.changed}
        </p>
      ) : null}
      <dl class="account-facts">
        <dt>{m.name}</dt>
        <dd>{props.displayName}</dd>
        <dt>{m.email}</dt>
        <dd>{props.email}</dd>
        {props.platformAdmin ? (
          <>
            <dt>{m.platformAdmin}</dt>
            <dd>✓</dd>
          </>
        ) : null}
      </dl>
      <h2>{m.roles}</h2>
      {props.roles.length === 0 ? (
        <p>{m.noRoles}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{m.organization}</th>
              <th scope="col">{m.role}</th>
            </tr>
          </thead>
          <tbody>
            {props.roles.map((r) => (
              <tr key={r.organization}>
                <td>{r.organization}</td>
                <td>{m.roleNames[r.role] ?? r.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="change-password">{m.changePassword}</h2>
      <FormNotice
        am={am}
        {...(props.message ? { message: props.message } : {})}
        problems={props.problems ?? {}}
      />
      <form method="post" action={href(ctx, '/account/password')} class="account-form" novalidate>
        <CsrfField token={csrf} />
        <input type="text" name="username" autocomplete="username" value={props.email} hidden readonly />
        <Field
          name="currentPassword"
          label={m.currentPassword}
          type="password"
          autocomplete="current-password"
          problems={props.problems ?? {}}
        />
        <Field
          name="newPassword"
          label={m.newPassword}
          type="password"
          autocomplete="new-password"
          hint={am.register.passwordHint}
          problems={props.problems ?? {}}
        />
        <button type="submit">{m.submit}</button>
      </form>
      <form method="post" action={href(ctx, '/logout')} class="account-form">
        <CsrfField token={csrf} />
        <button type="submit">{m.signOut}</button>
      </form>
    </AccountPage>
  );
}
