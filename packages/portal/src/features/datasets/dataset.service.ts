import { sql } from 'kysely';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isoNow, taipeiDateTime } from '../../domain/clock.ts';
import { canTransition, type DatasetStatus } from '../../domain/dataset-status.ts';
import {
  formatFieldDescription,
  parseFieldDescription,
  resourceId as makeResourceId,
  parseUpdateFrequency,
} from '@odp/quality/metadata';
import { AppError, type FieldProblem } from '../../errors/app-error.ts';
import { indexDatasets } from '../../search/search-index.ts';
import { parseOrThrow } from '../../errors/validation.ts';
import {
  findPublisherOrganization,
  organizationIndex,
  type OrganizationRow,
} from '../organizations/organization.repo.ts';
import { diffDatasets } from './dataset-diff.ts';
import type { DatasetRecord, ResourceRecord } from './dataset.record.ts';
import {
  existingDatasetIds,
  existingIdentifiers,
  findDatasetId,
  insertDatasets,
  insertVersions,
  loadDatasets,
  nextDatasetId,
  resourceIdsOwnedElsewhere,
  syncIdSequence,
  updateDataset,
} from './dataset.repo.ts';
import {
  DatasetInputSchema,
  DatasetPatchSchema,
  type DatasetInput,
  type ResourceInput,
  type SystemFields,
} from './dataset.schema.ts';

import { recordAudit, type AuditActor, type AuditEntry } from '../accounts/audit.repo.ts';

/** The rules of the catalogue: create, change, change status; every change is a version. */

export interface WriteOptions {
  /** Who made the change (user, API key or `import:<file>`). */
  actor: string;
  /** Recorded with the version: create, update, status, import, … */
  action?: string;
  now?: Date;
  /**
   * Called inside the transaction with the organisation that owns the dataset (before
   * and after the change); throws to refuse the write (the route's authorization).
   */
  guard?: (organizationId: number | null) => void;
  /** Who wrote, for the audit log row written in the same transaction. */
  audit?: AuditActor;
}

function auditEntries(
  records: DatasetRecord[],
  action: string,
  changes: (r: DatasetRecord) => Record<string, unknown>,
): AuditEntry[] {
  return records.map((r) => ({
    action: `dataset.${action}`,
    targetType: 'dataset',
    targetId: r.identifier,
    organizationId: r.organizationId,
    detail: {
      datasetId: r.datasetId,
      version: r.version,
      status: r.status,
      changed: Object.keys(changes(r)),
    },
  }));
}

export interface NewDataset {
  input: DatasetInput;
  system?: SystemFields;
}

type OrgIndex = Awaited<ReturnType<typeof organizationIndex>>;

const nz = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v === '' ? null : v;

function findOrganization(orgs: OrgIndex, input: DatasetInput): OrganizationRow | undefined {
  if (input.publisherOID) {
    const byOid = orgs.byOid.get(input.publisherOID);
    if (byOid) return byOid;
  }
  const code = input.identifier.slice(0, 10);
  return orgs.byCode.get(code) ?? orgs.byName.get(input.publisher);
}

function resourceProblems(input: DatasetInput, index: number | undefined): FieldProblem[] {
  const prefix = index === undefined ? '' : `[${index}].`;
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  input.distribution.forEach((r, i) => {
    if (!r.resourceID) return;
    const field = `${prefix}distribution[${i}].resourceID`;
    if (!r.resourceID.startsWith(`${input.identifier}-`)) {
      problems.push({
        field,
        code: 'prefix',
        message: `must start with the dataset identifier ${input.identifier}-`,
      });
    }
    if (seen.has(r.resourceID))
      problems.push({ field, code: 'duplicate', message: `${r.resourceID} is used twice` });
    seen.add(r.resourceID);
  });
  return problems;
}

/** A resource's uploaded file (features/storage/): set by the platform, never by publishers. */
export interface ResourceFile {
  fileKey: string;
  size: number;
  checksum: string;
  /** The platform URL the file is served at. */
  downloadURL: string;
}

function buildResources(
  identifier: string,
  inputs: ResourceInput[],
  previous: ResourceRecord[],
  files: ReadonlyMap<string, ResourceFile> | undefined,
): ResourceRecord[] {
  const old = new Map(previous.map((r) => [r.resourceID, r]));
  let nextSeq =
    Math.max(
      0,
      ...previous.map((r) => r.seq),
      ...inputs.map((r) => (r.resourceID ? Number(r.resourceID.slice(-3)) : 0)),
    ) + 1;
  return inputs.map((r) => {
    let id = r.resourceID;
    if (!id) {
      id = makeResourceId(identifier, nextSeq);
      nextSeq++;
    }
    const before = old.get(id);
    const file = files?.get(id);
    const keepsFile =
      before !== undefined && (before.fileKey === null || before.downloadURL === nz(r.downloadURL));
    return {
      resourceID: id,
      seq: Number(id.slice(-3)),
      resourceDescription: r.resourceDescription,
      format: r.format.toUpperCase() === r.format ? r.format : r.format.toUpperCase(),
      characterSetCode: r.characterSetCode,
      resourceModified: nz(r.resourceModified),
      accessURL: nz(r.accessURL),
      downloadURL: file?.downloadURL ?? nz(r.downloadURL),
      metadataSourceOfData: nz(r.metadataSourceOfData),
      resourceField: r.resourceField.map((f) => ({ name: f.name, description: f.description })),
      resourceAmount: r.resourceAmount ?? null,
      resourceNotes: nz(r.resourceNotes),
      resourceRequestMethod: r.resourceRequestMethod ?? null,
      resourceOasUrl: nz(r.resourceOasUrl),
      resourceRequestParameters: r.resourceRequestParameters ?? null,
      resourcePathParameters: r.resourcePathParameters ?? null,
      // File facts and check results belong to the platform, not to the publisher. An
      // uploaded file stays with the resource while its download URL does; a new URL
      // (typed by the publisher, or an old version's restored) leaves the file behind.
      fileKey: file?.fileKey ?? (keepsFile ? before.fileKey : null),
      size: file?.size ?? (keepsFile ? before.size : null),
      checksum: file?.checksum ?? (keepsFile ? before.checksum : null),
      qcLevel: before?.qcLevel ?? null,
      resourceQualityCheckTime: before?.resourceQualityCheckTime ?? null,
    };
  });
}

function buildRecord(
  input: DatasetInput,
  base: {
    datasetId: number;
    organization: OrganizationRow | undefined;
    parentName: string | undefined;
    previous: DatasetRecord | undefined;
    system: SystemFields | undefined;
    now: Date;
    files?: ReadonlyMap<string, ResourceFile> | undefined;
  },
): DatasetRecord {
  const { previous, system, now } = base;
  const fields = input.fields ?? parseFieldDescription(input.fieldDescription ?? '');
  const fieldDescription = input.fieldDescription ?? formatFieldDescription(fields);
  const status = input.status;
  const wasPublished = previous?.publishedAt ?? null;
  const publishedAt =
    system?.publishedAt !== undefined
      ? system.publishedAt
      : (wasPublished ?? (status === 'draft' ? null : taipeiDateTime(now)));
  return {
    datasetId: base.datasetId,
    identifier: input.identifier,
    status,
    organizationId: base.organization?.id ?? null,
    categoryCode: input.categoryCode,
    type: input.type,
    title: input.title,
    titleEn: nz(input.titleEn),
    description: input.description,
    descriptionEn: nz(input.descriptionEn),
    fieldDescription,
    fields,
    license: input.license,
    licenseURL: nz(input.licenseURL),
    cost: input.cost,
    costURL: nz(input.costURL),
    costLaw: nz(input.costLaw),
    organization: nz(input.organization) ?? base.parentName ?? null,
    organizationContactName: nz(input.organizationContactName),
    organizationContactPhone: nz(input.organizationContactPhone),
    organizationContactEmail: nz(input.organizationContactEmail),
    publisher: input.publisher,
    publisherOID: nz(input.publisherOID) ?? base.organization?.oid ?? null,
    publisherContactName: nz(input.publisherContactName),
    publisherContactPhone: nz(input.publisherContactPhone),
    publisherContactEmail: nz(input.publisherContactEmail),
    accrualPeriodicity: input.accrualPeriodicity,
    updateFrequency: parseUpdateFrequency(input.accrualPeriodicity) ?? null,
    temporalCoverageFrom: nz(input.temporalCoverageFrom),
    temporalCoverageTo: nz(input.temporalCoverageTo),
    issued: nz(input.issued),
    modified: nz(input.modified),
    spatial: nz(input.spatial),
    language: nz(input.language),
    landingPage: nz(input.landingPage),
    keyword: [...new Set(input.keyword)],
    numberOfData: input.numberOfData ?? null,
    notes: nz(input.notes),
    themes: [...new Set(input.themes)].sort(),
    accessLevel: input.accessLevel,
    publicationMethod: system?.publicationMethod ?? previous?.publicationMethod ?? 'manual',
    qualityBadge: system?.qualityBadge !== undefined ? system.qualityBadge : (previous?.qualityBadge ?? null),
    whitelisted: previous?.whitelisted ?? false,
    delistingDate:
      status !== 'delisting_scheduled'
        ? null
        : system?.delistingDate !== undefined
          ? system.delistingDate
          : (previous?.delistingDate ?? null),
    publishedAt,
    metadataModifiedAt:
      system?.metadataModifiedAt !== undefined ? system.metadataModifiedAt : taipeiDateTime(now),
    version: (previous?.version ?? 0) + 1,
    createdAt: previous?.createdAt ?? isoNow(now),
    updatedAt: isoNow(now),
    distribution: buildResources(
      input.identifier,
      input.distribution,
      previous?.distribution ?? [],
      base.files,
    ),
  };
}

/** The writable fields of a stored dataset, as input again (for PATCH and restore). */
export function recordToInput(d: DatasetRecord): DatasetInput {
  return {
    categoryCode: d.categoryCode,
    identifier: d.identifier,
    title: d.title,
    titleEn: d.titleEn,
    description: d.description,
    descriptionEn: d.descriptionEn,
    fieldDescription: d.fieldDescription,
    fields: d.fields,
    type: d.type as DatasetInput['type'],
    license: d.license,
    licenseURL: d.licenseURL,
    cost: d.cost as DatasetInput['cost'],
    costURL: d.costURL,
    costLaw: d.costLaw,
    organization: d.organization,
    organizationContactName: d.organizationContactName,
    organizationContactPhone: d.organizationContactPhone,
    organizationContactEmail: d.organizationContactEmail,
    publisher: d.publisher,
    publisherOID: d.publisherOID,
    publisherContactName: d.publisherContactName,
    publisherContactPhone: d.publisherContactPhone,
    publisherContactEmail: d.publisherContactEmail,
    accrualPeriodicity: d.accrualPeriodicity,
    temporalCoverageFrom: d.temporalCoverageFrom,
    temporalCoverageTo: d.temporalCoverageTo,
    issued: d.issued,
    modified: d.modified,
    spatial: d.spatial,
    language: d.language,
    landingPage: d.landingPage,
    keyword: d.keyword,
    numberOfData: d.numberOfData,
    notes: d.notes,
    themes: d.themes,
    accessLevel: d.accessLevel as DatasetInput['accessLevel'],
    status: d.status as DatasetInput['status'],
    distribution: d.distribution.map((r) => ({
      resourceID: r.resourceID,
      resourceDescription: r.resourceDescription,
      format: r.format,
      characterSetCode: r.characterSetCode,
      resourceModified: r.resourceModified,
      accessURL: r.accessURL,
      downloadURL: r.downloadURL,
      metadataSourceOfData: r.metadataSourceOfData,
      resourceField: r.resourceField,
      resourceAmount: r.resourceAmount,
      resourceNotes: r.resourceNotes,
      resourceRequestMethod: r.resourceRequestMethod as ResourceInput['resourceRequestMethod'],
      resourceOasUrl: r.resourceOasUrl,
      resourceRequestParameters: r.resourceRequestParameters,
      resourcePathParameters: r.resourcePathParameters,
    })),
  };
}

async function allocateIds(ctx: CatalogueContext, count: number, reserved: number[]): Promise<number[]> {
  if (count === 0) return [];
  const floor = Math.max(0, ...reserved);
  if (ctx.dialect === 'postgres') {
    // Move the sequence past existing and reserved ids; a fresh sequence stays at 1.
    await sql`select case when v = 0 then setval(s, 1, false) else setval(s, v, true) end
      from (select pg_get_serial_sequence('datasets', 'id') as s,
        greatest(coalesce((select max(id) from datasets), 0), ${floor},
          (select case when is_called then last_value else 0 end from datasets_id_seq)) as v) x`.execute(
      ctx.db,
    );
    const rows = await sql<{ id: string }>`select nextval(pg_get_serial_sequence('datasets', 'id')) as id
      from generate_series(1, ${count})`.execute(ctx.db);
    return rows.rows.map((r) => Number(r.id));
  }
  const start = Math.max(await nextDatasetId(ctx.db), floor + 1);
  return Array.from({ length: count }, (_, i) => start + i);
}

/**
 * Creates datasets in one transaction: all or nothing. Inputs are validated
 * against the schema first; identifiers, datasetIds and resourceIDs must be new.
 */
export async function createDatasets(
  ctx: CatalogueContext,
  items: readonly { input: unknown; system?: SystemFields }[],
  options: WriteOptions,
): Promise<DatasetRecord[]> {
  const now = options.now ?? new Date();
  const parsed: NewDataset[] = items.map((item, i) => ({
    input: parseOrThrow(DatasetInputSchema, item.input, items.length === 1 ? 'dataset' : `dataset #${i + 1}`),
    ...(item.system ? { system: item.system } : {}),
  }));
  const problems = parsed.flatMap((p, i) => resourceProblems(p.input, items.length === 1 ? undefined : i));
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      problems.map((p) => `${p.field} ${p.message}`).join('; '),
      problems,
    );

  const seen = new Set<string>();
  for (const p of parsed) {
    if (seen.has(p.input.identifier))
      throw new AppError('DUPLICATE_IDENTIFIER', `Identifier ${p.input.identifier} appears twice`);
    seen.add(p.input.identifier);
  }

  return inTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const taken = await existingIdentifiers(db, [...seen]);
    if (taken.size > 0) {
      throw new AppError(
        'DUPLICATE_IDENTIFIER',
        `Identifier already in use: ${[...taken.keys()].slice(0, 10).join(', ')}`,
      );
    }
    const givenIds = parsed.map((p) => p.system?.datasetId).filter((id): id is number => id !== undefined);
    if (new Set(givenIds).size !== givenIds.length)
      throw new AppError('DUPLICATE_IDENTIFIER', 'A datasetId appears twice');
    const takenIds = await existingDatasetIds(db, givenIds);
    if (takenIds.size > 0) {
      throw new AppError(
        'DUPLICATE_IDENTIFIER',
        `datasetId already in use: ${[...takenIds].slice(0, 10).join(', ')}`,
      );
    }
    const fresh = await allocateIds(
      tx,
      parsed.filter((p) => p.system?.datasetId === undefined).length,
      givenIds,
    );
    const orgs = await organizationIndex(db);
    const byId = new Map(
      [...orgs.byOid.values(), ...orgs.byName.values(), ...orgs.byCode.values()].map((o) => [o.id, o]),
    );
    let f = 0;
    const records = parsed.map((p) => {
      const organization = findOrganization(orgs, p.input);
      const parent = organization?.parentId ? byId.get(organization.parentId) : undefined;
      return buildRecord(p.input, {
        datasetId: p.system?.datasetId ?? (fresh[f++] as number),
        organization,
        parentName: parent?.nameZh,
        previous: undefined,
        system: p.system,
        now,
      });
    });
    if (options.guard) for (const r of records) options.guard(r.organizationId);
    const resourceIds = records.flatMap((r) => r.distribution.map((d) => d.resourceID));
    if (new Set(resourceIds).size !== resourceIds.length)
      throw new AppError('DUPLICATE_IDENTIFIER', 'A resourceID appears twice');
    const owned = await resourceIdsOwnedElsewhere(db, resourceIds, []);
    if (owned.length > 0)
      throw new AppError(
        'DUPLICATE_IDENTIFIER',
        `resourceID already in use: ${owned.slice(0, 10).join(', ')}`,
      );

    await insertDatasets(db, records);
    await indexDatasets(db, ctx.dialect, records);
    if (givenIds.length > 0) await syncIdSequence(db, ctx.dialect);
    await insertVersions(
      db,
      records.map((r) => ({
        datasetId: r.datasetId,
        version: r.version,
        actor: options.actor,
        action: options.action ?? 'create',
        changes: {},
        snapshot: r,
        createdAt: r.updatedAt,
      })),
    );
    if (options.audit)
      await recordAudit(
        db,
        options.audit,
        auditEntries(records, options.action ?? 'create', () => ({})),
        now,
      );
    return records;
  });
}

export async function getDataset(ctx: CatalogueContext, key: string | number): Promise<DatasetRecord> {
  const id = await findDatasetId(ctx.db, key);
  const [record] = id === undefined ? [] : await loadDatasets(ctx.db, [id]);
  if (!record) throw new AppError('DATASET_NOT_FOUND', `No dataset ${String(key)}`);
  return record;
}

/**
 * Replaces (`mode: 'replace'`) or patches a dataset. A write that changes nothing
 * makes no version. The identifier never changes.
 */
export async function updateDatasetMetadata(
  ctx: CatalogueContext,
  key: string | number,
  body: unknown,
  options: WriteOptions & {
    mode: 'replace' | 'patch';
    system?: SystemFields;
    /** Uploaded files to record on resources of the dataset (by resourceID). */
    resourceFiles?: ReadonlyMap<string, ResourceFile>;
  },
): Promise<{ record: DatasetRecord; changed: boolean }> {
  const now = options.now ?? new Date();
  return inTransaction(ctx.db, async (db) => {
    const previous = await getDataset({ ...ctx, db }, key);
    options.guard?.(previous.organizationId);
    let input: DatasetInput;
    if (options.mode === 'replace') {
      const candidate = { ...(body as object), identifier: previous.identifier };
      input = parseOrThrow(DatasetInputSchema, candidate, 'dataset');
    } else {
      const patch = parseOrThrow(DatasetPatchSchema, body, 'dataset patch');
      const given = Object.fromEntries(
        Object.entries(patch).filter(([k]) => Object.hasOwn(body as object, k)),
      );
      const merged = { ...recordToInput(previous), ...given };
      // A new 主要欄位說明 text replaces the structured list derived from the old one, and vice versa.
      if ('fieldDescription' in given && !('fields' in given))
        delete (merged as Partial<DatasetInput>).fields;
      if ('fields' in given && !('fieldDescription' in given))
        delete (merged as Partial<DatasetInput>).fieldDescription;
      input = parseOrThrow(DatasetInputSchema, merged, 'dataset');
    }
    if (!canTransition(previous.status as DatasetStatus, input.status)) {
      throw new AppError(
        'INVALID_STATUS_TRANSITION',
        `A ${previous.status} dataset cannot become ${input.status}`,
      );
    }
    const problems = resourceProblems(input, undefined);
    if (problems.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        problems.map((p) => `${p.field} ${p.message}`).join('; '),
        problems,
      );
    // Files go on resources the dataset has after this write (a restore may bring one back).
    for (const resourceId of options.resourceFiles?.keys() ?? []) {
      if (!input.distribution.some((r) => r.resourceID === resourceId))
        throw new AppError(
          'RESOURCE_NOT_FOUND',
          `Dataset ${previous.identifier} has no resource ${resourceId}`,
        );
    }

    const { organization, parent } = await findPublisherOrganization(db, {
      oid: input.publisherOID,
      agencyCode: input.identifier.slice(0, 10),
      name: input.publisher,
    });
    const next = buildRecord(input, {
      datasetId: previous.datasetId,
      organization,
      parentName: parent?.nameZh,
      previous,
      system: options.system,
      now,
      files: options.resourceFiles,
    });
    if (next.organizationId !== previous.organizationId) options.guard?.(next.organizationId);
    const changes = diffDatasets(previous, next);
    if (Object.keys(changes).length === 0) return { record: previous, changed: false };

    const owned = await resourceIdsOwnedElsewhere(
      db,
      next.distribution.map((r) => r.resourceID),
      [previous.datasetId],
    );
    if (owned.length > 0)
      throw new AppError('DUPLICATE_IDENTIFIER', `resourceID already in use: ${owned.join(', ')}`);

    await updateDataset(db, next);
    await indexDatasets(db, ctx.dialect, [next]);
    const action =
      options.action ?? (Object.keys(changes).length === 1 && changes.status ? 'status' : 'update');
    await insertVersions(db, [
      {
        datasetId: next.datasetId,
        version: next.version,
        actor: options.actor,
        action,
        changes,
        snapshot: next,
        createdAt: next.updatedAt,
      },
    ]);
    if (options.audit)
      await recordAudit(
        db,
        options.audit,
        auditEntries([next], action, () => changes),
        now,
      );
    return { record: next, changed: true };
  });
}

/**
 * Moves a dataset through its lifecycle. 預計下架 (delisting_scheduled) needs the day the
 * dataset will be delisted (YYYY-MM-DD, not in the past): the public notice shows it.
 */
export async function changeDatasetStatus(
  ctx: CatalogueContext,
  key: string | number,
  status: DatasetStatus,
  options: WriteOptions & { delistingDate?: string },
): Promise<DatasetRecord> {
  let delistingDate: string | null = null;
  if (status === 'delisting_scheduled') {
    const today = taipeiDateTime(options.now ?? new Date()).slice(0, 10);
    const problem = !options.delistingDate
      ? 'delistingDate is required to schedule a delisting (預計下架)'
      : !/^\d{4}-\d{2}-\d{2}$/.test(options.delistingDate) ||
          !Number.isFinite(Date.parse(options.delistingDate))
        ? 'delistingDate must be a date YYYY-MM-DD'
        : options.delistingDate < today
          ? `delistingDate must not be before today (${today})`
          : undefined;
    if (problem) {
      const code = options.delistingDate ? 'date' : 'required';
      throw new AppError('VALIDATION_FAILED', problem, [{ field: 'delistingDate', code, message: problem }]);
    }
    delistingDate = options.delistingDate as string;
  }
  const { record } = await updateDatasetMetadata(
    ctx,
    key,
    { status },
    { ...options, mode: 'patch', action: 'status', system: { delistingDate } },
  );
  return record;
}
