import type { ComponentChildren } from 'preact';
import { Layout } from '../../pages/views/layout.tsx';
import type { PageContext } from '../../pages/page-context.ts';
import type { AccountMessages } from '../account-messages.ts';
import { CSRF_FIELD } from '../csrf.ts';

/**
 * The pieces every account page is made of: the page frame, the CSRF hidden field, a
 * labelled field with its problem, and the notices above a form. Problems are tied to
 * their fields (aria-describedby) and summed up at the top (role="alert").
 */

/** What an account page's view is given. */
export interface AccountView {
  ctx: PageContext;
  am: AccountMessages;
  csrf: string;
}

/** A field name and what is wrong with its value. */
export type Problems = Partial<Record<string, string>>;

export function AccountPage(props: { view: AccountView; title: string; children: ComponentChildren }) {
  const { ctx } = props.view;
  return (
    <Layout ctx={ctx} title={props.title} section="other" crumbs={[{ label: props.title }]} hasJson={false}>
      <div class="account-page">
        <h1>{props.title}</h1>
        {props.children}
      </div>
    </Layout>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

export function Field(props: {
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autocomplete: string;
  value?: string;
  hint?: string;
  problems: Problems;
  required?: boolean;
}) {
  const problem = props.problems[props.name];
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', problem ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="form-field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="form-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {problem ? (
        <p class="form-problem" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        // Preact types <input> as a union keyed on `type`; each of ours takes the same attributes.
        type={props.type as 'text'}
        autocomplete={props.autocomplete}
        value={props.value ?? ''}
        required={props.required ?? true}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

/** A problem with the whole form (wrong password, locked) or a summary of the field problems. */
export function FormNotice({
  am,
  message,
  problems,
}: {
  am: AccountMessages;
  message?: string;
  problems?: Problems;
}) {
  const fields = Object.entries(problems ?? {}).filter(([, p]) => p !== undefined);
  if (!message && fields.length === 0) return null;
  return (
    <div class="form-notice form-notice-error" role="alert">
      {message ? <p>{message}</p> : null}
      {fields.length > 0 ? (
        <>
          <p>{am.field.problems}</p>
          <ul>
            {fields.map(([name, problem]) => (
              <li key={name}>
                <a href={`#field-${name}`}>{problem}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** A page that only says something (e-mail sent, address verified, link expired). */
export function NoticePage(props: {
  view: AccountView;
  title: string;
  message: string;
  link?: { href: string; label: string };
}) {
  return (
    <AccountPage view={props.view} title={props.title}>
      <p class="form-notice" role="status">
        {props.message}
      </p>
      {props.link ? (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      ) : null}
    </AccountPage>
  );
}
