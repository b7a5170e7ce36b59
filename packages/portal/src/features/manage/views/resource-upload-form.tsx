import { href } from '../../pages/page-context.ts';
import { fieldId, resourceFieldName, resourceRowCount, text, type FormValues } from '../dataset-form.ts';
import type { ManageContext } from './manage-layout.tsx';

/** The upload controls of the dataset form's resources, and the forms they belong to. */

/** The form of a resource's upload (`form` attributes tie its controls, which sit in the resource, to it). */
const uploadFormId = (row: number) => `upload-form-${row}`;

/**
 * The file of a saved resource: a form of its own (multipart, the CSRF token before the
 * file) posted to …/resources/{resourceID}/file, which answers with the edit page; its
 * controls sit here and name their form, since a form cannot hold another. The script
 * uploads the chosen file at once instead, with a progress bar, and puts the platform's
 * download URL in the field. A resource not saved yet has to be saved first.
 */
export function ResourceUpload({
  ctx,
  row,
  resourceID,
  datasetId,
  problem,
}: {
  ctx: ManageContext;
  row: number;
  resourceID: string;
  datasetId: number | undefined;
  problem: string | undefined;
}) {
  if (datasetId === undefined || resourceID === '') return <p class="field-hint">{ctx.mm.uploadSaveFirst}</p>;
  const id = `upload-${row}`;
  const form = uploadFormId(row);
  const describedBy = `${id}-hint${problem ? ` ${id}-error` : ''} ${id}-status`;
  return (
    <div
      class={`form-field resource-upload${problem ? ' form-field-error' : ''}`}
      data-upload-url={href(
        ctx,
        `/manage/datasets/${datasetId}/resources/${encodeURIComponent(resourceID)}/file`,
      )}
      data-target={fieldId(resourceFieldName(row, 'downloadURL'))}
      data-form={form}
    >
      <label for={id}>{ctx.mm.fileUpload}</label>
      <p class="field-hint" id={`${id}-hint`}>
        {ctx.mm.fileUploadHint}
      </p>
      {problem ? (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{ctx.mm.liveErrorLabel}</span>
          {problem}
        </p>
      ) : null}
      <input type="hidden" name="_csrf" value={ctx.csrfToken} form={form} />
      <input
        type="file"
        id={id}
        name="file"
        form={form}
        aria-describedby={describedBy}
        aria-invalid={problem ? 'true' : undefined}
      />{' '}
      <button type="submit" form={form} class="secondary upload-submit">
        {ctx.mm.uploadButton}
      </button>
      <progress class="upload-progress" max={100} value={0} hidden aria-label={ctx.mm.uploadProgress} />
      <p class="upload-status" id={`${id}-status`} role="status" />
    </div>
  );
}

/** The resources' upload forms, after the dataset form (their controls are in the resources). */
export function UploadForms({
  ctx,
  values,
  datasetId,
}: {
  ctx: ManageContext;
  values: FormValues;
  datasetId: number;
}) {
  const rows = Array.from({ length: resourceRowCount(values) }, (_, row) => row).filter(
    (row) => text(values, resourceFieldName(row, 'resourceID')) !== '',
  );
  return (
    <>
      {rows.map((row) => (
        <form
          key={row}
          id={uploadFormId(row)}
          method="post"
          enctype="multipart/form-data"
          class="upload-form"
          action={href(
            ctx,
            `/manage/datasets/${datasetId}/resources/${encodeURIComponent(text(values, resourceFieldName(row, 'resourceID')))}/file`,
          )}
        />
      ))}
    </>
  );
}
