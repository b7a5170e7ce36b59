import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The back office's reads: organisations to choose from, and an organisation's datasets with their state. */

export interface ManagedOrganization {
  id: number;
  nameZh: string;
  nameEn: string | null;
  agencyCode: string | null;
  oid: string | null;
}

const ORGANIZATION_COLUMNS = ['id', 'nameZh', 'nameEn', 'agencyCode', 'oid'] as const;

/** The given organisations (undefined: every organisation), by name. */
export async function organizationsByIds(
  db: Kysely<Database>,
  ids: readonly number[] | undefined,
): Promise<ManagedOrganization[]> {
  if (ids !== undefined && ids.length === 0) return [];
  let query = db.selectFrom('organizations').select(ORGANIZATION_COLUMNS);
  if (ids !== undefined) query = query.where('id', 'in', [...ids]);
  const rows = await query.orderBy('nameZh').orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function organizationById(
  db: Kysely<Database>,
  id: number,
): Promise<ManagedOrganization | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select(ORGANIZATION_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, id: Number(row.id) } : undefined;
}

export interface ManagedDataset {
  datasetId: number;
  identifier: string;
  title: string;
  titleEn: string | null;
  status: string;
  qualityBadge: string | null;
  resourceCount: number;
  /** Checks whose latest result is `fail`, over the dataset's resources. */
  failedChecks: number;
  updatedAt: string;
}

/** An organisation's datasets (every status, or one), most recently changed first. */
export async function organizationDatasets(
  db: Kysely<Database>,
  options: { organizationId: number; status?: string | undefined; limit: number; offset: number },
): Promise<{ total: number; rows: ManagedDataset[] }> {
  let base = db.selectFrom('datasets').where('datasets.organizationId', '=', options.organizationId);
  if (options.status) base = base.where('datasets.status', '=', options.status);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await base
    .select([
      'datasets.id',
      'datasets.identifier',
      'datasets.titleZh',
      'datasets.titleEn',
      'datasets.status',
      'datasets.qualityBadge',
      'datasets.updatedAt',
    ])
    .select((eb) => [
      eb
        .selectFrom('resources')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('resources.datasetId', '=', 'datasets.id')
        .as('resourceCount'),
      eb
        .selectFrom('resourceChecks')
        .innerJoin('resources', 'resources.id', 'resourceChecks.resourceId')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('resources.datasetId', '=', 'datasets.id')
        .where('resourceChecks.status', '=', 'fail')
        .as('failedChecks'),
    ])
    .orderBy('datasets.updatedAt', 'desc')
    .orderBy('datasets.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      datasetId: Number(r.id),
      identifier: r.identifier,
      title: r.titleZh,
      titleEn: r.titleEn,
      status: r.status,
      qualityBadge: r.qualityBadge,
      resourceCount: Number(r.resourceCount ?? 0),
      failedChecks: Number(r.failedChecks ?? 0),
      updatedAt: r.updatedAt,
    })),
  };
}
