export { BADGE_LABELS_ZH, BADGE_LEVELS, DEFAULT_BADGE_RULES } from './badge/badge-rules.ts';
export type { Badge, BadgeLevel, BadgeRules } from './badge/badge-rules.ts';
export { datasetBadge, resourceBadge } from './badge/badge.ts';
export type { CheckOutcome } from './badge/badge.ts';
