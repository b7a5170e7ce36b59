import type { FieldProblem } from '../../errors/app-error.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import type { DatasetInput } from '../datasets/dataset.schema.ts';
import { RESOURCE_FIELD_NAMES, TEXT_FIELD_NAMES } from './dataset-form-fields.ts';

/**
 * The dataset form's values and the dataset input they stand for. The form is flat,
 * named with the API's field names (`title`, `distribution[0].format`), so a problem the
 * schema reports for a field names the form control it belongs to. The same flat values
 * come urlencoded from the form and as JSON from the live-validation script.
 */

export type FormValues = Record<string, string | string[]>;

const RESOURCE_KEY = /^distribution\[(\d{1,3})\]\.(\w+)$/;
/** More rows than any real dataset has; the schema allows 500 resources. */
export const MAX_RESOURCE_ROWS = 500;

/** The form control's id of a field name: `distribution[0].format` → `field-distribution-0-format`. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}

export function resourceFieldName(row: number, name: string): string {
  return `distribution[${row}].${name}`;
}

/** Only strings and lists of strings of a posted body (anything else is ignored). */
export function formValuesOf(body: unknown): FormValues {
  const values: FormValues = {};
  if (!body || typeof body !== 'object') return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) values[key] = value;
  }
  return values;
}

export function text(values: FormValues, key: string): string {
  const value = values[key];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

export function list(values: FormValues, key: string): string[] {
  const value = values[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
}

/** How many resource rows the form has (the highest row index named, plus one). */
export function resourceRowCount(values: FormValues): number {
  let count = 0;
  for (const key of Object.keys(values)) {
    const match = RESOURCE_KEY.exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return Math.min(count, MAX_RESOURCE_ROWS);
}

function rowIsEmpty(values: FormValues, row: number): boolean {
  return RESOURCE_FIELD_NAMES.every((name) => text(values, resourceFieldName(row, name)) === '');
}

/** The form's values with one more (empty) resource row. */
export function withAddedRow(values: FormValues): FormValues {
  const row = resourceRowCount(values);
  if (row >= MAX_RESOURCE_ROWS) return values;
  const added: FormValues = { ...values };
  for (const name of RESOURCE_FIELD_NAMES) added[resourceFieldName(row, name)] = '';
  return added;
}

/** The form's values without resource row `removed`; the rows after it move up. */
export function withoutRow(values: FormValues, removed: number): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(values)) {
    const match = RESOURCE_KEY.exec(key);
    if (!match) {
      out[key] = value;
      continue;
    }
    const row = Number(match[1]);
    if (row === removed) continue;
    out[resourceFieldName(row > removed ? row - 1 : row, match[2] as string)] = value;
  }
  return out;
}

/** The form of a stored dataset. */
export function formOfRecord(d: DatasetRecord): FormValues {
  const values: FormValues = {};
  const record = d as unknown as Record<string, unknown>;
  for (const name of TEXT_FIELD_NAMES) {
    const value = record[name];
    values[name] = value === null || value === undefined ? '' : String(value);
  }
  values.keyword = d.keyword.join(', ');
  values.numberOfData = d.numberOfData === null ? '' : String(d.numberOfData);
  values.themes = [...d.themes];
  d.distribution.forEach((r, row) => {
    const resource = r as unknown as Record<string, unknown>;
    for (const name of RESOURCE_FIELD_NAMES) {
      const value = resource[name];
      values[resourceFieldName(row, name)] = value === null || value === undefined ? '' : String(value);
    }
  });
  return values;
}

const orUndefined = (v: string): string | undefined => (v === '' ? undefined : v);

function numberValue(v: string): number | string | undefined {
  if (v === '') return undefined;
  return /^\d{1,15}$/.test(v) ? Number(v) : v;
}

export interface FormInput {
  /** The candidate input for DatasetInputSchema. */
  input: Record<string, unknown>;
  /** The form row of each resource of the input (empty rows are left out). */
  rowOfResource: number[];
}

/**
 * The dataset input the form stands for. Editing (`base`: the stored dataset as input),
 * the form's fields replace theirs and everything the form does not show (structured
 * fields, API parameters of resources, …) is kept; an emptied field is cleared.
 */
export function inputOfForm(values: FormValues, base?: DatasetInput): FormInput {
  const input: Record<string, unknown> = base ? { ...base } : { status: 'draft' };
  for (const name of TEXT_FIELD_NAMES) input[name] = orUndefined(text(values, name));
  input.keyword = text(values, 'keyword')
    .split(/[,，、;；\n]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
  input.numberOfData = numberValue(text(values, 'numberOfData'));
  input.themes = list(values, 'themes');
  if (base) {
    // The identifier never changes; a new 主要欄位說明 replaces the structured list.
    input.identifier = base.identifier;
    if ((input.fieldDescription ?? '') !== (base.fieldDescription ?? '')) delete input.fields;
  }
  const stored = new Map((base?.distribution ?? []).map((r) => [r.resourceID, r]));
  const rowOfResource: number[] = [];
  const distribution: Record<string, unknown>[] = [];
  for (let row = 0; row < resourceRowCount(values); row++) {
    if (rowIsEmpty(values, row)) continue;
    const resourceID = text(values, resourceFieldName(row, 'resourceID'));
    const previous = resourceID === '' ? undefined : stored.get(resourceID);
    const resource: Record<string, unknown> = previous ? { ...previous } : {};
    for (const name of RESOURCE_FIELD_NAMES)
      resource[name] = orUndefined(text(values, resourceFieldName(row, name)));
    distribution.push(resource);
    rowOfResource.push(row);
  }
  input.distribution = distribution;
  return { input, rowOfResource };
}

/**
 * A problem's field as the form names it: resource indexes become form rows, a list
 * item (`keyword[2]`) its list's field, the structured 主要欄位說明 its text field.
 */
export function formFieldOf(field: string, rowOfResource: readonly number[]): string {
  const resource = /^distribution\[(\d+)\](.*)$/.exec(field);
  if (resource) {
    const row = rowOfResource[Number(resource[1])] ?? Number(resource[1]);
    const rest = (resource[2] ?? '').replace(/^\.(\w+).*$/, '.$1');
    return `distribution[${row}]${rest}`;
  }
  if (/^fields(\[|$)/.test(field)) return 'fieldDescription';
  return field.replace(/\[\d+\].*$/, '');
}

export function problemsOnForm(
  problems: readonly FieldProblem[],
  rowOfResource: readonly number[],
): FieldProblem[] {
  return problems.map((p) => ({ ...p, field: formFieldOf(p.field, rowOfResource) }));
}
