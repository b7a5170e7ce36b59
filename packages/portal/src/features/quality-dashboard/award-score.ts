import type { Badge } from '@odp/quality';

/**
 * Badge counts and the agency award score (QUALITY.md §2: bronze 0.3, silver 0.6, gold
 * 1.0). Platinum is gold and more, so it weighs as gold: 1.0. A group's award score is
 * the average weight over its datasets (0 to 1); datasets without a badge weigh 0.
 */

/** Highest first, as the dashboards list them. */
export const DASHBOARD_BADGES = ['platinum', 'gold', 'silver', 'bronze', 'none'] as const satisfies Badge[];

export const AWARD_WEIGHTS: Record<Badge, number> = {
  platinum: 1,
  gold: 1,
  silver: 0.6,
  bronze: 0.3,
  none: 0,
};

/** Datasets by badge, and all of them. */
export type BadgeCounts = Record<Badge, number> & { total: number };

export function emptyCounts(): BadgeCounts {
  return { platinum: 0, gold: 0, silver: 0, bronze: 0, none: 0, total: 0 };
}

/** A stored badge (null: never checked) as one of the five. */
export function badgeOf(value: string | null): Badge {
  return value !== null && value in AWARD_WEIGHTS ? (value as Badge) : 'none';
}

export function addCount(counts: BadgeCounts, badge: Badge, n: number): void {
  counts[badge] += n;
  counts.total += n;
}

/** The average award weight, rounded to 3 decimals (0 for no datasets). */
export function awardScore(counts: BadgeCounts): number {
  if (counts.total === 0) return 0;
  const sum = DASHBOARD_BADGES.reduce((s, b) => s + counts[b] * AWARD_WEIGHTS[b], 0);
  return Math.round((sum / counts.total) * 1000) / 1000;
}

/** The share of datasets with any badge, in percent with 1 decimal (0 for no datasets). */
export function badgedPercent(counts: Pick<BadgeCounts, 'none' | 'total'>): number {
  if (counts.total === 0) return 0;
  return Math.round(((counts.total - counts.none) / counts.total) * 1000) / 10;
}

const ORDER: Record<Badge, number> = { none: 0, bronze: 1, silver: 2, gold: 3, platinum: 4 };

/** True when `after` is a lower badge than `before` (a first check is never a drop). */
export function isBadgeDrop(before: string | null, after: Badge): boolean {
  return before !== null && before in ORDER && ORDER[after] < ORDER[before as Badge];
}
