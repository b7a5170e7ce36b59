import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { AGENCY_CODE_PATTERN, datasetIdentifier, resourceId } from '@odp/quality/metadata';
import { fieldProblems } from '../../errors/validation.ts';
import { organizationIndex } from '../organizations/organization.repo.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import {
  existingDatasetIds,
  existingIdentifiers,
  loadDatasets,
  nextDatasetId,
} from '../datasets/dataset.repo.ts';
import { DatasetInputSchema, type SystemFields } from '../datasets/dataset.schema.ts';
import { recordToInput } from '../datasets/dataset.service.ts';
import { COLUMN_OF_FIELD } from './catalogue-columns.ts';
import { MAX_DATASET_ID } from './catalogue-csv-item.ts';
import { catalogueRow } from './catalogue-csv-write.ts';
import { catalogueJsonRecord } from './catalogue-json.ts';
import { mergeCsvResources, newCsvResources } from './csv-resources.ts';
import type { ImportItem } from './import-item.ts';
import type { ImportProblem } from './import-problem.ts';
import { syntheticAgencyCode } from './synthetic-agency-code.ts';

/** What an import will write, decided before anything is written. */
export interface ImportPlan {
  creates: { input: Record<string, unknown>; system: SystemFields }[];
  updates: { datasetId: number; input: Record<string, unknown>; system: SystemFields }[];
  unchanged: number;
  problems: ImportProblem[];
}

const columnFor = (item: ImportItem, field: string): string =>
  item.source === 'csv' ? (COLUMN_OF_FIELD[field] ?? field) : field;

function problemAt(item: ImportItem, field: string, message: string): ImportProblem {
  return { ...item.where, column: columnFor(item, field), message };
}

/** Checks a candidate against the dataset schema, naming the CSV column of each problem. */
function schemaProblems(item: ImportItem, candidate: Record<string, unknown>): ImportProblem[] {
  // A row with vocabulary problems already has them reported; the schema would repeat them.
  if (item.problems.length > 0) return [];
  const result = DatasetInputSchema.safeParse(candidate);
  if (result.success) return [];
  return fieldProblems(result.error).map((p) => {
    if (item.source === 'json') return problemAt(item, p.field, p.message);
    const resource = /^distribution\[(\d+)\]/.exec(p.field)?.[1];
    const leaf = /(\w+)$/.exec(p.field)?.[1] ?? p.field;
    return problemAt(
      item,
      leaf,
      resource === undefined ? p.message : `resource ${Number(resource) + 1}: ${p.message}`,
    );
  });
}

/** The same export of the stored dataset, to tell an unchanged row from a changed one. */
function storedFingerprint(item: ImportItem, d: DatasetRecord): string {
  return item.source === 'csv' ? catalogueRow(d).join('\u0000') : JSON.stringify(catalogueJsonRecord(d));
}

/** A CSV row over a stored dataset: the 22 columns replace theirs, everything else stays. */
function mergedCsvInput(item: ImportItem, previous: DatasetRecord): Record<string, unknown> {
  const base: Record<string, unknown> = recordToInput(previous);
  const merged: Record<string, unknown> = { ...base, ...item.input };
  // 檔案資料 covers TOOLS as well as rawData: keep a TOOLS dataset a TOOLS dataset.
  if (item.input.type === 'rawData' && previous.type === 'TOOLS') merged.type = previous.type;
  // A new 主要欄位說明 text replaces the structured list derived from the old one.
  if (item.input.fieldDescription !== previous.fieldDescription) delete merged.fields;
  merged.distribution = mergeCsvResources(previous, item.resources ?? [], merged.type as string);
  return merged;
}

async function allocateSerials(
  ctx: CatalogueContext,
  items: readonly ImportItem[],
  targets: ReadonlyMap<ImportItem, number>,
): Promise<Map<ImportItem, number>> {
  const wanted = items.filter((i) => !targets.has(i));
  const allocated = new Map<ImportItem, number>();
  if (wanted.length === 0) return allocated;
  const highestGiven = [...targets.values()].reduce((max, id) => Math.max(max, id), 0);
  let next = Math.max(await nextDatasetId(ctx.db), highestGiven + 1);
  for (const item of wanted) allocated.set(item, next++);
  return allocated;
}

/**
 * The dataset each item is about: its datasetId, or — for a JSON record without one,
 * such as data.gov.tw v1 metadata — the stored dataset with its identifier.
 */
async function targetDatasetIds(
  ctx: CatalogueContext,
  items: readonly ImportItem[],
): Promise<Map<ImportItem, number>> {
  const byIdentifier = items.filter((i) => i.datasetId === undefined && i.identifier !== undefined);
  const stored = await existingIdentifiers(
    ctx.db,
    byIdentifier.map((i) => i.identifier as string),
  );
  const targets = new Map<ImportItem, number>();
  for (const item of items) {
    const id = item.datasetId ?? (item.identifier === undefined ? undefined : stored.get(item.identifier));
    if (id !== undefined) targets.set(item, id);
  }
  return targets;
}

/**
 * Decides, for each item, whether it creates a dataset (with which datasetId and
 * identifier), updates one, or changes nothing; and finds every problem that needs the
 * database to see. Reads only.
 */
export async function planImport(ctx: CatalogueContext, items: readonly ImportItem[]): Promise<ImportPlan> {
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, problems: [] };
  const targets = await targetDatasetIds(ctx, items);
  const firstSeen = new Map<number, ImportItem>();
  const repeated = new Set<ImportItem>();
  for (const [item, id] of targets) {
    const first = firstSeen.get(id);
    if (first) {
      const at = first.where.line !== undefined ? `line ${first.where.line}` : `record ${first.where.record}`;
      const field = item.source === 'csv' ? 'identifier' : 'datasetId';
      plan.problems.push(problemAt(item, field, `dataset ${id} is also at ${at}`));
      repeated.add(item);
    } else firstSeen.set(id, item);
  }
  const existing = await existingDatasetIds(ctx.db, [...firstSeen.keys()]);
  const stored = new Map((await loadDatasets(ctx.db, [...existing])).map((d) => [d.datasetId, d]));
  const serials = await allocateSerials(ctx, items, targets);
  const orgs = await organizationIndex(ctx.db);

  const creates: { item: ImportItem; input: Record<string, unknown>; system: SystemFields }[] = [];
  for (const item of items) {
    if (repeated.has(item)) continue;
    const target = targets.get(item);
    const previous = target === undefined ? undefined : stored.get(target);
    if (previous) {
      if (item.fingerprint === storedFingerprint(item, previous)) {
        plan.unchanged++;
        continue;
      }
      const input =
        item.source === 'csv'
          ? mergedCsvInput(item, previous)
          : { ...item.input, identifier: previous.identifier };
      plan.problems.push(...schemaProblems(item, input));
      plan.updates.push({ datasetId: previous.datasetId, input, system: item.system });
      continue;
    }
    const datasetId = target ?? (serials.get(item) as number);
    if (datasetId > MAX_DATASET_ID)
      plan.problems.push(problemAt(item, 'identifier', `no serial left below ${MAX_DATASET_ID}`));
    const publisher = typeof item.input.publisher === 'string' ? item.input.publisher.trim() : '';
    const registered = orgs.byName.get(publisher)?.agencyCode;
    const agencyCode =
      registered && AGENCY_CODE_PATTERN.test(registered) ? registered : syntheticAgencyCode(publisher);
    const identifier = item.identifier ?? datasetIdentifier(agencyCode, datasetId);
    const input: Record<string, unknown> = { ...item.input, identifier };
    if (item.source === 'csv') {
      input.distribution = newCsvResources(item.resources ?? [], input.type as string).map((r, i) => ({
        ...r,
        resourceID: resourceId(identifier, i + 1),
      }));
    }
    plan.problems.push(...schemaProblems(item, input));
    creates.push({ item, input, system: { ...item.system, datasetId } });
  }

  const byIdentifier = new Map<string, ImportItem>();
  for (const c of creates) {
    const identifier = c.input.identifier as string;
    const first = byIdentifier.get(identifier);
    if (first)
      plan.problems.push(
        problemAt(c.item, 'identifier', `identifier ${identifier} is also used by another row`),
      );
    else byIdentifier.set(identifier, c.item);
  }
  const taken = await existingIdentifiers(ctx.db, [...byIdentifier.keys()]);
  for (const [identifier, datasetId] of taken) {
    const item = byIdentifier.get(identifier) as ImportItem;
    plan.problems.push(
      problemAt(item, 'identifier', `identifier ${identifier} is already used by dataset ${datasetId}`),
    );
  }
  plan.creates = creates.map(({ input, system }) => ({ input, system }));
  return plan;
}
