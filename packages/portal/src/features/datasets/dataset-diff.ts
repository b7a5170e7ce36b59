import type { DatasetRecord, ResourceRecord } from './dataset.record.ts';

/** Fields that change on every write and say nothing about the content. */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'createdAt', 'metadataModifiedAt', 'distribution']);

export interface FieldChange {
  from: unknown;
  to: unknown;
}

export interface DatasetChanges {
  [field: string]: FieldChange | ResourceChanges;
}

export interface ResourceChanges {
  added: string[];
  removed: string[];
  changed: Record<string, Record<string, FieldChange>>;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function diffObjects(before: object, after: object, skip: Set<string>): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (skip.has(key)) continue;
    const from = (before as Record<string, unknown>)[key];
    const to = (after as Record<string, unknown>)[key];
    if (!same(from, to)) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

function diffResources(before: ResourceRecord[], after: ResourceRecord[]): ResourceChanges | undefined {
  const old = new Map(before.map((r) => [r.resourceID, r]));
  const next = new Map(after.map((r) => [r.resourceID, r]));
  const added = after.filter((r) => !old.has(r.resourceID)).map((r) => r.resourceID);
  const removed = before.filter((r) => !next.has(r.resourceID)).map((r) => r.resourceID);
  const changed: Record<string, Record<string, FieldChange>> = {};
  for (const r of after) {
    const o = old.get(r.resourceID);
    if (!o) continue;
    const d = diffObjects(o, r, new Set());
    if (Object.keys(d).length > 0) changed[r.resourceID] = d;
  }
  if (added.length === 0 && removed.length === 0 && Object.keys(changed).length === 0) return undefined;
  return { added, removed, changed };
}

/** What changed between two versions of a dataset; empty when nothing did. */
export function diffDatasets(before: DatasetRecord, after: DatasetRecord): DatasetChanges {
  const changes: DatasetChanges = diffObjects(before, after, BOOKKEEPING);
  const resources = diffResources(before.distribution, after.distribution);
  if (resources) changes.distribution = resources;
  return changes;
}
