import { href } from '../../pages/page-context.ts';
import type { ImportMessages } from '../import-messages.ts';
import type { ImportReview, ImportReviewProblem, ImportRowReview } from '../manage-import.service.ts';
import { CsrfField, ManageLayout, Notice, type ManageContext } from './manage-layout.tsx';

/**
 * 批次匯入: the upload form (multipart; the CSRF token is its first field, as the route
 * requires), and after a dry run the file's rows — what each would do — and every
 * problem with its line or record, with the confirmation form when nothing is wrong.
 */

/** Rows listed on the page; a longer file is summarised by its counts. */
export const SHOWN_ROWS = 1000;

export interface ManageImportData {
  organizations: { id: number; name: string }[];
  organizationId: number | undefined;
  /** The size limit in MB, for the hint. */
  maxMb: string;
  notice?: string | undefined;
  /** Why the upload or the confirmation was refused (no file, too large, expired). */
  problem?: string | undefined;
  result?:
    | {
        fileName: string;
        organizationName: string;
        review: ImportReview;
        /** The staged file's id, when it can be confirmed. */
        stagingId: string | undefined;
      }
    | undefined;
}

function place(
  im: ImportMessages,
  where: { line?: number | undefined; record?: number | undefined },
): string {
  if (where.line !== undefined) return im.line(where.line);
  if (where.record !== undefined) return im.record(where.record);
  return '';
}

function Problems({ im, problems }: { im: ImportMessages; problems: ImportReviewProblem[] }) {
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="import-problems-title">
      <h2 id="import-problems-title">{im.problemsTitle(problems.length)}</h2>
      <p>{im.problemsHint}</p>
      <div class="table-scroll">
        <table class="import-problems">
          <thead>
            <tr>
              <th scope="col">{im.place}</th>
              <th scope="col">{im.column}</th>
              <th scope="col">{im.problem}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} data-line={p.line} data-record={p.record}>
                <td>{place(im, p)}</td>
                <td>{p.column ?? ''}</td>
                <td>
                  {p.code === 'other-organization' ? `${im.otherOrganization} (${p.message})` : p.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Rows({ im, rows }: { im: ImportMessages; rows: ImportRowReview[] }) {
  if (rows.length === 0) return <p>{im.noRows}</p>;
  return (
    <div class="table-scroll">
      <table class="import-rows">
        <thead>
          <tr>
            <th scope="col">{im.place}</th>
            <th scope="col">{im.action}</th>
            <th scope="col">{im.identifier}</th>
            <th scope="col">{im.datasetTitle}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN_ROWS).map((r, i) => (
            <tr key={i} data-action={r.action}>
              <td>{place(im, r)}</td>
              <td>{im.actions[r.action]}</td>
              <td lang="en">{r.identifier ?? ''}</td>
              <td>{r.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN_ROWS ? <p>{im.moreRows(rows.length - SHOWN_ROWS)}</p> : null}
    </div>
  );
}

function Result({ ctx, im, data }: { ctx: ManageContext; im: ImportMessages; data: ManageImportData }) {
  const result = data.result;
  if (!result) return null;
  const { review } = result;
  const { create, update, unchanged } = review.counts;
  const writes = create + update;
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{im.resultTitle(result.fileName)}</h2>
      <p>
        {result.organizationName}
        {ctx.m.colon}
        {im.fileFacts(review.format.toUpperCase(), review.encoding)}
      </p>
      <p>{im.counts(create, update, unchanged)}</p>
      {review.problems.length > 0 ? <Problems im={im} problems={review.problems} /> : null}
      <Rows im={im} rows={review.rows} />
      {review.problems.length === 0 && result.stagingId ? (
        writes === 0 ? (
          <p>{im.nothingToDo}</p>
        ) : (
          <form method="post" action={href(ctx, '/manage/import/confirm')} class="import-confirm">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="stagingId" value={result.stagingId} />
            <p class="field-hint">{im.confirmHint}</p>
            <button type="submit">{im.confirm(writes)}</button>
          </form>
        )
      ) : null}
    </section>
  );
}

export function ManageImportPage({
  ctx,
  im,
  data,
}: {
  ctx: ManageContext;
  im: ImportMessages;
  data: ManageImportData;
}) {
  const problemId = 'import-file-error';
  return (
    <ManageLayout ctx={ctx} title={im.title} crumbs={[{ label: im.title }]}>
      <h1>{im.title}</h1>
      <Notice text={data.notice} />
      <p>{im.intro}</p>
      <form
        method="post"
        enctype="multipart/form-data"
        action={href(ctx, '/manage/import')}
        class="import-form"
      >
        {/* The token goes first: the route checks it before it reads the file. */}
        <CsrfField ctx={ctx} />
        <div class="form-field">
          <label for="import-organization">{im.organization}</label>
          <select id="import-organization" name="organization">
            {data.organizations.map((o) => (
              <option key={o.id} value={String(o.id)} selected={o.id === data.organizationId}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div class={`form-field${data.problem ? ' form-field-error' : ''}`}>
          <label for="import-file">{im.file}</label>
          <p class="field-hint" id="import-file-hint">
            {im.fileHint(data.maxMb)}
          </p>
          {data.problem ? (
            <p class="field-error" id={problemId} role="alert">
              <span class="visually-hidden">{ctx.mm.liveErrorLabel}</span>
              {data.problem}
            </p>
          ) : null}
          <input
            type="file"
            id="import-file"
            name="file"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby={`import-file-hint${data.problem ? ` ${problemId}` : ''}`}
            aria-invalid={data.problem ? 'true' : undefined}
          />
        </div>
        <button type="submit">{im.preview}</button>
      </form>
      <Result ctx={ctx} im={im} data={data} />
      <p>
        <a href={href(ctx, '/manage')}>{im.backToManage}</a>
      </p>
    </ManageLayout>
  );
}
