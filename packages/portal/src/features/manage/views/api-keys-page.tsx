import type { ApiKeyRow } from '../../accounts/api-key.repo.ts';
import type { ApiKeyForm, ApiKeyProblem } from '../../accounts/api-key-admin.ts';
import { href, type PageContext } from '../../pages/page-context.ts';
import { Layout } from '../../pages/views/layout.tsx';
import { adminMessages, type AdminMessages } from '../admin-messages.ts';
import { CsrfField } from '../manage-page.tsx';

/** /manage/api-keys: the create form, the list with revoke buttons, and the page that shows a new key once. */

export interface ApiKeysPageData {
  keys: (ApiKeyRow & { organizationName: string | null })[];
  /** Organisations the person may create keys for. */
  organizations: { id: number; nameZh: string; nameEn: string | null }[];
  csrf: string;
  form: ApiKeyForm;
  problems: ApiKeyProblem[];
  notice?: string | undefined;
  now: Date;
}

function time(value: string | null): string {
  return value ? value.replace('T', ' ').slice(0, 16) : '';
}

function problemText(p: ApiKeyProblem, m: AdminMessages['keys']): string {
  switch (p.kind) {
    case 'label':
      return m.labelRequired;
    case 'source':
      return m.badSource(p.detail);
    case 'too-many-sources':
      return m.tooManySources;
    case 'expiry':
      return m.badExpiry;
    case 'owner':
      return m.badOwner;
  }
}

function state(key: ApiKeyRow, now: Date, m: AdminMessages['keys']): string {
  if (key.revokedAt !== null) return m.revokedAt(time(key.revokedAt));
  if (key.expiresAt !== null && Date.parse(key.expiresAt) <= now.getTime()) return m.expired;
  return m.active;
}

function CreateForm({ ctx, data }: { ctx: PageContext; data: ApiKeysPageData }) {
  const m = adminMessages(ctx.locale).keys;
  const invalid = (kind: ApiKeyProblem['kind']) => data.problems.some((p) => p.kind === kind);
  return (
    <section aria-labelledby="create-key">
      <h2 id="create-key">{m.createHeading}</h2>
      {data.problems.length > 0 ? (
        <div class="form-problems" role="alert">
          <p>{m.problems}</p>
          <ul>
            {data.problems.map((p, i) => (
              <li key={i}>{problemText(p, m)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={href(ctx, '/manage/api-keys')} class="stacked-form">
        <CsrfField token={data.csrf} />
        <label for="key-label">{m.label}</label>
        <input
          id="key-label"
          name="label"
          type="text"
          required
          maxLength={100}
          value={data.form.label}
          aria-describedby="key-label-hint"
          aria-invalid={invalid('label') ? 'true' : undefined}
        />
        <span id="key-label-hint" class="help">
          {m.labelHint}
        </span>
        <label for="key-owner">{m.owner}</label>
        <select id="key-owner" name="owner" aria-invalid={invalid('owner') ? 'true' : undefined}>
          <option value="personal">{m.personal}</option>
          {data.organizations.map((o) => (
            <option key={o.id} value={String(o.id)} selected={data.form.owner === String(o.id)}>
              {ctx.locale === 'en' && o.nameEn ? o.nameEn : o.nameZh}
            </option>
          ))}
        </select>
        <label for="key-sources">{m.sources}</label>
        <textarea
          id="key-sources"
          name="sources"
          rows={3}
          aria-describedby="key-sources-hint"
          aria-invalid={invalid('source') || invalid('too-many-sources') ? 'true' : undefined}
        >
          {data.form.sources}
        </textarea>
        <span id="key-sources-hint" class="help">
          {m.sourcesHint}
        </span>
        <label for="key-expires">{m.expires}</label>
        <input
          id="key-expires"
          name="expires"
          type="date"
          value={data.form.expires}
          aria-describedby="key-expires-hint"
          aria-invalid={invalid('expiry') ? 'true' : undefined}
        />
        <span id="key-expires-hint" class="help">
          {m.expiresHint}
        </span>
        <button type="submit" class="button">
          {m.create}
        </button>
      </form>
    </section>
  );
}

function KeyList({ ctx, data }: { ctx: PageContext; data: ApiKeysPageData }) {
  const m = adminMessages(ctx.locale).keys;
  return (
    <section aria-labelledby="key-list">
      <h2 id="key-list">{m.listHeading}</h2>
      {data.keys.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{m.caption(data.keys.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.label}</th>
                <th scope="col">{m.prefix}</th>
                <th scope="col">{m.owner}</th>
                <th scope="col">{m.sources}</th>
                <th scope="col">{m.created}</th>
                <th scope="col">{m.lastUsed}</th>
                <th scope="col">{m.expiresAt}</th>
                <th scope="col">{m.state}</th>
                <th scope="col">{m.revoke}</th>
              </tr>
            </thead>
            <tbody>
              {data.keys.map((k) => (
                <tr key={k.id}>
                  <th scope="row">{k.label}</th>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>
                    {k.organizationId === null
                      ? m.personal
                      : (k.organizationName ?? String(k.organizationId))}
                  </td>
                  <td>{k.allowedSources.join(', ')}</td>
                  <td>{time(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? time(k.lastUsedAt) : m.never}</td>
                  <td>{k.expiresAt ? time(k.expiresAt) : m.noExpiry}</td>
                  <td>{state(k, data.now, m)}</td>
                  <td>
                    {k.revokedAt === null ? (
                      <form method="post" action={href(ctx, `/manage/api-keys/${k.id}/revoke`)}>
                        <CsrfField token={data.csrf} />
                        <button type="submit" class="button" aria-label={m.revokeLabel(k.label)}>
                          {m.revoke}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ApiKeysPage({ ctx, data }: { ctx: PageContext; data: ApiKeysPageData }) {
  const m = adminMessages(ctx.locale).keys;
  return (
    <Layout ctx={ctx} title={m.title} section="other" crumbs={[{ label: m.title }]} hasJson={false}>
      <h1>{m.title}</h1>
      {data.notice ? (
        <p class="notice" role="status">
          {data.notice}
        </p>
      ) : null}
      <p>{m.intro}</p>
      <CreateForm ctx={ctx} data={data} />
      <KeyList ctx={ctx} data={data} />
    </Layout>
  );
}

/** The one time a key is shown: right after it was created, with the warning. */
export function KeyCreatedPage({ ctx, label, secret }: { ctx: PageContext; label: string; secret: string }) {
  const m = adminMessages(ctx.locale).keys;
  return (
    <Layout
      ctx={ctx}
      title={m.createdHeading}
      section="other"
      crumbs={[{ label: m.title, path: '/manage/api-keys' }, { label: m.createdHeading }]}
      hasJson={false}
    >
      <h1>{m.createdHeading}</h1>
      <p class="warning" role="alert">
        <strong>{m.createdWarning}</strong>
      </p>
      <p>
        <label for="new-key">{m.createdFor(label)}</label>
        <input
          id="new-key"
          type="text"
          readOnly
          value={secret}
          class="new-key"
          autoComplete="off"
          spellcheck={false}
        />
      </p>
      <p>
        <a href={href(ctx, '/manage/api-keys')}>{m.back}</a>
      </p>
    </Layout>
  );
}
