import { canTransition, type DatasetStatus } from '../../../domain/dataset-status.ts';
import { THEMES } from '../../../domain/vocabularies/themes.ts';
import type { FieldProblem } from '../../../errors/app-error.ts';
import { HTML_LANG } from '../../../i18n/locale.ts';
import { statusName, themeName } from '../../../i18n/vocabulary-labels.ts';
import type { DatasetRecord } from '../../datasets/dataset.record.ts';
import { MANAGE_FORM_SCRIPT_HREF } from '../../pages/page-assets.ts';
import { href } from '../../pages/page-context.ts';
import { Badge } from '../../pages/views/common.tsx';
import { problemLabel } from '../dataset-form-check.ts';
import {
  DATASET_FIELD_GROUPS,
  RESOURCE_FIELDS,
  type FieldLevel,
  type FormField,
} from '../dataset-form-fields.ts';
import {
  fieldId,
  list,
  resourceFieldName,
  resourceRowCount,
  text,
  type FormValues,
} from '../dataset-form.ts';
import { datasetQualityMessages } from '../dataset-quality-messages.ts';
import { CsrfField, ErrorSummary, ManageLayout, Notice, type ManageContext } from './manage-layout.tsx';
import { ResourceUpload, UploadForms } from './resource-upload-form.tsx';

/**
 * 新增/編輯資料集: every field of the national standard in five groups, resources as
 * repeatable fieldsets (rows are added and removed by submit buttons, so no script is
 * needed), problems next to their fields and summarised at the top. The live-validation
 * script (assets/manage-form.js) posts the same form as JSON while the person types and
 * shows the answers in the same places.
 */

export interface DatasetFormData {
  values: FormValues;
  problems: FieldProblem[];
  /** The stored dataset when editing. */
  dataset?: DatasetRecord | undefined;
  notice?: string | undefined;
  /** The status form's problem (預計下架日期). */
  statusProblem?: FieldProblem | undefined;
  /** Why the file sent by a resource's upload form was refused. */
  uploadProblem?: { resourceID: string; message: string } | undefined;
}

function levelOf(field: FormField): FieldLevel | 'required' {
  return field.enforced ? 'required' : field.level;
}

function FieldLabel({ ctx, field, id }: { ctx: ManageContext; field: FormField; id: string }) {
  const level = levelOf(field);
  return (
    <label for={id}>
      {ctx.locale === 'en' ? (
        <>
          {field.en} <span lang={HTML_LANG['zh-TW']}>{field.zh}</span>
        </>
      ) : (
        field.zh
      )}{' '}
      <span class="field-name" lang="en">
        {field.name}
      </span>{' '}
      <span class={`level level-${level}`}>{ctx.mm.levels[level]}</span>
    </label>
  );
}

function Control({
  ctx,
  field,
  name,
  value,
  describedBy,
  invalid,
}: {
  ctx: ManageContext;
  field: FormField;
  name: string;
  value: string;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  const id = fieldId(name);
  const common = {
    id,
    name,
    'aria-describedby': describedBy,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-required': field.enforced ? ('true' as const) : undefined,
  };
  if (field.kind === 'textarea') return <textarea {...common} rows={4} value={value} />;
  if (field.kind === 'select') {
    const options = field.options?.(ctx.locale) ?? [];
    const known = value === '' || options.some((o) => o.value === value);
    return (
      <select {...common}>
        <option value="">{ctx.mm.choose}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
        {known ? null : (
          <option value={value} selected>
            {ctx.mm.frequencyOther(value)}
          </option>
        )}
      </select>
    );
  }
  if (field.kind === 'url') return <input {...common} type="url" value={value} />;
  if (field.kind === 'email') return <input {...common} type="email" value={value} />;
  if (field.kind === 'tel') return <input {...common} type="tel" value={value} />;
  if (field.kind === 'number') return <input {...common} type="text" inputMode="numeric" value={value} />;
  return <input {...common} type="text" value={value} />;
}

function Field({
  ctx,
  field,
  name,
  values,
  problems,
  readOnly,
}: {
  ctx: ManageContext;
  field: FormField;
  name: string;
  values: FormValues;
  problems: FieldProblem[];
  readOnly?: boolean;
}) {
  const id = fieldId(name);
  const problem = problems.find((p) => p.field === name);
  const hint = field.hint ? ctx.mm[field.hint] : undefined;
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  const value = text(values, name);
  return (
    <div class={`form-field${problem ? ' form-field-error' : ''}`} data-field={name}>
      <FieldLabel ctx={ctx} field={field} id={id} />
      {hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{ctx.mm.liveErrorLabel}</span>
          {problem.message}
        </p>
      ) : null}
      {readOnly ? (
        <input
          id={id}
          name={name}
          type="text"
          value={value}
          readOnly
          aria-describedby={describedBy || undefined}
        />
      ) : (
        <Control
          ctx={ctx}
          field={field}
          name={name}
          value={value}
          describedBy={describedBy || undefined}
          invalid={problem !== undefined}
        />
      )}
    </div>
  );
}

function Themes({ ctx, values }: { ctx: ManageContext; values: FormValues }) {
  const chosen = list(values, 'themes');
  const top = new Set(THEMES.map((t) => t.code));
  return (
    <fieldset class="form-field themes" data-field="themes">
      <legend>
        {ctx.mm.themes}{' '}
        <span class="field-name" lang="en">
          themes
        </span>{' '}
        <span class="level level-optional">{ctx.mm.levels.optional}</span>
      </legend>
      <ul class="checkboxes">
        {THEMES.map((t) => (
          <li key={t.code}>
            <input
              type="checkbox"
              id={`field-themes-${t.code}`}
              name="themes"
              value={t.code}
              checked={chosen.includes(t.code)}
            />{' '}
            <label for={`field-themes-${t.code}`}>{themeName(t.code, ctx.locale)}</label>
          </li>
        ))}
      </ul>
      {chosen
        .filter((c) => !top.has(c))
        .map((c) => (
          <input key={c} type="hidden" name="themes" value={c} />
        ))}
    </fieldset>
  );
}

function Resource({
  ctx,
  row,
  values,
  problems,
  datasetId,
  uploadProblem,
}: {
  ctx: ManageContext;
  row: number;
  values: FormValues;
  problems: FieldProblem[];
  datasetId: number | undefined;
  uploadProblem: DatasetFormData['uploadProblem'];
}) {
  const resourceID = text(values, resourceFieldName(row, 'resourceID'));
  const idProblem = problems.find((p) => p.field === resourceFieldName(row, 'resourceID'));
  return (
    <fieldset class="resource" id={`resource-${row}`} data-row={row}>
      <legend>
        {ctx.mm.resource(row + 1)}{' '}
        <span class="muted" lang="en">
          {resourceID || ctx.mm.newResource}
        </span>
      </legend>
      <input type="hidden" name={resourceFieldName(row, 'resourceID')} value={resourceID} />
      {idProblem ? <p class="field-error">{idProblem.message}</p> : null}
      {RESOURCE_FIELDS.map((f) => (
        <Field
          key={f.name}
          ctx={ctx}
          field={f}
          name={resourceFieldName(row, f.name)}
          values={values}
          problems={problems}
        />
      ))}
      <ResourceUpload
        ctx={ctx}
        row={row}
        resourceID={resourceID}
        datasetId={datasetId}
        problem={
          uploadProblem?.resourceID === resourceID && resourceID !== '' ? uploadProblem.message : undefined
        }
      />
      <button type="submit" name="action" value={`remove-resource-${row}`} class="secondary">
        {ctx.mm.removeResource(row + 1)}
      </button>
    </fieldset>
  );
}

const GROUP_IDS = {
  basic: 'group-basic',
  organization: 'group-organization',
  licence: 'group-licence',
  time: 'group-time',
};

function shownFieldsOf(values: FormValues): Set<string> {
  const shown = new Set<string>(DATASET_FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.name)));
  for (let row = 0; row < resourceRowCount(values); row++)
    for (const f of RESOURCE_FIELDS) shown.add(resourceFieldName(row, f.name));
  return shown;
}

function StatusActions({ ctx, data }: { ctx: ManageContext; data: DatasetFormData }) {
  const d = data.dataset;
  if (!d) return null;
  const mm = ctx.mm;
  const status = d.status as DatasetStatus;
  const action = href(ctx, `/manage/datasets/${d.datasetId}/status`);
  const problem = data.statusProblem;
  const button = (to: DatasetStatus, label: string) =>
    canTransition(status, to) && status !== to ? (
      <form method="post" action={action} class="inline-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="status" value={to} />
        <button type="submit" class={to === 'delisted' ? 'danger' : undefined}>
          {label}
        </button>
      </form>
    ) : null;
  const canSchedule = canTransition(status, 'delisting_scheduled') && status !== 'delisting_scheduled';
  const dateId = 'field-delistingDate';
  const describedBy = `${dateId}-hint${problem ? ` ${dateId}-error` : ''}`;
  return (
    <section aria-labelledby="status-actions">
      <h2 id="status-actions">{mm.statusActions}</h2>
      <p>
        {mm.currentStatus}
        {ctx.m.colon}
        <strong>{statusName(d.status, ctx.locale)}</strong>
        {d.delistingDate ? ` (${mm.delistingDate}${ctx.m.colon}${d.delistingDate})` : ''}
      </p>
      <div class="status-actions">
        {button(
          'published',
          status === 'draft'
            ? mm.publish
            : status === 'delisting_scheduled'
              ? mm.cancelDelisting
              : mm.republish,
        )}
        {button('historical', mm.markHistorical)}
        {button('delisted', mm.delist)}
      </div>
      {canSchedule ? (
        <form method="post" action={action} class="schedule-form" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="status" value="delisting_scheduled" />
          <div class={`form-field${problem ? ' form-field-error' : ''}`}>
            <label for={dateId}>{mm.delistingDate}</label>
            <p class="field-hint" id={`${dateId}-hint`}>
              {mm.delistingHint}
            </p>
            {problem ? (
              <p class="field-error" id={`${dateId}-error`}>
                <span class="visually-hidden">{mm.liveErrorLabel}</span>
                {problem.message}
              </p>
            ) : null}
            <input
              type="date"
              id={dateId}
              name="delistingDate"
              aria-describedby={describedBy}
              aria-invalid={problem ? 'true' : undefined}
            />
          </div>
          <button type="submit">{mm.scheduleDelisting}</button>
        </form>
      ) : null}
      {status === 'delisted' ? <p>{mm.noStatusActions}</p> : null}
    </section>
  );
}

export function DatasetFormPage({ ctx, data }: { ctx: ManageContext; data: DatasetFormData }) {
  const { values, problems, dataset } = data;
  const mm = ctx.mm;
  const title = dataset ? mm.editTitle(dataset.title) : mm.newTitle;
  const action = href(ctx, dataset ? `/manage/datasets/${dataset.datasetId}/edit` : '/manage/datasets/new');
  const rows = resourceRowCount(values);
  const english = ctx.locale === 'en';
  const uploadRow = Array.from({ length: rows }, (_, row) => row).find(
    (row) => text(values, resourceFieldName(row, 'resourceID')) === data.uploadProblem?.resourceID,
  );
  return (
    <ManageLayout ctx={ctx} title={title} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <Notice text={data.notice} />
      {data.uploadProblem ? (
        <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="upload-error-title">
          <h2 id="upload-error-title">{mm.errorSummary(1)}</h2>
          <p>
            <a href={`#upload-${uploadRow ?? 0}`}>{mm.fileUpload}</a>{' '}
            <span lang="en">{data.uploadProblem.resourceID}</span>
            {ctx.m.colon}
            {data.uploadProblem.message}
          </p>
        </div>
      ) : null}
      <ErrorSummary
        ctx={ctx}
        problems={problems}
        labelOf={(field) => problemLabel(field, mm, english)}
        shownFields={shownFieldsOf(values)}
      />
      {dataset ? (
        <p>
          <Badge ctx={ctx} badge={dataset.qualityBadge} />{' '}
          {dataset.status !== 'draft' ? (
            <a href={href(ctx, `/dataset/${dataset.datasetId}`)}>{mm.publicPage}</a>
          ) : null}{' '}
          <a href={href(ctx, `/manage/datasets/${dataset.datasetId}/versions`)}>{mm.versions}</a>{' '}
          <a href={href(ctx, `/manage/datasets/${dataset.datasetId}/quality`)}>
            {datasetQualityMessages(ctx.locale).link}
          </a>
        </p>
      ) : null}
      <p>{mm.formIntro}</p>
      <form
        method="post"
        action={action}
        class="dataset-form"
        novalidate
        data-validate-url={href(ctx, '/manage/datasets/validate')}
      >
        {/* Enter in a field saves: the first submit button of a form is its default. */}
        <button type="submit" name="action" value="save" hidden>
          {mm.save}
        </button>
        <CsrfField ctx={ctx} />
        {dataset ? <input type="hidden" name="datasetId" value={String(dataset.datasetId)} /> : null}
        {DATASET_FIELD_GROUPS.map((g) => (
          <fieldset key={g.group} class="field-group" id={GROUP_IDS[g.group]}>
            <legend>{mm.groups[g.group]}</legend>
            {g.fields.map((f) => (
              <Field
                key={f.name}
                ctx={ctx}
                field={f}
                name={f.name}
                values={values}
                problems={problems}
                readOnly={f.name === 'identifier' && dataset !== undefined}
              />
            ))}
            {g.group === 'basic' ? <Themes ctx={ctx} values={values} /> : null}
          </fieldset>
        ))}
        <fieldset class="field-group" id="group-resources">
          <legend>{mm.groups.resources}</legend>
          {rows === 0 ? <p>{mm.noResources}</p> : null}
          {Array.from({ length: rows }, (_, row) => (
            <Resource
              key={row}
              ctx={ctx}
              row={row}
              values={values}
              problems={problems}
              datasetId={dataset?.datasetId}
              uploadProblem={data.uploadProblem}
            />
          ))}
          <button type="submit" name="action" value="add-resource" class="secondary">
            {mm.addResource}
          </button>
        </fieldset>
        <p class="form-actions">
          <button type="submit" name="action" value="save">
            {dataset ? mm.save : mm.saveDraft}
          </button>
        </p>
      </form>
      {dataset ? <UploadForms ctx={ctx} values={values} datasetId={dataset.datasetId} /> : null}
      <StatusActions ctx={ctx} data={data} />
      <script
        defer
        src={MANAGE_FORM_SCRIPT_HREF}
        data-error-label={mm.liveErrorLabel}
        data-uploading={mm.uploading}
        data-uploaded={mm.uploaded}
        data-upload-failed={mm.uploadFailed}
      />
    </ManageLayout>
  );
}
