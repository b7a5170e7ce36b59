import { sql, type Kysely } from 'kysely';
import { insertChunked } from '../../db/chunked-insert.ts';
import type { Database } from '../../db/schema.ts';
import { datasetFromRow, datasetToRow, resourceFromRow, resourceToRow } from './dataset.mapper.ts';
import type { DatasetRecord, ResourceRecord } from './dataset.record.ts';
import type { DatasetListQuery } from './dataset.schema.ts';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';

/** All SQL of datasets, resources, their keywords, themes and versions. */

const IN_CHUNK = 5_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function loadDatasets(db: Kysely<Database>, ids: readonly number[]): Promise<DatasetRecord[]> {
  if (ids.length === 0) return [];
  const rows = [];
  const resources = new Map<number, ResourceRecord[]>();
  const themes = new Map<number, string[]>();
  for (const part of chunks(ids, IN_CHUNK)) {
    rows.push(...(await db.selectFrom('datasets').selectAll().where('id', 'in', part).execute()));
    const resourceRows = await db
      .selectFrom('resources')
      .selectAll()
      .where('datasetId', 'in', part)
      .orderBy('datasetId')
      .orderBy('seq')
      .execute();
    for (const r of resourceRows) {
      const list = resources.get(r.datasetId) ?? [];
      list.push(resourceFromRow(r));
      resources.set(r.datasetId, list);
    }
    const themeRows = await db
      .selectFrom('datasetThemes')
      .selectAll()
      .where('datasetId', 'in', part)
      .orderBy('themeCode')
      .execute();
    for (const t of themeRows) {
      const list = themes.get(t.datasetId) ?? [];
      list.push(t.themeCode);
      themes.set(t.datasetId, list);
    }
  }
  const byId = new Map(
    rows.map((r) => [r.id, datasetFromRow(r, resources.get(r.id) ?? [], themes.get(r.id) ?? [])]),
  );
  return ids.map((id) => byId.get(id)).filter((d): d is DatasetRecord => d !== undefined);
}

/** Finds a datasetId from a numeric id or an identifier (機關代碼-流水號). */
export async function findDatasetId(db: Kysely<Database>, key: string | number): Promise<number | undefined> {
  const text = String(key).trim();
  const query = /^\d+$/.test(text)
    ? db.selectFrom('datasets').select('id').where('id', '=', Number(text))
    : db.selectFrom('datasets').select('id').where('identifier', '=', text);
  const row = await query.executeTakeFirst();
  return row?.id;
}

export async function existingIdentifiers(
  db: Kysely<Database>,
  identifiers: readonly string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const part of chunks(identifiers, IN_CHUNK)) {
    const rows = await db
      .selectFrom('datasets')
      .select(['id', 'identifier'])
      .where('identifier', 'in', part)
      .execute();
    for (const r of rows) found.set(r.identifier, r.id);
  }
  return found;
}

export async function existingDatasetIds(db: Kysely<Database>, ids: readonly number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (const part of chunks(ids, IN_CHUNK)) {
    const rows = await db.selectFrom('datasets').select('id').where('id', 'in', part).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

export async function nextDatasetId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('datasets')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** After inserting explicit ids PostgreSQL's sequence must move past them. */
export async function syncIdSequence(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select setval(pg_get_serial_sequence('datasets', 'id'), greatest((select max(id) from datasets), 1))`.execute(
    db,
  );
}

function keywordRows(d: DatasetRecord) {
  return d.keyword.map((keyword, position) => ({ datasetId: d.datasetId, keyword, position }));
}

function themeRows(d: DatasetRecord) {
  return d.themes.map((themeCode) => ({ datasetId: d.datasetId, themeCode }));
}

/** Inserts new datasets (ids already assigned) with their children. */
export async function insertDatasets(db: Kysely<Database>, records: readonly DatasetRecord[]): Promise<void> {
  await insertChunked(db, 'datasets', records.map(datasetToRow));
  await insertChunked(
    db,
    'resources',
    records.flatMap((d) => d.distribution.map((r) => resourceToRow(d.datasetId, r, d.updatedAt))),
  );
  await insertChunked(db, 'datasetKeywords', records.flatMap(keywordRows));
  await insertChunked(db, 'datasetThemes', records.flatMap(themeRows));
}

/** Replaces a dataset's row and children; resources are matched by resourceID. */
export async function updateDataset(db: Kysely<Database>, d: DatasetRecord): Promise<void> {
  const { id: _id, createdAt: _createdAt, ...row } = datasetToRow(d);
  await db.updateTable('datasets').set(row).where('id', '=', d.datasetId).execute();

  const existing = await db
    .selectFrom('resources')
    .select(['id', 'resourceId', 'createdAt'])
    .where('datasetId', '=', d.datasetId)
    .execute();
  const keep = new Set(d.distribution.map((r) => r.resourceID));
  const gone = existing.filter((r) => !keep.has(r.resourceId)).map((r) => r.id);
  if (gone.length > 0) await db.deleteFrom('resources').where('id', 'in', gone).execute();
  const byResourceId = new Map(existing.map((r) => [r.resourceId, r]));
  const inserts = [];
  for (const r of d.distribution) {
    const row = resourceToRow(d.datasetId, r, d.updatedAt);
    const old = byResourceId.get(r.resourceID);
    if (old) {
      await db
        .updateTable('resources')
        .set({ ...row, createdAt: old.createdAt })
        .where('id', '=', old.id)
        .execute();
    } else {
      inserts.push(row);
    }
  }
  await insertChunked(db, 'resources', inserts);

  await db.deleteFrom('datasetKeywords').where('datasetId', '=', d.datasetId).execute();
  await insertChunked(db, 'datasetKeywords', keywordRows(d));
  await db.deleteFrom('datasetThemes').where('datasetId', '=', d.datasetId).execute();
  await insertChunked(db, 'datasetThemes', themeRows(d));
}

/** Resource ids used by other datasets: a resourceID is unique platform-wide. */
export async function resourceIdsOwnedElsewhere(
  db: Kysely<Database>,
  resourceIds: readonly string[],
  datasetIds: readonly number[],
): Promise<string[]> {
  const taken: string[] = [];
  for (const part of chunks(resourceIds, IN_CHUNK)) {
    let q = db.selectFrom('resources').select('resourceId').where('resourceId', 'in', part);
    if (datasetIds.length > 0) q = q.where('datasetId', 'not in', datasetIds);
    taken.push(...(await q.execute()).map((r) => r.resourceId));
  }
  return taken;
}

export interface ListResult {
  total: number;
  ids: number[];
}

export async function listDatasetIds(
  db: Kysely<Database>,
  query: DatasetListQuery,
  options: { includeUnlisted: boolean },
): Promise<ListResult> {
  let q = db.selectFrom('datasets');
  if (query.status) q = q.where('datasets.status', '=', query.status);
  else if (!options.includeUnlisted) q = q.where('datasets.status', 'in', [...LISTED_STATUSES]);
  if (!options.includeUnlisted && query.status && !LISTED_STATUSES.includes(query.status)) {
    q = q.where(sql.lit(false));
  }
  if (query.category) q = q.where('datasets.categoryCode', '=', query.category);
  if (query.type) q = q.where('datasets.type', '=', query.type);
  if (query.license) q = q.where('datasets.license', '=', query.license);
  if (query.badge) q = q.where('datasets.qualityBadge', '=', query.badge);
  if (query.organization) {
    const key = query.organization;
    q = q.where('datasets.organizationId', 'in', (eb) =>
      eb
        .selectFrom('organizations')
        .select('organizations.id')
        .where((w) =>
          w.or([
            w('organizations.oid', '=', key),
            w('organizations.agencyCode', '=', key),
            ...(/^\d+$/.test(key) ? [w('organizations.id', '=', Number(key))] : []),
          ]),
        ),
    );
  }
  if (query.theme) {
    const theme = query.theme;
    q = q.where('datasets.id', 'in', (eb) =>
      eb
        .selectFrom('datasetThemes')
        .select('datasetThemes.datasetId')
        .where('datasetThemes.themeCode', '=', theme),
    );
  }
  if (query.keyword) {
    const keyword = query.keyword;
    q = q.where('datasets.id', 'in', (eb) =>
      eb
        .selectFrom('datasetKeywords')
        .select('datasetKeywords.datasetId')
        .where('datasetKeywords.keyword', '=', keyword),
    );
  }
  if (query.format) {
    const format = query.format.toUpperCase();
    q = q.where('datasets.id', 'in', (eb) =>
      eb
        .selectFrom('resources')
        .select('resources.datasetId')
        .where(sql`upper(resources.format)`, '=', format),
    );
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((w) =>
      w.or([
        w(sql`datasets.title_zh`, 'like', sql`${like} escape '\\'`),
        w(sql`lower(datasets.title_en)`, 'like', sql`lower(${like}) escape '\\'`),
      ]),
    );
  }
  const countRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const total = Number(countRow?.n ?? 0);
  let ordered = q.select('datasets.id');
  switch (query.sort) {
    case 'modified':
      ordered = ordered.orderBy('datasets.updatedAt', 'asc').orderBy('datasets.id', 'asc');
      break;
    case '-modified':
      ordered = ordered.orderBy('datasets.updatedAt', 'desc').orderBy('datasets.id', 'desc');
      break;
    case 'newest':
      ordered = ordered.orderBy('datasets.id', 'desc');
      break;
    case 'oldest':
    case 'id':
      ordered = ordered.orderBy('datasets.id', 'asc');
      break;
    case 'title':
      ordered = ordered.orderBy('datasets.titleZh', 'asc').orderBy('datasets.id', 'asc');
      break;
  }
  const rows = await ordered.limit(query.limit).offset(query.offset).execute();
  return { total, ids: rows.map((r) => r.id) };
}

export async function insertVersions(
  db: Kysely<Database>,
  versions: readonly {
    datasetId: number;
    version: number;
    actor: string;
    action: string;
    changes: unknown;
    snapshot: DatasetRecord;
    createdAt: string;
  }[],
): Promise<void> {
  await insertChunked(
    db,
    'datasetVersions',
    versions.map((v) => ({
      datasetId: v.datasetId,
      version: v.version,
      actor: v.actor,
      action: v.action,
      changes: JSON.stringify(v.changes),
      snapshot: JSON.stringify(v.snapshot),
      createdAt: v.createdAt,
    })),
  );
}

/** A dataset's versions, newest first (at most `limit` of them when given). */
export async function listVersions(db: Kysely<Database>, datasetId: number, limit?: number) {
  let query = db
    .selectFrom('datasetVersions')
    .select(['version', 'actor', 'action', 'changes', 'createdAt'])
    .where('datasetId', '=', datasetId)
    .orderBy('version', 'desc');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as Record<string, unknown> }));
}

export async function getVersion(db: Kysely<Database>, datasetId: number, version: number) {
  const row = await db
    .selectFrom('datasetVersions')
    .selectAll()
    .where('datasetId', '=', datasetId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    version: row.version,
    actor: row.actor,
    action: row.action,
    createdAt: row.createdAt,
    changes: JSON.parse(row.changes) as Record<string, unknown>,
    snapshot: JSON.parse(row.snapshot) as DatasetRecord,
  };
}

/** The dataset that owns a resource (a resourceID is unique platform-wide). */
export async function findDatasetIdByResourceId(
  db: Kysely<Database>,
  resourceId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('resources')
    .select('datasetId')
    .where('resourceId', '=', resourceId)
    .executeTakeFirst();
  return row?.datasetId;
}

/** Publicly listed datasets after `afterId`, in datasetId order: a cursor for streaming exports. */
export async function listedDatasetIdsAfter(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('datasets')
    .select('id')
    .where('status', 'in', [...LISTED_STATUSES])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
