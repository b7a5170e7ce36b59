import { href } from '../../pages/page-context.ts';
import {
  AccountPage,
  CsrfField,
  Field,
  FormNotice,
  type AccountView,
  type Problems,
} from './account-form.tsx';

/** /register: a registered citizen's account (display name, e-mail, password). */
export function RegisterPage(props: {
  view: AccountView;
  displayName?: string;
  email?: string;
  problems?: Problems;
}) {
  const { view } = props;
  const { ctx, am, csrf } = view;
  const m = am.register;
  const problems = props.problems ?? {};
  return (
    <AccountPage view={view} title={m.title}>
      <p>{m.intro}</p>
      <FormNotice am={am} problems={problems} />
      <form method="post" action={href(ctx, '/register')} class="account-form" novalidate>
        <CsrfField token={csrf} />
        <Field
          name="displayName"
          label={m.displayName}
          type="text"
          autocomplete="name"
          value={props.displayName ?? ''}
          problems={problems}
        />
        <Field
          name="email"
          label={m.email}
          type="email"
          autocomplete="email"
          value={props.email ?? ''}
          problems={problems}
        />
        <Field
          name="password"
          label={m.password}
          type="password"
          autocomplete="new-password"
          hint={m.passwordHint}
          problems={problems}
        />
        <button type="submit">{m.submit}</button>
      </form>
      <p>
        <a href={href(ctx, '/login')}>{am.signIn.title}</a>
      </p>
    </AccountPage>
  );
}
