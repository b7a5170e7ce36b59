import { findCategory, findLicence } from '@odp/quality/metadata';
import type { SystemFields } from '../datasets/dataset.schema.ts';
import { MAX_DATASET_ID } from './catalogue-csv-item.ts';
import { badgeFromLabel, publicationMethodFromLabel } from './catalogue-terms.ts';
import type { ImportItem } from './import-item.ts';
import type { ImportProblem } from './import-problem.ts';

/** Fields of the JSON export that are the platform's, not the publisher's. */
const SYSTEM_KEYS = [
  'datasetId',
  'identifier',
  'publicationMethod',
  'dataQuality',
  'publishedDate',
  'modifiedDate',
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** Real v1 metadata writes counts as strings ("numberOfData":"1"). */
const wholeNumber = (v: unknown): unknown =>
  typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
const optionalText = (v: unknown): string | null | undefined =>
  typeof v === 'string' ? v.trim() || null : v === null ? null : undefined;

/** The line of a JSON syntax error, when the engine's message gives it ("… (line 3 column 9)"). */
function lineOfSyntaxError(error: unknown): number | undefined {
  const line = /\(line (\d+) column \d+\)/.exec(String((error as Error).message))?.[1];
  return line === undefined ? undefined : Number(line);
}

/** Reads one JSON record (our export, or data.gov.tw v1 metadata) into a dataset to import. */
export function itemFromJson(value: unknown, record: number): ImportItem {
  const problems: ImportProblem[] = [];
  const problem = (column: string, message: string): void => {
    problems.push({ record, column, message });
  };
  const v = isObject(value) ? value : {};
  if (!isObject(value)) problem('(record)', 'must be an object');

  const rawId = wholeNumber(v.datasetId);
  let datasetId: number | undefined;
  if (rawId !== undefined && rawId !== null) {
    if (Number.isInteger(rawId) && (rawId as number) >= 1 && (rawId as number) <= MAX_DATASET_ID)
      datasetId = rawId as number;
    else problem('datasetId', `not a serial number from 1 to ${MAX_DATASET_ID}: ${String(rawId)}`);
  }
  const category = typeof v.categoryCode === 'string' ? findCategory(v.categoryCode) : undefined;
  if (!category) problem('categoryCode', `unknown category ${String(v.categoryCode ?? '(empty)')}`);
  const licence = typeof v.license === 'string' ? findLicence(v.license) : undefined;
  if (!licence) problem('license', `unknown licence ${String(v.license ?? '(empty)')}`);
  const badge =
    v.dataQuality === undefined || v.dataQuality === null
      ? v.dataQuality
      : badgeFromLabel(String(v.dataQuality));
  if (badge === undefined && v.dataQuality !== undefined)
    problem('dataQuality', `unknown quality badge ${String(v.dataQuality)}`);
  const method =
    typeof v.publicationMethod === 'string' ? publicationMethodFromLabel(v.publicationMethod) : undefined;
  if (v.publicationMethod !== undefined && v.publicationMethod !== null && !method) {
    problem('publicationMethod', `unknown publication method ${String(v.publicationMethod)}`);
  }
  const publishedAt = optionalText(v.publishedDate);
  const metadataModifiedAt = optionalText(v.modifiedDate);
  const system: SystemFields = {
    ...(datasetId !== undefined ? { datasetId } : {}),
    ...(badge !== undefined ? { qualityBadge: badge } : {}),
    ...(method ? { publicationMethod: method } : {}),
    ...(publishedAt !== undefined ? { publishedAt } : {}),
    ...(metadataModifiedAt !== undefined ? { metadataModifiedAt } : {}),
  };

  // The rest is the publisher's metadata; the schema checks it. An import never moves a
  // dataset through its lifecycle, so a status in the file is ignored.
  const input: Record<string, unknown> = Object.fromEntries(
    Object.entries(v).filter(([k]) => !SYSTEM_KEYS.includes(k) && k !== 'status'),
  );
  input.categoryCode = category?.code;
  input.license = licence?.code;
  input.numberOfData = wholeNumber(v.numberOfData);
  if (Array.isArray(v.distribution)) {
    input.distribution = v.distribution.map((r: unknown) =>
      isObject(r) ? { ...r, resourceAmount: wholeNumber(r.resourceAmount) } : r,
    );
  }
  return {
    source: 'json',
    where: { record },
    datasetId,
    identifier:
      typeof v.identifier === 'string' && v.identifier.trim() !== '' ? v.identifier.trim() : undefined,
    input,
    resources: undefined,
    system,
    fingerprint: JSON.stringify(value),
    problems,
  };
}

/** Reads the JSON export (an array of records, or one record) into datasets to import. */
export function readCatalogueJson(text: string): {
  items: ImportItem[];
  problems: ImportProblem[];
  unreadable: boolean;
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const line = lineOfSyntaxError(error);
    const problem: ImportProblem = {
      ...(line === undefined ? {} : { line }),
      message: `JSON syntax: ${(error as Error).message}`,
    };
    return { items: [], problems: [problem], unreadable: true };
  }
  const records = Array.isArray(parsed) ? parsed : [parsed];
  const items = records.map((r, i) => itemFromJson(r, i + 1));
  return { items, problems: items.flatMap((i) => i.problems), unreadable: false };
}
