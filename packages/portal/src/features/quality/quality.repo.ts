import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, QualityRunTable, ResourceCheckTable } from '../../db/schema.ts';

/** All SQL of quality results: runs (history), the latest result per check, badges. */

export interface StoredCheck {
  status: string;
  version: number;
  evidence: Record<string, unknown>;
  fix?: { zh: string; en: string } | undefined;
}

/** One run as the service hands it over: the table's columns, with the results as objects. */
export type RunInput = Omit<Insertable<QualityRunTable>, 'id' | 'contentChanged' | 'results'> & {
  contentChanged: boolean;
  results: Record<string, StoredCheck>;
};

/** Records one run: the history row, the latest result of each check, the resource's level. */
export async function saveRun(db: Kysely<Database>, run: RunInput): Promise<number> {
  const { id } = await db
    .insertInto('qualityRuns')
    .values({ ...run, contentChanged: run.contentChanged ? 1 : 0, results: JSON.stringify(run.results) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.deleteFrom('resourceChecks').where('resourceId', '=', run.resourceId).execute();
  const rows = Object.entries(run.results).map(([checkId, r]) => ({
    resourceId: run.resourceId,
    checkId,
    checkVersion: r.version,
    status: r.status,
    evidence: JSON.stringify(r.evidence),
    fixZh: r.fix?.zh ?? null,
    fixEn: r.fix?.en ?? null,
    checkedAt: run.finishedAt,
  }));
  if (rows.length > 0) await db.insertInto('resourceChecks').values(rows).execute();
  await db
    .updateTable('resources')
    .set({
      qualityLevel: run.badge,
      qualityCheckedAt: run.finishedAt,
      ...(run.sha256 ? { checksum: run.sha256 } : {}),
      ...(run.bytes !== null && run.bytes !== undefined ? { size: run.bytes } : {}),
    })
    .where('id', '=', run.resourceId)
    .execute();
  return id;
}

export interface PreviousRun {
  sha256: string | null;
  etag: string | null;
  lastModified: string | null;
  bodyTruncated: number | null;
}

export async function latestRun(db: Kysely<Database>, resourceId: number): Promise<PreviousRun | undefined> {
  return db
    .selectFrom('qualityRuns')
    .select(['sha256', 'etag', 'lastModified', 'bodyTruncated'])
    .where('resourceId', '=', resourceId)
    .where('sha256', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The content checksums seen, oldest first (for freshness), at most `limit` recent ones. */
export async function contentHistory(
  db: Kysely<Database>,
  resourceId: number,
  limit = 200,
): Promise<{ sha256: string; seenAt: string }[]> {
  const rows = await db
    .selectFrom('qualityRuns')
    .select(['sha256', 'startedAt'])
    .where('resourceId', '=', resourceId)
    .where('sha256', 'is not', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => ({ sha256: r.sha256!, seenAt: r.startedAt }));
}

export type RunSummary = Omit<
  Selectable<QualityRunTable>,
  'resourceId' | 'etag' | 'lastModified' | 'contentChanged' | 'results' | 'bodyTruncated'
> & {
  contentChanged: boolean;
  statuses: Record<string, string>;
};

export async function runHistory(
  db: Kysely<Database>,
  resourceId: number,
  limit: number,
): Promise<RunSummary[]> {
  const rows = await db
    .selectFrom('qualityRuns')
    .selectAll()
    .where('resourceId', '=', resourceId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(
    ({
      resourceId: _resource,
      etag: _etag,
      lastModified: _modified,
      bodyTruncated: _cut,
      results,
      ...r
    }) => ({
      ...r,
      bytes: r.bytes === null ? null : Number(r.bytes),
      contentChanged: r.contentChanged === 1,
      statuses: Object.fromEntries(
        Object.entries(JSON.parse(results) as Record<string, StoredCheck>).map(([k, v]) => [k, v.status]),
      ),
    }),
  );
}

export type CheckRow = Omit<Selectable<ResourceCheckTable>, 'evidence'> & {
  evidence: Record<string, unknown>;
};

/** The latest results of the given resources (row ids), by resource. */
export async function latestChecks(
  db: Kysely<Database>,
  resourceIds: readonly number[],
): Promise<Map<number, CheckRow[]>> {
  const out = new Map<number, CheckRow[]>();
  if (resourceIds.length === 0) return out;
  const rows = await db
    .selectFrom('resourceChecks')
    .selectAll()
    .where('resourceId', 'in', [...resourceIds])
    .execute();
  for (const r of rows) {
    const list = out.get(r.resourceId) ?? [];
    list.push({ ...r, evidence: JSON.parse(r.evidence) as Record<string, unknown> });
    out.set(r.resourceId, list);
  }
  return out;
}

export async function setDatasetBadge(
  db: Kysely<Database>,
  datasetId: number,
  badge: string | null,
): Promise<void> {
  await db.updateTable('datasets').set({ qualityBadge: badge }).where('id', '=', datasetId).execute();
}

/** Resource row ids of a dataset, with their current levels. */
export async function datasetResourceLevels(
  db: Kysely<Database>,
  datasetId: number,
): Promise<{ id: number; qualityLevel: string | null }[]> {
  return db
    .selectFrom('resources')
    .select(['id', 'qualityLevel'])
    .where('datasetId', '=', datasetId)
    .orderBy('seq')
    .execute();
}

/** resourceID → row id, for the resources of one dataset. */
export async function resourceRowIds(db: Kysely<Database>, datasetId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('resources')
    .select(['id', 'resourceId'])
    .where('datasetId', '=', datasetId)
    .execute();
  return new Map(rows.map((r) => [r.resourceId, r.id]));
}
