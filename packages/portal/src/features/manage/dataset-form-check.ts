import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FieldProblem } from '../../errors/app-error.ts';
import { fieldProblems } from '../../errors/validation.ts';
import { can, type OrganizationAction } from '../accounts/policy.ts';
import type { Principal } from '../accounts/principal.ts';
import { existingIdentifiers } from '../datasets/dataset.repo.ts';
import { DatasetInputSchema, type DatasetInput } from '../datasets/dataset.schema.ts';
import { findPublisherOrganization } from '../organizations/organization.repo.ts';
import { FIELD_BY_NAME } from './dataset-form-fields.ts';
import { problemsOnForm, type FormInput } from './dataset-form.ts';
import type { ManageMessages } from './manage-messages.ts';

/**
 * The checks of a dataset form, without writing anything: the API's schema
 * (DatasetInputSchema), then the service's rules that need the database — the
 * identifier is free (new datasets) and the publisher is an organisation the person
 * may write for. Saving runs the service itself, which checks all of it again.
 */

export interface FormCheck {
  problems: FieldProblem[];
  /** The parsed input when the schema accepts it. */
  input?: DatasetInput;
}

export async function checkDatasetForm(
  db: Kysely<Database>,
  principal: Principal,
  form: FormInput,
  target: { action: Extract<OrganizationAction, 'dataset.create' | 'dataset.update'>; datasetId?: number },
): Promise<FormCheck> {
  const parsed = DatasetInputSchema.safeParse(form.input, { reportInput: true });
  if (!parsed.success) return { problems: problemsOnForm(fieldProblems(parsed.error), form.rowOfResource) };
  const input = parsed.data;
  const problems: FieldProblem[] = [];
  if (target.action === 'dataset.create') {
    const taken = await existingIdentifiers(db, [input.identifier]);
    if (taken.size > 0 && taken.get(input.identifier) !== target.datasetId)
      problems.push({ field: 'identifier', code: 'taken', message: `${input.identifier} is already in use` });
  }
  const { organization } = await findPublisherOrganization(db, {
    oid: input.publisherOID,
    agencyCode: input.identifier.slice(0, 10),
    name: input.publisher,
  });
  if (!can(principal, target.action, organization?.id ?? null))
    problems.push({
      field: 'publisher',
      code: 'forbidden',
      message: 'You may not write datasets of this publisher',
    });
  return { problems, input };
}

/** A problem's message in the page's language (the schema's own message when there is no better one). */
export function localizeProblem(problem: FieldProblem, mm: ManageMessages): FieldProblem {
  const leaf = /(\w+)$/.exec(problem.field)?.[1] ?? problem.field;
  const field = FIELD_BY_NAME.get(leaf);
  let message = mm.problemMessages[problem.code];
  if (problem.code === 'forbidden') message = mm.forbiddenOrganization;
  else if (problem.code === 'pattern' && leaf === 'identifier') message = mm.identifierPattern;
  else if (problem.code === 'pattern' && field?.kind === 'date') message = mm.datePattern;
  else if (leaf === 'numberOfData' && (problem.code === 'type' || problem.code === 'too_short'))
    message = mm.numberPattern;
  else if (problem.code === 'enum' && field && !field.options) message = undefined;
  return { ...problem, message: message ?? problem.message };
}

/** The label of a problem's field for the error summary: 資料資源 2 檔案格式, or the field name. */
export function problemLabel(field: string, mm: ManageMessages, english: boolean): string {
  const resource = /^distribution\[(\d+)\]\.(\w+)$/.exec(field);
  const leaf = resource ? (resource[2] as string) : field;
  const known = FIELD_BY_NAME.get(leaf);
  const label = known ? (english ? known.en : known.zh) : leaf || '—';
  return resource ? `${mm.resource(Number(resource[1]) + 1)} ${label}` : label;
}
