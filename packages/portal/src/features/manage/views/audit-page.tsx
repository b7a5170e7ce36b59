import type { AuditEntrySchema } from '../../accounts/audit.present.ts';
import type { z } from 'zod';
import { href, withQuery, type PageContext } from '../../pages/page-context.ts';
import { Layout } from '../../pages/views/layout.tsx';
import { adminMessages } from '../admin-messages.ts';

/** /manage/audit: the audit log with filters by organisation and action, paged by id. */

export interface AuditPageData {
  rows: z.output<typeof AuditEntrySchema>[];
  organizations: { id: number; nameZh: string; nameEn: string | null }[];
  organization: number | undefined;
  action: string | undefined;
  before: number | undefined;
  nextBefore: number | null;
}

function time(value: string): string {
  return value.replace('T', ' ').slice(0, 19);
}

export function AuditPage({ ctx, data }: { ctx: PageContext; data: AuditPageData }) {
  const m = adminMessages(ctx.locale).audit;
  const names = new Map(
    data.organizations.map((o) => [o.id, ctx.locale === 'en' && o.nameEn ? o.nameEn : o.nameZh]),
  );
  return (
    <Layout ctx={ctx} title={m.title} section="other" crumbs={[{ label: m.title }]} hasJson={false}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <form method="get" action={href(ctx, '/manage/audit')} class="filters" aria-label={m.filters}>
        <label for="audit-organization">{m.organization}</label>
        <select id="audit-organization" name="organization">
          <option value="">{m.allOrganizations}</option>
          {data.organizations.map((o) => (
            <option key={o.id} value={String(o.id)} selected={o.id === data.organization}>
              {names.get(o.id)}
            </option>
          ))}
        </select>
        <label for="audit-action">{m.action}</label>
        <input
          id="audit-action"
          name="action"
          type="text"
          value={data.action ?? ''}
          aria-describedby="audit-action-hint"
          pattern="[a-z][a-z0-9.\-]{0,63}"
        />
        <span id="audit-action-hint" class="help">
          {m.actionHint}
        </span>
        <button type="submit" class="button">
          {m.apply}
        </button>
      </form>
      {data.rows.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="audit">
            <caption>{m.caption(data.rows.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.time}</th>
                <th scope="col">{m.actor}</th>
                <th scope="col">{m.what}</th>
                <th scope="col">{m.target}</th>
                <th scope="col">{m.organization}</th>
                <th scope="col">{m.source}</th>
                <th scope="col">{m.detail}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id} id={`audit-${r.id}`}>
                  <td>
                    <time dateTime={r.occurredAt}>{time(r.occurredAt)}</time>
                  </td>
                  <td>
                    <code>{r.actor.label}</code>
                  </td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.targetType}
                    {r.targetId === null ? null : (
                      <>
                        {' '}
                        <code>{r.targetId}</code>
                      </>
                    )}
                  </td>
                  <td>
                    {r.organizationId === null
                      ? ''
                      : (names.get(r.organizationId) ?? String(r.organizationId))}
                  </td>
                  <td>{r.ip ?? ''}</td>
                  <td>
                    <code class="detail">{JSON.stringify(r.detail)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label={m.title}>
        <ul>
          {data.before !== undefined ? (
            <li>
              <a
                href={href(
                  ctx,
                  withQuery('/manage/audit', { organization: data.organization, action: data.action }),
                )}
              >
                {m.newest}
              </a>
            </li>
          ) : null}
          {data.nextBefore !== null ? (
            <li>
              <a
                href={href(
                  ctx,
                  withQuery('/manage/audit', {
                    organization: data.organization,
                    action: data.action,
                    before: data.nextBefore,
                  }),
                )}
                rel="next"
              >
                {m.older}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
    </Layout>
  );
}
