/**
 * Badge rules (QUALITY.md §2) as configuration: which check ids each level needs.
 * An operator can replace the table without touching code; the rules read check
 * ids only.
 */
export const BADGE_LEVELS = ['bronze', 'silver', 'gold', 'platinum'] as const;
export type BadgeLevel = (typeof BADGE_LEVELS)[number];
export type Badge = BadgeLevel | 'none';

/** Each level lists the checks it adds on top of the level below. */
export type BadgeRules = Record<BadgeLevel, readonly string[]>;

export const DEFAULT_BADGE_RULES: BadgeRules = {
  bronze: ['linkable', 'downloadable'],
  silver: ['format_match', 'structured', 'csv_convertible'],
  gold: ['encoding_match', 'fields_match', 'metadata_complete'],
  platinum: ['standard_conformance'],
};

/**
 * SERVICES/API resources: api_conformance stands in for the file checks (download,
 * format, structure, encoding, fields). Field standards are not checked on APIs, so an
 * API can reach gold at most.
 */
export const DEFAULT_API_BADGE_RULES: BadgeRules = {
  bronze: ['linkable', 'api_conformance'],
  silver: [],
  gold: ['metadata_complete'],
  platinum: ['standard_conformance'],
};

/** 銅/銀/金/白金/無 */
export const BADGE_LABELS_ZH: Record<Badge, string> = {
  platinum: '白金',
  gold: '金',
  silver: '銀',
  bronze: '銅',
  none: '無',
};
