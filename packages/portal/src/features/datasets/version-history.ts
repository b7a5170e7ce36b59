import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { AppError } from '../../errors/app-error.ts';
import { diffDatasets, type FieldChange, type ResourceChanges } from './dataset-diff.ts';
import type { DatasetRecord, ResourceRecord } from './dataset.record.ts';
import { getVersion, listVersions } from './dataset.repo.ts';
import { publicActors, type PublicActor } from './version-actors.ts';

/**
 * The version history as the pages show it (版本紀錄): every version with who, when and
 * which fields, and one version against the one before it, field by field and resource
 * by resource. Diffs are computed from the two snapshots (ADR 0003), so they also cover
 * versions written before a field existed.
 */

/** Derived or internal fields that the pages leave out of a diff (their source field shows). */
const HIDDEN_FIELDS = new Set(['datasetId', 'organizationId', 'updateFrequency', 'fields']);
const HIDDEN_RESOURCE_FIELDS = new Set(['seq', 'fileKey']);

export interface FieldDiff {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ChangedResource {
  resourceID: string;
  resourceDescription: string;
  fields: FieldDiff[];
}

export interface VersionDiff {
  /** Version 1: nothing before it. */
  first: boolean;
  fields: FieldDiff[];
  added: ResourceRecord[];
  removed: ResourceRecord[];
  changed: ChangedResource[];
}

export interface VersionSummary {
  version: number;
  createdAt: string;
  actor: PublicActor;
  action: string;
  /** The fields the version changed ('distribution' when resources did). */
  changed: string[];
}

export interface VersionView {
  datasetId: number;
  identifier: string;
  version: number;
  createdAt: string;
  actor: PublicActor;
  action: string;
  /** The dataset's current version number. */
  latest: number;
  previous: number | null;
  next: number | null;
  snapshot: DatasetRecord;
  diff: VersionDiff;
}

function fieldDiffs(changes: Record<string, FieldChange>, hidden: Set<string>): FieldDiff[] {
  return Object.entries(changes)
    .filter(([field]) => !hidden.has(field))
    .map(([field, change]) => ({ field, from: change.from, to: change.to }));
}

/** Version `after` against `before` (undefined for the first version). */
export function versionDiff(before: DatasetRecord | undefined, after: DatasetRecord): VersionDiff {
  if (!before) return { first: true, fields: [], added: [], removed: [], changed: [] };
  const old = { ...before, distribution: before.distribution ?? [] };
  const next = { ...after, distribution: after.distribution ?? [] };
  const { distribution, ...fields } = diffDatasets(old, next);
  const resources = distribution as ResourceChanges | undefined;
  const byId = new Map(next.distribution.map((r) => [r.resourceID, r]));
  return {
    first: false,
    fields: fieldDiffs(fields as Record<string, FieldChange>, HIDDEN_FIELDS),
    added: next.distribution.filter((r) => resources?.added.includes(r.resourceID)),
    removed: old.distribution.filter((r) => resources?.removed.includes(r.resourceID)),
    changed: Object.entries(resources?.changed ?? {})
      .map(([resourceID, changes]) => ({
        resourceID,
        resourceDescription: byId.get(resourceID)?.resourceDescription ?? '',
        fields: fieldDiffs(changes, HIDDEN_RESOURCE_FIELDS),
      }))
      .filter((r) => r.fields.length > 0),
  };
}

export function isEmptyDiff(diff: VersionDiff): boolean {
  return diff.fields.length + diff.added.length + diff.removed.length + diff.changed.length === 0;
}

/** Every version of a dataset, newest first, with the actor in its public form. */
export async function versionHistory(ctx: CatalogueContext, datasetId: number): Promise<VersionSummary[]> {
  const versions = await listVersions(ctx.db, datasetId);
  const actors = await publicActors(
    ctx.db,
    versions.map((v) => v.actor),
  );
  return versions.map((v) => ({
    version: v.version,
    createdAt: v.createdAt,
    actor: actors.get(v.actor) ?? { kind: 'person', name: null },
    action: v.action,
    changed: Object.keys(v.changes).filter((f) => !HIDDEN_FIELDS.has(f)),
  }));
}

/** Version `n` of a dataset with its diff against version n − 1; VERSION_NOT_FOUND when there is none. */
export async function versionView(
  ctx: CatalogueContext,
  dataset: DatasetRecord,
  n: number,
): Promise<VersionView> {
  const [row, before] = await Promise.all([
    getVersion(ctx.db, dataset.datasetId, n),
    n > 1 ? getVersion(ctx.db, dataset.datasetId, n - 1) : undefined,
  ]);
  if (!row) throw new AppError('VERSION_NOT_FOUND', `Dataset ${dataset.identifier} has no version ${n}`);
  const actors = await publicActors(ctx.db, [row.actor]);
  return {
    datasetId: dataset.datasetId,
    identifier: dataset.identifier,
    version: row.version,
    createdAt: row.createdAt,
    actor: actors.get(row.actor) ?? { kind: 'person', name: null },
    action: row.action,
    latest: dataset.version,
    previous: before ? before.version : null,
    next: n < dataset.version ? n + 1 : null,
    snapshot: { ...row.snapshot, distribution: row.snapshot.distribution ?? [] },
    diff: versionDiff(before?.snapshot, row.snapshot),
  };
}

/** Where the file a resource had in version `n` is served (features/storage/). */
export function versionFilePath(datasetId: number, version: number, resourceId: string): string {
  return `/dataset/${datasetId}/versions/${version}/resource/${encodeURIComponent(resourceId)}/file`;
}
