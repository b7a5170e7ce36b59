import type { Insertable, Kysely } from 'kysely';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';
import type { Database, QualitySnapshotTable } from '../../db/schema.ts';
import { addCount, badgeOf, emptyCounts, type BadgeCounts } from './award-score.ts';

/** All SQL of the daily quality snapshots and of the live badge counts they copy. */

export const SNAPSHOT_LEVELS = ['all', 'central', 'local'] as const;
export type SnapshotLevel = (typeof SNAPSHOT_LEVELS)[number];

export interface OrganizationCounts {
  organizationId: number;
  level: string;
  counts: BadgeCounts;
}

export interface LiveCounts {
  platform: Record<SnapshotLevel, BadgeCounts>;
  /** Agencies with at least one listed dataset. */
  organizations: Map<number, OrganizationCounts>;
}

/** The badges of every listed dataset now, for the platform, 中央/地方 and each agency. */
export async function liveBadgeCounts(db: Kysely<Database>): Promise<LiveCounts> {
  const rows = await db
    .selectFrom('datasets')
    .leftJoin('organizations', 'organizations.id', 'datasets.organizationId')
    .where('datasets.status', 'in', [...LISTED_STATUSES])
    .select([
      'datasets.organizationId',
      'organizations.level',
      'datasets.qualityBadge',
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy(['datasets.organizationId', 'organizations.level', 'datasets.qualityBadge'])
    .execute();
  const platform = { all: emptyCounts(), central: emptyCounts(), local: emptyCounts() };
  const organizations = new Map<number, OrganizationCounts>();
  for (const r of rows) {
    const n = Number(r.n);
    const badge = badgeOf(r.qualityBadge);
    addCount(platform.all, badge, n);
    if (r.level === 'central' || r.level === 'local') addCount(platform[r.level], badge, n);
    if (r.organizationId === null) continue;
    let entry = organizations.get(r.organizationId);
    if (!entry) {
      entry = { organizationId: r.organizationId, level: r.level ?? 'central', counts: emptyCounts() };
      organizations.set(r.organizationId, entry);
    }
    addCount(entry.counts, badge, n);
  }
  return { platform, organizations };
}

export type SnapshotRow = Omit<Insertable<QualitySnapshotTable>, 'id'>;

/** Replaces every snapshot row of a day (the job may run again the same day). */
export async function replaceSnapshotDay(
  db: Kysely<Database>,
  day: string,
  rows: readonly SnapshotRow[],
): Promise<void> {
  await db.deleteFrom('qualitySnapshots').where('day', '=', day).execute();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('qualitySnapshots')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export interface TrendRow extends BadgeCounts {
  day: string;
  awardScore: number;
}

/** The snapshots of the platform (organizationId null) at a level, or of one agency, oldest first. */
export async function snapshotTrend(
  db: Kysely<Database>,
  scope: { organizationId: number } | { level: SnapshotLevel },
  days = 366,
): Promise<TrendRow[]> {
  let query = db
    .selectFrom('qualitySnapshots')
    .select(['day', 'platinum', 'gold', 'silver', 'bronze', 'none', 'total', 'awardScore']);
  query =
    'organizationId' in scope
      ? query.where('organizationId', '=', scope.organizationId)
      : query.where('organizationId', 'is', null).where('level', '=', scope.level);
  const rows = await query.orderBy('day', 'desc').limit(days).execute();
  return rows.reverse().map((r) => ({
    day: r.day,
    platinum: Number(r.platinum),
    gold: Number(r.gold),
    silver: Number(r.silver),
    bronze: Number(r.bronze),
    none: Number(r.none),
    total: Number(r.total),
    awardScore: Number(r.awardScore),
  }));
}
