import { BADGE_LEVELS, DEFAULT_BADGE_RULES, type Badge, type BadgeRules } from './badge-rules.ts';

export type CheckOutcome = 'pass' | 'fail' | 'warn' | 'not_applicable' | 'error';

/** A check counts towards a badge when it passed or did not apply to this resource. */
function satisfied(outcome: CheckOutcome | undefined): boolean {
  return outcome === 'pass' || outcome === 'not_applicable';
}

/** The highest level whose checks (and every lower level's) all hold. */
export function resourceBadge(
  outcomes: Readonly<Record<string, CheckOutcome>>,
  rules: BadgeRules = DEFAULT_BADGE_RULES,
): Badge {
  let badge: Badge = 'none';
  for (const level of BADGE_LEVELS) {
    if (!rules[level].every((check) => satisfied(outcomes[check]))) break;
    badge = level;
  }
  return badge;
}

const RANK: Record<Badge, number> = { none: 0, bronze: 1, silver: 2, gold: 3, platinum: 4 };

/** A dataset's badge is the lowest over its resources; no resources means none. */
export function datasetBadge(resourceBadges: readonly Badge[]): Badge {
  if (resourceBadges.length === 0) return 'none';
  return resourceBadges.reduce((low, b) => (RANK[b] < RANK[low] ? b : low));
}
