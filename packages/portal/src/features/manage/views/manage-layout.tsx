import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../../../errors/app-error.ts';
import type { Crumb } from '../../pages/views/breadcrumb.tsx';
import { Layout } from '../../pages/views/layout.tsx';
import type { PageContext } from '../../pages/page-context.ts';
import { fieldId } from '../dataset-form.ts';
import type { ManageMessages } from '../manage-messages.ts';

/** The frame of every back-office page: the site's layout under 後台管理, without a `.json` twin. */

export interface ManageContext extends PageContext {
  mm: ManageMessages;
  csrfToken: string;
}

export function ManageLayout({
  ctx,
  title,
  crumbs,
  children,
}: {
  ctx: ManageContext;
  title: string;
  /** The trail below 後台管理 (empty on /manage itself). */
  crumbs: Crumb[];
  children: ComponentChildren;
}) {
  const trail: Crumb[] =
    crumbs.length === 0 ? [{ label: ctx.mm.title }] : [{ label: ctx.mm.title, path: '/manage' }, ...crumbs];
  return (
    <Layout ctx={ctx} title={title} section="other" crumbs={trail} hasJson={false}>
      {children}
    </Layout>
  );
}

export function CsrfField({ ctx }: { ctx: ManageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** A confirmation after a redirect (303 → ?notice=…). */
export function Notice({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="notice notice-success" role="status">
      {text}
    </p>
  );
}

/**
 * The error summary at the top of a form that came back with problems: focusable, announced,
 * each problem a link to its field (problems of fields the form does not show are listed plain).
 */
export function ErrorSummary({
  ctx,
  problems,
  labelOf,
  shownFields,
}: {
  ctx: ManageContext;
  problems: FieldProblem[];
  labelOf: (field: string) => string;
  shownFields: ReadonlySet<string>;
}) {
  if (problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{ctx.mm.errorSummary(problems.length)}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i} data-field={p.field}>
            {shownFields.has(p.field) ? (
              <a href={`#${fieldId(p.field)}`}>
                {labelOf(p.field)}
                {ctx.m.colon}
                {p.message}
              </a>
            ) : (
              <>
                {p.field ? `${labelOf(p.field)}${ctx.m.colon}` : ''}
                {p.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
