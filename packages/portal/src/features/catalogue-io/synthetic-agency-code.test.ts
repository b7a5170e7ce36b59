import { describe, expect, it } from 'vitest';
import { AGENCY_CODE_PATTERN } from '@odp/quality/metadata';
import { syntheticAgencyCode } from './synthetic-agency-code.ts';

describe('syntheticAgencyCode', () => {
  it('is a valid 10-character agency code that no real agency has', () => {
    const code = syntheticAgencyCode('宜蘭縣政府民政處');
    expect(code).toMatch(AGENCY_CODE_PATTERN);
    expect(code).toMatch(/^X_[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it('is deterministic (a known value, so it cannot drift between releases)', () => {
    expect(syntheticAgencyCode('經濟部水利署')).toBe('X_W4BAPC4Y');
  });

  it('reads 台/臺, full-width forms and spaces as the same publisher', () => {
    const code = syntheticAgencyCode('臺東縣政府');
    expect(syntheticAgencyCode('台東縣政府')).toBe(code);
    expect(syntheticAgencyCode(' 臺東縣 政府 ')).toBe(code);
    expect(syntheticAgencyCode('ＯＤＰ測試機關')).toBe(syntheticAgencyCode('ODP測試機關'));
  });

  it('gives different publishers different codes', () => {
    const names = ['臺北市政府', '新北市政府', '桃園市政府', '臺中市政府', '臺南市政府', '高雄市政府'];
    expect(new Set(names.map(syntheticAgencyCode)).size).toBe(names.length);
  });
});
