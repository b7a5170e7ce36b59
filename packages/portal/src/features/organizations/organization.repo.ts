import type { Insertable, Kysely, Selectable } from 'kysely';
import { insertChunked } from '../../db/chunked-insert.ts';
import type { Database, OrganizationTable } from '../../db/schema.ts';

export type OrganizationRow = Selectable<OrganizationTable>;

export async function getOrganization(
  db: Kysely<Database>,
  key: string,
): Promise<OrganizationRow | undefined> {
  const text = key.trim();
  let q = db.selectFrom('organizations').selectAll();
  if (/^\d+$/.test(text)) q = q.where('id', '=', Number(text));
  else if (/^\d+(\.\d+)+$/.test(text)) q = q.where('oid', '=', text);
  else q = q.where('agencyCode', '=', text);
  return q.executeTakeFirst();
}

export async function listOrganizations(
  db: Kysely<Database>,
  options: {
    limit: number;
    offset: number;
    level?: string | undefined;
    parentId?: number | undefined;
    q?: string | undefined;
  },
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
    for (const name of new Set([
      r.nameZh,
      r.nameZh.replaceAll('台', '臺'),
      r.nameZh.replaceAll('臺', '台'),
    ])) {
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

/** Every organisation that has an OID (the registry's part of the table). */
export async function organizationsWithOid(db: Kysely<Database>): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().where('oid', 'is not', null).orderBy('id').execute();
}

/** Inserts organisations and returns their new ids with their OIDs, in as few statements as allowed. */
export async function insertOrganizationsReturningIds(
  db: Kysely<Database>,
  rows: readonly Omit<Insertable<OrganizationTable>, 'id'>[],
): Promise<{ id: number; oid: string | null }[]> {
  const out: { id: number; oid: string | null }[] = [];
  const size = 2_000;
  for (let i = 0; i < rows.length; i += size) {
    out.push(
      ...(await db
        .insertInto('organizations')
        .values(rows.slice(i, i + size))
        .returning(['id', 'oid'])
        .execute()),
    );
  }
  return out;
}

export async function updateOrganization(
  db: Kysely<Database>,
  id: number,
  patch: Partial<Omit<Insertable<OrganizationTable>, 'id' | 'createdAt'>>,
): Promise<void> {
  await db.updateTable('organizations').set(patch).where('id', '=', id).execute();
}

/** The organisation a publisher names: by OID, then agency code, then name (臺/台 either way). */
export async function findPublisherOrganization(
  db: Kysely<Database>,
  publisher: { oid: string | null | undefined; agencyCode: string; name: string },
): Promise<{ organization: OrganizationRow | undefined; parent: OrganizationRow | undefined }> {
  const names = [
    ...new Set([
      publisher.name,
      publisher.name.replaceAll('台', '臺'),
      publisher.name.replaceAll('臺', '台'),
    ]),
  ];
  const candidates = await db
    .selectFrom('organizations')
    .selectAll()
    .where((w) =>
      w.or([
        ...(publisher.oid ? [w('oid', '=', publisher.oid)] : []),
        w('agencyCode', '=', publisher.agencyCode),
        w('nameZh', 'in', names),
      ]),
    )
    .orderBy('id')
    .execute();
  const organization =
    (publisher.oid ? candidates.find((o) => o.oid === publisher.oid) : undefined) ??
    candidates.find((o) => o.agencyCode === publisher.agencyCode) ??
    candidates.find((o) => o.nameZh === publisher.name) ??
    candidates.find((o) => names.includes(o.nameZh));
  const parent = organization?.parentId
    ? await db
        .selectFrom('organizations')
        .selectAll()
        .where('id', '=', organization.parentId)
        .executeTakeFirst()
    : undefined;
  return { organization, parent };
}
