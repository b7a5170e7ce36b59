import { href } from '../../pages/page-context.ts';
import {
  AccountPage,
  CsrfField,
  Field,
  FormNotice,
  type AccountView,
  type Problems,
} from './account-form.tsx';

/** /password/forgot asks for the address; /password/reset?token= sets the new password. */

export function ForgotPasswordPage(props: { view: AccountView; email?: string; problems?: Problems }) {
  const { view } = props;
  const { ctx, am, csrf } = view;
  const problems = props.problems ?? {};
  return (
    <AccountPage view={view} title={am.forgot.title}>
      <p>{am.forgot.intro}</p>
      <FormNotice am={am} problems={problems} />
      <form method="post" action={href(ctx, '/password/forgot')} class="account-form" novalidate>
        <CsrfField token={csrf} />
        <Field
          name="email"
          label={am.forgot.email}
          type="email"
          autocomplete="email"
          value={props.email ?? ''}
          problems={problems}
        />
        <button type="submit">{am.forgot.submit}</button>
      </form>
    </AccountPage>
  );
}

export function ResetPasswordPage(props: { view: AccountView; token: string; problems?: Problems }) {
  const { view } = props;
  const { ctx, am, csrf } = view;
  const problems = props.problems ?? {};
  return (
    <AccountPage view={view} title={am.reset.title}>
      <FormNotice am={am} problems={problems} />
      <form method="post" action={href(ctx, '/password/reset')} class="account-form" novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="token" value={props.token} />
        <Field
          name="password"
          label={am.reset.password}
          type="password"
          autocomplete="new-password"
          hint={am.register.passwordHint}
          problems={problems}
        />
        <button type="submit">{am.reset.submit}</button>
      </form>
    </AccountPage>
  );
}
