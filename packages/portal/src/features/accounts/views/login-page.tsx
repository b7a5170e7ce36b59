import { href } from '../../pages/page-context.ts';
import { AccountPage, CsrfField, Field, FormNotice, type AccountView } from './account-form.tsx';

/** /login: e-mail and password, and the OpenID Connect button when a provider is set up. */
export interface LoginPageProps {
  view: AccountView;
  next: string;
  email?: string;
  /** The problem to show (wrong password, locked, not verified). */
  message?: string;
  /** The configured OpenID Connect provider's name, if any. */
  oidcName?: string | undefined;
}

export function LoginPage({ view, next, email, message, oidcName }: LoginPageProps) {
  const { ctx, am, csrf } = view;
  const m = am.signIn;
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <AccountPage view={view} title={m.title}>
      <FormNotice am={am} {...(message ? { message } : {})} />
      <form method="post" action={href(ctx, `/login${query}`)} class="account-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="next" value={next} />
        <Field
          name="email"
          label={m.email}
          type="email"
          autocomplete="username"
          value={email ?? ''}
          problems={{}}
        />
        <Field
          name="password"
          label={m.password}
          type="password"
          autocomplete="current-password"
          problems={{}}
        />
        <button type="submit">{m.submit}</button>
      </form>
      {oidcName ? (
        <>
          <p class="form-or">{m.or}</p>
          <p>
            <a class="button" href={href(ctx, `/login/oidc${query}`)}>
              {m.oidc(oidcName)}
            </a>
          </p>
        </>
      ) : null}
      <ul class="account-links">
        <li>
          <a href={href(ctx, '/password/forgot')}>{m.forgot}</a>
        </li>
        <li>
          <a href={href(ctx, '/register')}>{m.register}</a>
        </li>
      </ul>
    </AccountPage>
  );
}
