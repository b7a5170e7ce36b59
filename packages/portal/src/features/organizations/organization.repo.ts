import type { Insertable, Kysely, Selectable } from 'kysely';
import { insertChunked } from '../../db/chunked-insert.ts';
import type { Database, OrganizationTable } from '../../db/schema.ts';

export type OrganizationRow = Selectable<OrganizationTable>;

export async function getOrganization(db: Kysely<Database>, key: string): Promise<OrganizationRow | undefined> {
  const text = key.trim();
  let q = db.selectFrom('organizations').selectAll();
  if (/^\d+$/.test(text)) q = q.where('id', '=', Number(text));
  else if (/^\d+(\.\d+)+$/.test(text)) q = q.where('oid', '=', text);
  else q = q.where('agencyCode', '=', text);
  return q.executeTakeFirst();
}

export async function listOrganizations(
  db: Kysely<Database>,
  options: { limit: number; offset: number; level?: string | undefined; parentId?: number | undefined; q?: string | undefined },
): Promise<{ total: number; rows: (OrganizationRow & { datasetCount: number })[] }> {
  let q = db.selectFrom('organizations');
  if (options.level) q = q.where('level', '=', options.level);
  if (options.parentId !== undefined) q = q.where('parentId', '=', options.parentId);
  if (options.q) q = q.where('nameZh', 'like', `%${options.q}%`);
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q
    .selectAll('organizations')
    .select((eb) =>
      eb
        .selectFrom('datasets')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('datasets.organizationId', '=', 'organizations.id')
        .where('datasets.status', 'in', ['published', 'delisting_scheduled', 'historical'])
        .as('datasetCount'),
    )
    .orderBy('organizations.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({ ...r, datasetCount: Number(r.datasetCount ?? 0) })),
  };
}

/** Lookup tables used to attach datasets to organisations by OID or name. */
export async function organizationIndex(db: Kysely<Database>): Promise<{
  byOid: Map<string, OrganizationRow>;
  byName: Map<string, OrganizationRow>;
  byCode: Map<string, OrganizationRow>;
}> {
  const rows = await db.selectFrom('organizations').selectAll().execute();
  const byOid = new Map<string, OrganizationRow>();
  const byName = new Map<string, OrganizationRow>();
  const byCode = new Map<string, OrganizationRow>();
  for (const r of rows) {
    if (r.oid) byOid.set(r.oid, r);
    if (r.agencyCode) byCode.set(r.agencyCode, r);
    // The first organisation with a name wins; 臺/台 spellings are both indexed.
    for (const name of new Set([r.nameZh, r.nameZh.replaceAll('台', '臺'), r.nameZh.replaceAll('臺', '台')])) {
      if (!byName.has(name)) byName.set(name, r);
    }
  }
  return { byOid, byName, byCode };
}

export async function insertOrganizations(
  db: Kysely<Database>,
  rows: readonly Omit<Insertable<OrganizationTable>, 'id'>[],
): Promise<void> {
  await insertChunked(db, 'organizations', rows);
}

export async function insertOrganization(
  db: Kysely<Database>,
  row: Omit<Insertable<OrganizationTable>, 'id'>,
): Promise<OrganizationRow> {
  return db.insertInto('organizations').values(row).returningAll().executeTakeFirstOrThrow();
}
