import { CHECK_IDS } from '../checks/all-checks.ts';
import {
  BADGE_LEVELS,
  DEFAULT_API_BADGE_RULES,
  DEFAULT_BADGE_RULES,
  type BadgeRules,
} from './badge-rules.ts';

export interface BadgeRuleSet {
  file: BadgeRules;
  api: BadgeRules;
}

export const DEFAULT_BADGE_RULE_SET: BadgeRuleSet = {
  file: DEFAULT_BADGE_RULES,
  api: DEFAULT_API_BADGE_RULES,
};

/**
 * Reads an operator's badge rules: `{"file": {"bronze": [...], …}, "api": {...}}`, either
 * part optional (the defaults stand in). Every level must be listed and every check id
 * must exist; the message says what is wrong.
 */
export function parseBadgeRules(value: unknown): BadgeRuleSet {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('badge rules must be a JSON object');
  const unknownKeys = Object.keys(value).filter((k) => k !== 'file' && k !== 'api');
  if (unknownKeys.length > 0)
    throw new Error(`unknown keys ${unknownKeys.join(', ')} (expected file and api)`);
  const part = (key: 'file' | 'api', fallback: BadgeRules): BadgeRules => {
    const raw = (value as Record<string, unknown>)[key];
    if (raw === undefined) return fallback;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new Error(`${key} must be an object of levels`);
    const rules = {} as Record<(typeof BADGE_LEVELS)[number], string[]>;
    for (const level of BADGE_LEVELS) {
      const checks = (raw as Record<string, unknown>)[level];
      if (!Array.isArray(checks) || checks.some((c) => typeof c !== 'string'))
        throw new Error(`${key}.${level} must be a list of check ids`);
      const unknown = checks.filter((c: string) => !CHECK_IDS.includes(c));
      if (unknown.length > 0) throw new Error(`${key}.${level} names unknown checks: ${unknown.join(', ')}`);
      rules[level] = checks as string[];
    }
    const extra = Object.keys(raw).filter((k) => !(BADGE_LEVELS as readonly string[]).includes(k));
    if (extra.length > 0) throw new Error(`${key} has unknown levels: ${extra.join(', ')}`);
    return rules;
  };
  return { file: part('file', DEFAULT_BADGE_RULES), api: part('api', DEFAULT_API_BADGE_RULES) };
}
