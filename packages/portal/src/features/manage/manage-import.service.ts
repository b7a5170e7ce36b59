import { decodeText, type EncodingName } from '@odp/convert';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { COLUMN_OF_FIELD } from '../catalogue-io/catalogue-columns.ts';
import { itemFromCsvRow } from '../catalogue-io/catalogue-csv-item.ts';
import { readCatalogueCsv } from '../catalogue-io/catalogue-csv-read.ts';
import { detectCatalogueFormat } from '../catalogue-io/catalogue-import.ts';
import { planImport, type ImportPlan } from '../catalogue-io/catalogue-import-plan.ts';
import { readCatalogueJson } from '../catalogue-io/catalogue-json-item.ts';
import type { ImportItem } from '../catalogue-io/import-item.ts';
import { importInvalid, type ImportProblem } from '../catalogue-io/import-problem.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { existingDatasetIds, existingIdentifiers, loadDatasets } from '../datasets/dataset.repo.ts';
import { createDatasets, updateDatasetMetadata, type WriteOptions } from '../datasets/dataset.service.ts';
import { organizationIndex } from '../organizations/organization.repo.ts';

/**
 * 批次匯入 in the back office: a catalogue file (the same CSV and JSON as `odp import`)
 * imported for one organisation. `reviewImport` is the dry run — what each row would do
 * (create, update, unchanged) and every problem with its line (CSV) or record (JSON):
 * the importer's own, and rows whose dataset or publisher belongs to another
 * organisation. It only reads. `importForOrganization` reviews the file again inside
 * the write's transaction and, when nothing is wrong, writes every row through the
 * dataset service (versions with action `import` by the writer, audit rows, the role
 * checked by the writer's guard and the organisation by this one). All rows or none.
 */

export type ImportRowAction = 'create' | 'update' | 'unchanged' | 'refused';

export interface ImportRowReview {
  line?: number;
  record?: number;
  action: ImportRowAction;
  datasetId: number | undefined;
  identifier: string | undefined;
  title: string;
}

/** An importer problem, or (`code: 'other-organization'`) a row of another organisation. */
export interface ImportReviewProblem extends ImportProblem {
  code?: 'other-organization';
}

export interface ImportReview {
  format: 'csv' | 'json';
  encoding: EncodingName;
  bom: boolean;
  rows: ImportRowReview[];
  problems: ImportReviewProblem[];
  counts: Record<Exclude<ImportRowAction, 'refused'>, number>;
}

export interface ImportResult {
  review: ImportReview;
  created: number[];
  updated: number[];
}

function readItems(
  text: string,
  format: 'csv' | 'json',
): { items: ImportItem[]; problems: ImportProblem[]; unreadable: boolean } {
  if (format === 'json') return readCatalogueJson(text);
  const { rows, problems, unreadable } = readCatalogueCsv(text);
  const items = unreadable ? [] : rows.map(itemFromCsvRow);
  return { items, problems: [...problems, ...items.flatMap((i) => i.problems)], unreadable };
}

const byPlace = (a: ImportProblem, b: ImportProblem): number =>
  (a.line ?? a.record ?? 0) - (b.line ?? b.record ?? 0);

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The stored dataset each item is about, as the plan finds it (catalogue-import-plan.ts). */
async function storedTargets(
  ctx: CatalogueContext,
  items: readonly ImportItem[],
): Promise<{
  target: Map<ImportItem, number>;
  repeated: Set<ImportItem>;
  stored: Map<number, DatasetRecord>;
}> {
  const byIdentifier = await existingIdentifiers(
    ctx.db,
    items
      .filter((i) => i.datasetId === undefined && i.identifier !== undefined)
      .map((i) => i.identifier as string),
  );
  const target = new Map<ImportItem, number>();
  const repeated = new Set<ImportItem>();
  const seen = new Set<number>();
  for (const item of items) {
    const id =
      item.datasetId ?? (item.identifier === undefined ? undefined : byIdentifier.get(item.identifier));
    if (id === undefined) continue;
    if (seen.has(id)) repeated.add(item);
    seen.add(id);
    target.set(item, id);
  }
  const existing = await existingDatasetIds(ctx.db, [...seen]);
  const stored = new Map((await loadDatasets(ctx.db, [...existing])).map((d) => [d.datasetId, d]));
  return { target, repeated, stored };
}

async function review(
  ctx: CatalogueContext,
  bytes: Uint8Array,
  organizationId: number,
): Promise<{ review: ImportReview; plan: ImportPlan | undefined }> {
  const decoded = decodeText(bytes);
  const format = detectCatalogueFormat(decoded.text);
  const { items, problems, unreadable } = readItems(decoded.text, format);
  const base = { format, encoding: decoded.encoding, bom: decoded.bom };
  const counts = { create: 0, update: 0, unchanged: 0 };
  if (unreadable)
    return { review: { ...base, rows: [], problems: problems.sort(byPlace), counts }, plan: undefined };

  const plan = await planImport(ctx, items);
  const { target, repeated, stored } = await storedTargets(ctx, items);
  const updates = new Map(plan.updates.map((u) => [u.datasetId, u]));
  const orgs = await organizationIndex(ctx.db);
  /** The organisation a dataset's input names, as the dataset service finds it. */
  const organizationOf = (input: Record<string, unknown>): number | undefined => {
    const oid = str(input.publisherOID);
    return (
      (oid ? orgs.byOid.get(oid) : undefined) ??
      orgs.byCode.get(str(input.identifier).slice(0, 10)) ??
      orgs.byName.get(str(input.publisher))
    )?.id;
  };
  const column = (item: ImportItem, field: string) =>
    item.source === 'csv' ? (COLUMN_OF_FIELD[field] ?? field) : field;
  const refusals: ImportReviewProblem[] = [];
  const refuse = (item: ImportItem, field: string, message: string) =>
    refusals.push({ ...item.where, column: column(item, field), message, code: 'other-organization' });

  const rows: ImportRowReview[] = [];
  let nextCreate = 0;
  for (const item of items) {
    const title = str(item.input.title);
    const id = target.get(item);
    const previous = id === undefined ? undefined : stored.get(id);
    if (repeated.has(item)) {
      rows.push({ ...item.where, action: 'refused', datasetId: id, identifier: item.identifier, title });
      continue;
    }
    if (previous) {
      const update = updates.get(previous.datasetId);
      const action = update ? 'update' : 'unchanged';
      counts[action]++;
      rows.push({
        ...item.where,
        action,
        datasetId: previous.datasetId,
        identifier: previous.identifier,
        title,
      });
      if (previous.organizationId !== organizationId)
        refuse(item, 'identifier', `dataset ${previous.identifier} belongs to another organisation`);
      else if (update && organizationOf(update.input) !== organizationId)
        refuse(item, 'publisher', `the publisher ${str(update.input.publisher)} is another organisation`);
      continue;
    }
    const create = plan.creates[nextCreate++];
    if (!create) throw new AppError('INTERNAL', 'The import plan has fewer new datasets than the file');
    counts.create++;
    const identifier = str(create.input.identifier);
    rows.push({ ...item.where, action: 'create', datasetId: create.system.datasetId, identifier, title });
    if (organizationOf(create.input) !== organizationId)
      refuse(
        item,
        'publisher',
        `the publisher ${str(create.input.publisher)} (${identifier}) is not the chosen organisation`,
      );
  }
  if (nextCreate !== plan.creates.length)
    throw new AppError('INTERNAL', 'The import plan has more new datasets than the file');
  const all = [...problems, ...plan.problems, ...refusals].sort(byPlace);
  return { review: { ...base, rows, problems: all, counts }, plan };
}

/** The dry run: what importing the file for the organisation would do, and what is wrong. Reads only. */
export async function reviewImport(
  ctx: CatalogueContext,
  bytes: Uint8Array,
  organizationId: number,
): Promise<ImportReview> {
  return (await review(ctx, bytes, organizationId)).review;
}

/**
 * Writes the file for the organisation in one transaction, after reviewing it again
 * there (the catalogue may have changed since the dry run): any problem is
 * IMPORT_INVALID with all of them in `details`, and nothing is written.
 */
export async function importForOrganization(
  ctx: CatalogueContext,
  bytes: Uint8Array,
  organizationId: number,
  write: WriteOptions,
): Promise<ImportResult> {
  const guard = (owner: number | null) => {
    if (owner !== organizationId)
      throw new AppError('FORBIDDEN', `The import is for organisation ${organizationId} only`);
    write.guard?.(owner);
  };
  const options = { ...write, action: 'import', guard };
  return inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    const { review: checked, plan } = await review(tx, bytes, organizationId);
    if (checked.problems.length > 0 || !plan) throw importInvalid(checked.problems);
    const records = await createDatasets(tx, plan.creates, options);
    const updated: number[] = [];
    for (const u of plan.updates) {
      const { changed } = await updateDatasetMetadata(tx, u.datasetId, u.input, {
        ...options,
        mode: 'replace',
        system: u.system,
      });
      if (changed) updated.push(u.datasetId);
    }
    return { review: checked, created: records.map((r) => r.datasetId), updated };
  });
}
