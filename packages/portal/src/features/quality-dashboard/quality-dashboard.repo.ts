import type { Kysely } from 'kysely';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';
import type { Database } from '../../db/schema.ts';

/** All SQL of the dashboards beyond the snapshots: failing checks, agencies, datasets. */

/** Check results that count as errors (常見錯誤樣態). */
export const FAILING_STATUSES = ['fail', 'error'] as const;

export interface FailingCheckCount {
  checkId: string;
  /** Resources whose latest result of the check fails. */
  resources: number;
  /** Datasets with at least one such resource. */
  datasets: number;
  /** The listed dataset with the lowest id among them: the example. */
  exampleDatasetId: number;
}

/** Failing checks by check id over the listed datasets (of one agency), most resources first. */
export async function failingCheckCounts(
  db: Kysely<Database>,
  organizationId: number | undefined,
  limit: number,
): Promise<FailingCheckCount[]> {
  let query = db
    .selectFrom('resourceChecks')
    .innerJoin('resources', 'resources.id', 'resourceChecks.resourceId')
    .innerJoin('datasets', 'datasets.id', 'resources.datasetId')
    .where('resourceChecks.status', 'in', [...FAILING_STATUSES])
    .where('datasets.status', 'in', [...LISTED_STATUSES]);
  if (organizationId !== undefined) query = query.where('datasets.organizationId', '=', organizationId);
  const rows = await query
    .select((eb) => [
      'resourceChecks.checkId',
      eb.fn.countAll<number | string>().as('resources'),
      eb.fn.count<number | string>('datasets.id').distinct().as('datasets'),
      eb.fn.min<number>('datasets.id').as('exampleDatasetId'),
    ])
    .groupBy('resourceChecks.checkId')
    .orderBy('resources', 'desc')
    .orderBy('resourceChecks.checkId')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    checkId: r.checkId,
    resources: Number(r.resources),
    datasets: Number(r.datasets),
    exampleDatasetId: Number(r.exampleDatasetId),
  }));
}

export interface FailingCheckExample {
  datasetId: number;
  titleZh: string;
  titleEn: string | null;
  resourceId: string;
  fixZh: string | null;
  fixEn: string | null;
}

/** The first failing resource of a check in a dataset, with its fix. */
export async function failingCheckExample(
  db: Kysely<Database>,
  checkId: string,
  datasetId: number,
): Promise<FailingCheckExample | undefined> {
  return db
    .selectFrom('resourceChecks')
    .innerJoin('resources', 'resources.id', 'resourceChecks.resourceId')
    .innerJoin('datasets', 'datasets.id', 'resources.datasetId')
    .where('resourceChecks.checkId', '=', checkId)
    .where('resources.datasetId', '=', datasetId)
    .where('resourceChecks.status', 'in', [...FAILING_STATUSES])
    .select([
      'datasets.id as datasetId',
      'datasets.titleZh',
      'datasets.titleEn',
      'resources.resourceId',
      'resourceChecks.fixZh',
      'resourceChecks.fixEn',
    ])
    .orderBy('resources.seq')
    .limit(1)
    .executeTakeFirst();
}

export interface AgencyDataset {
  datasetId: number;
  identifier: string;
  titleZh: string;
  titleEn: string | null;
  badge: string | null;
}

/** The listed datasets of an agency, by id. */
export async function agencyDatasets(db: Kysely<Database>, organizationId: number): Promise<AgencyDataset[]> {
  return db
    .selectFrom('datasets')
    .where('organizationId', '=', organizationId)
    .where('status', 'in', [...LISTED_STATUSES])
    .select(['id as datasetId', 'identifier', 'titleZh', 'titleEn', 'qualityBadge as badge'])
    .orderBy('id')
    .execute();
}

/** The failing check ids of each listed dataset of an agency (datasets with none are left out). */
export async function failingChecksByDataset(
  db: Kysely<Database>,
  organizationId: number,
): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom('resourceChecks')
    .innerJoin('resources', 'resources.id', 'resourceChecks.resourceId')
    .innerJoin('datasets', 'datasets.id', 'resources.datasetId')
    .where('datasets.organizationId', '=', organizationId)
    .where('datasets.status', 'in', [...LISTED_STATUSES])
    .where('resourceChecks.status', 'in', [...FAILING_STATUSES])
    .select(['datasets.id as datasetId', 'resourceChecks.checkId'])
    .distinct()
    .orderBy('datasets.id')
    .orderBy('resourceChecks.checkId')
    .execute();
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.datasetId, [...(out.get(r.datasetId) ?? []), r.checkId]);
  return out;
}

export interface AgencyName {
  id: number;
  nameZh: string;
  nameEn: string | null;
  level: string;
}

export async function agencyNames(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, AgencyName>> {
  if (ids.length === 0) return new Map();
  const out = new Map<number, AgencyName>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'nameZh', 'nameEn', 'level'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}
