import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';
import type { OrganizationRow } from '../organizations/organization.repo.ts';

/** The SQL of the portal pages: catalogue totals, the agency tree, per-agency counts and a dataset's usage. */

const listed = [...LISTED_STATUSES];

export interface CatalogueTotals {
  datasets: number;
  /** Distinct 提供機關 of the listed datasets. */
  organizations: number;
  /** Resources of the listed datasets. */
  resources: number;
}

export async function catalogueTotals(db: Kysely<Database>): Promise<CatalogueTotals> {
  const datasets = await db
    .selectFrom('datasets')
    .where('status', 'in', listed)
    .select((eb) => [
      eb.fn.countAll<number>().as('datasets'),
      eb.fn.count<number>('publisherName').distinct().as('organizations'),
    ])
    .executeTakeFirst();
  const resources = await db
    .selectFrom('resources')
    .innerJoin('datasets', 'datasets.id', 'resources.datasetId')
    .where('datasets.status', 'in', listed)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return {
    datasets: Number(datasets?.datasets ?? 0),
    organizations: Number(datasets?.organizations ?? 0),
    resources: Number(resources?.n ?? 0),
  };
}

/** English titles of datasets, where the catalogue has them (search hits carry only the Chinese). */
export async function englishTitles(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('datasets')
    .select(['id', 'titleEn'])
    .where('id', 'in', [...ids])
    .where('titleEn', 'is not', null)
    .where('titleEn', '<>', '')
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r.titleEn as string]));
}

export interface OrganizationCounts {
  /** Every organisation with listed datasets, and every ancestor of one. */
  organizations: OrganizationRow[];
  /** Listed datasets by organisation id (the organisation's own, not its children's). */
  own: Map<number, number>;
  /** Listed datasets whose publisher matched no organisation, by publisher name. */
  unmatched: { publisher: string; count: number }[];
}

export async function organizationCounts(db: Kysely<Database>): Promise<OrganizationCounts> {
  const counts = await db
    .selectFrom('datasets')
    .where('status', 'in', listed)
    .select(['organizationId', 'publisherName', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['organizationId', 'publisherName'])
    .execute();
  const own = new Map<number, number>();
  const unmatched = new Map<string, number>();
  for (const r of counts) {
    if (r.organizationId === null) {
      unmatched.set(r.publisherName, (unmatched.get(r.publisherName) ?? 0) + Number(r.n));
    } else {
      own.set(Number(r.organizationId), (own.get(Number(r.organizationId)) ?? 0) + Number(r.n));
    }
  }
  // Ancestors, a generation a query (agency trees are a few levels deep).
  const byId = new Map<number, OrganizationRow>();
  let wanted = [...own.keys()];
  for (let depth = 0; wanted.length > 0 && depth < 10; depth++) {
    const rows: OrganizationRow[] = [];
    for (let i = 0; i < wanted.length; i += 1_000) {
      rows.push(
        ...(await db
          .selectFrom('organizations')
          .selectAll()
          .where('id', 'in', wanted.slice(i, i + 1_000))
          .execute()),
      );
    }
    for (const r of rows) byId.set(r.id, r);
    wanted = [...new Set(rows.map((r) => r.parentId).filter((p): p is number => p !== null && !byId.has(p)))];
  }
  return {
    organizations: [...byId.values()].sort((a, b) => a.id - b.id),
    own,
    unmatched: [...unmatched]
      .map(([publisher, count]) => ({ publisher, count }))
      .sort((a, b) => b.count - a.count || (a.publisher < b.publisher ? -1 : 1)),
  };
}

/** The children of an organisation, with their listed datasets (own only). */
export async function childOrganizations(
  db: Kysely<Database>,
  parentId: number,
): Promise<(OrganizationRow & { datasetCount: number })[]> {
  const rows = await db
    .selectFrom('organizations')
    .selectAll('organizations')
    .select((eb) =>
      eb
        .selectFrom('datasets')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('datasets.organizationId', '=', 'organizations.id')
        .where('datasets.status', 'in', listed)
        .as('datasetCount'),
    )
    .where('parentId', '=', parentId)
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, datasetCount: Number(r.datasetCount ?? 0) }));
}

export async function organizationById(
  db: Kysely<Database>,
  id: number,
): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Listed datasets of an organisation by 品質標章 ('none' for unchecked or unbadged). */
export async function badgeCounts(
  db: Kysely<Database>,
  organizationId: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('datasets')
    .where('organizationId', '=', organizationId)
    .where('status', 'in', listed)
    .select(['qualityBadge', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('qualityBadge')
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) {
    const key = r.qualityBadge ?? 'none';
    out.set(key, (out.get(key) ?? 0) + Number(r.n));
  }
  return out;
}

/** 中央/地方 of the publishers named, through their datasets' matched organisations. */
export async function publisherLevels(
  db: Kysely<Database>,
  publishers: readonly string[],
): Promise<Map<string, string>> {
  if (publishers.length === 0) return new Map();
  const rows = await db
    .selectFrom('datasets')
    .innerJoin('organizations', 'organizations.id', 'datasets.organizationId')
    .select(['datasets.publisherName', 'organizations.level'])
    .where('datasets.publisherName', 'in', [...publishers])
    .distinct()
    .execute();
  return new Map(rows.map((r) => [r.publisherName, r.level]));
}

/** A dataset's page views and downloads, as the daily aggregation last counted them (docs/counting.md). */
export interface DatasetUsage {
  views: number;
  downloads: number;
  /** In the 7 days to the last complete day. */
  views7d: number;
  downloads7d: number;
}

/** The dataset's counts from dataset_usage_totals; all 0 before the job has counted any. */
export async function datasetUsage(db: Kysely<Database>, datasetId: number): Promise<DatasetUsage> {
  const row = await db
    .selectFrom('datasetUsageTotals')
    // The 7-day columns are views_7d and downloads_7d, which the camel-case mapping cannot spell.
    .select([
      'viewsTotal',
      'downloadsTotal',
      sql<number>`views_7d`.as('views7d'),
      sql<number>`downloads_7d`.as('downloads7d'),
    ])
    .where('datasetId', '=', datasetId)
    .executeTakeFirst();
  return {
    views: Number(row?.viewsTotal ?? 0),
    downloads: Number(row?.downloadsTotal ?? 0),
    views7d: Number(row?.views7d ?? 0),
    downloads7d: Number(row?.downloads7d ?? 0),
  };
}
