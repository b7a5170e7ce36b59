import { describe, expect, it } from 'vitest';
import { datasetBadge, resourceBadge, type CheckOutcome } from './badge.ts';

const all = (outcome: CheckOutcome, ids: string[]) => Object.fromEntries(ids.map((id) => [id, outcome]));
const BRONZE = ['linkable', 'downloadable'];
const SILVER = [...BRONZE, 'format_match', 'structured', 'csv_convertible'];
const GOLD = [...SILVER, 'encoding_match', 'fields_match', 'metadata_complete'];

describe('badge rules', () => {
  it('gives none when a bronze check fails', () => {
    expect(resourceBadge({ ...all('pass', GOLD), linkable: 'fail' })).toBe('none');
  });

  it('climbs level by level and stops at the first level with a failing check', () => {
    expect(resourceBadge(all('pass', BRONZE))).toBe('bronze');
    expect(resourceBadge(all('pass', SILVER))).toBe('silver');
    expect(resourceBadge({ ...all('pass', GOLD), encoding_match: 'warn' })).toBe('silver');
    expect(resourceBadge({ ...all('pass', GOLD), standard_conformance: 'pass' })).toBe('platinum');
  });

  it('never skips a level: gold checks passing do not help when silver fails', () => {
    expect(resourceBadge({ ...all('pass', GOLD), structured: 'fail', standard_conformance: 'pass' })).toBe(
      'bronze',
    );
  });

  it('counts not_applicable as satisfied and error as not', () => {
    expect(resourceBadge({ ...all('pass', SILVER), csv_convertible: 'not_applicable' })).toBe('silver');
    expect(resourceBadge({ ...all('pass', SILVER), csv_convertible: 'error' })).toBe('bronze');
  });

  it('reads its rules from configuration', () => {
    const rules = { bronze: ['linkable'], silver: [], gold: [], platinum: ['never'] };
    expect(resourceBadge({ linkable: 'pass' }, rules)).toBe('gold');
  });

  it('gives a dataset the lowest badge over its resources', () => {
    expect(datasetBadge(['gold', 'bronze', 'silver'])).toBe('bronze');
    expect(datasetBadge([])).toBe('none');
  });
});

describe('parseBadgeRules', () => {
  it('reads an operator’s rules and keeps the defaults for the part not given', async () => {
    const { parseBadgeRules, DEFAULT_BADGE_RULE_SET } = await import('./badge-rules-file.ts');
    const file = {
      bronze: ['linkable'],
      silver: ['downloadable'],
      gold: [],
      platinum: ['standard_conformance'],
    };
    expect(parseBadgeRules({ file })).toEqual({ file, api: DEFAULT_BADGE_RULE_SET.api });
    expect(parseBadgeRules({})).toEqual(DEFAULT_BADGE_RULE_SET);
  });

  it('refuses unknown checks, missing levels and stray keys with a clear message', async () => {
    const { parseBadgeRules } = await import('./badge-rules-file.ts');
    const levels = { bronze: [], silver: [], gold: [], platinum: [] };
    expect(() => parseBadgeRules({ file: { ...levels, gold: ['spelling'] } })).toThrow(
      'file.gold names unknown checks: spelling',
    );
    expect(() => parseBadgeRules({ api: { bronze: [] } })).toThrow('api.silver must be a list of check ids');
    expect(() => parseBadgeRules({ files: {} })).toThrow('unknown keys files');
    expect(() => parseBadgeRules({ file: { ...levels, diamond: [] } })).toThrow(
      'file has unknown levels: diamond',
    );
    expect(() => parseBadgeRules([])).toThrow('must be a JSON object');
  });
});
