/** @odp/quality: fetch, sniff and check open-data resources; badge rules. */
export {
  BADGE_LABELS_ZH,
  BADGE_LEVELS,
  DEFAULT_API_BADGE_RULES,
  DEFAULT_BADGE_RULES,
} from './badge/badge-rules.ts';
export type { Badge, BadgeLevel, BadgeRules } from './badge/badge-rules.ts';
export { datasetBadge, resourceBadge } from './badge/badge.ts';
export { DEFAULT_BADGE_RULE_SET, parseBadgeRules, type BadgeRuleSet } from './badge/badge-rules-file.ts';
export type { CheckOutcome } from './badge/badge.ts';
export type { CheckResult, CheckStatus, Fix, ResourceCheck, ResourceKind } from './checks/check.ts';
export type {
  ApiEvidence,
  BodyEvidence,
  CheckContext,
  ContentVersion,
  DeclaredField,
  DeclaredResource,
  HttpEvidence,
  SniffEvidence,
  TableEvidence,
} from './checks/check-context.ts';
export { ALL_CHECKS, CHECK_IDS } from './checks/all-checks.ts';
export { CHECK_TITLES, STATUS_TITLES } from './checks/check-titles.ts';
export { runChecks, type RecordedResult } from './checks/run-checks.ts';
export { inspectResource, type InspectOptions, type Inspection } from './inspect/inspect-resource.ts';
export { checkJson, runCheckCli } from './cli.ts';
export * from './fetch/index.ts';
export * from './sniff/index.ts';
export * from './standards/index.ts';
export * from './privacy/index.ts';
