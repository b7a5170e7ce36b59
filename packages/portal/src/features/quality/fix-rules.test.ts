import { DEFAULT_BADGE_RULES } from '@odp/quality';
import { describe, expect, it } from 'vitest';
import {
  compareFixes,
  rankFixes,
  resourceFixes,
  type CheckFact,
  type Fix,
  type ResourceFacts,
} from './fix-rules.ts';

/** The fix list's rules on made-up check results: which fixes, what they gain, in what order. */

const PASSING = [
  'linkable',
  'downloadable',
  'format_match',
  'structured',
  'csv_convertible',
  'encoding_match',
  'fields_match',
  'metadata_complete',
  'standard_conformance',
];

function resource(
  overrides: Record<string, Partial<CheckFact>>,
  facts: Partial<ResourceFacts> = {},
): ResourceFacts {
  const checks: CheckFact[] = [...new Set([...PASSING, ...Object.keys(overrides)])].map((checkId) => ({
    checkId,
    status: 'pass',
    evidence: {},
    fixZh: null,
    fixEn: null,
    ...overrides[checkId],
  }));
  return {
    resourceID: 'A41000000G-000001-001',
    format: 'CSV',
    resourceNotes: null,
    kind: 'file',
    checks,
    copiedResources: new Set(),
    ...facts,
  };
}

const advice = { fixZh: '請修正', fixEn: 'Fix it' };

function fix(id: string, gain: Partial<Fix['gain']>, oneClick = false, check = 'linkable'): Fix {
  return {
    id,
    resourceId: id.split(':')[1] ?? 'A41000000G-000001-001',
    check,
    kind: check,
    gain: { badgeFrom: 'bronze', badgeTo: 'bronze', steps: 0, ...gain },
    oneClick,
    title: { zh: '', en: '' },
    how: { zh: '', en: '' },
  };
}

describe('the fix list of a resource', () => {
  it('offers re-encoding a CP950 CSV declared UTF-8 in one click, gaining silver → gold', () => {
    const fixes = resourceFixes(
      resource({
        encoding_match: { status: 'fail', evidence: { declared: 'UTF-8', detected: 'CP950' }, ...advice },
        standard_conformance: { status: 'fail', ...advice },
      }),
      DEFAULT_BADGE_RULES,
    );
    expect(fixes.map((f) => [f.id, f.oneClick, f.gain.badgeFrom, f.gain.badgeTo, f.gain.steps])).toEqual([
      ['to_utf8:A41000000G-000001-001', true, 'silver', 'gold', 1],
      ['standard_conformance:A41000000G-000001-001', false, 'silver', 'silver', 0],
    ]);
  });

  it('counts a fix that leaves another failing check of the same level as no badge step', () => {
    const fixes = resourceFixes(
      resource({
        linkable: { status: 'pass' },
        format_match: { status: 'fail', ...advice },
        structured: { status: 'fail', ...advice },
      }),
      DEFAULT_BADGE_RULES,
    );
    expect(fixes.map((f) => f.gain.steps)).toEqual([0, 0]);
    expect(fixes.every((f) => !f.oneClick)).toBe(true);
  });

  it('flattens headers only when the header rows are the whole problem, and only for CSV', () => {
    const headers = {
      csv_convertible: {
        status: 'fail',
        evidence: { headerRows: 2, raggedRows: 0, problems: ['2 header rows (multi-level header)'] },
        ...advice,
      },
    };
    expect(resourceFixes(resource(headers), DEFAULT_BADGE_RULES)[0]).toMatchObject({
      kind: 'flatten_headers',
      oneClick: true,
      gain: { badgeFrom: 'bronze', badgeTo: 'platinum', steps: 3 },
    });
    const ragged = {
      csv_convertible: {
        ...headers.csv_convertible,
        evidence: {
          headerRows: 2,
          raggedRows: 4,
          problems: ['2 header rows', '4 rows with a different number'],
        },
      },
    };
    expect(resourceFixes(resource(ragged), DEFAULT_BADGE_RULES)[0]).toMatchObject({
      kind: 'csv_convertible',
      oneClick: false,
    });
    expect(resourceFixes(resource(headers, { format: 'XLSX' }), DEFAULT_BADGE_RULES)[0]?.oneClick).toBe(
      false,
    );
  });

  it('offers CSV/JSON/XML copies of a structured JSON resource once, never of a platform copy', () => {
    const json = { structured: { status: 'pass', evidence: { sniffedFormat: 'JSON' } } };
    expect(resourceFixes(resource(json, { format: 'JSON' }), DEFAULT_BADGE_RULES)).toMatchObject([
      { kind: 'publish_copies', check: null, oneClick: true, gain: { steps: 0 } },
    ]);
    const copied = new Set(['A41000000G-000001-001']);
    expect(
      resourceFixes(resource(json, { format: 'JSON', copiedResources: copied }), DEFAULT_BADGE_RULES),
    ).toEqual([]);
    const copy = {
      format: 'JSON',
      resourceNotes: 'platform-generated from A41000000G-000001-002 at 2026-01-01',
    };
    expect(resourceFixes(resource(json, copy), DEFAULT_BADGE_RULES)).toEqual([]);
  });
});

describe('ranking fixes', () => {
  it('puts badge steps first, then MQA points, then one-click, then the resource furthest behind', () => {
    const ranked = rankFixes([
      fix('a:1', { steps: 0, points: 20 }),
      fix('b:1', { steps: 1 }),
      fix('c:1', { steps: 0, points: 20 }, true),
      fix('d:1', { steps: 2, badgeFrom: 'silver' }),
      fix('e:1', { steps: 2, badgeFrom: 'none' }),
      fix('f:1', { steps: 0 }),
    ]);
    expect(ranked.map((f) => f.id)).toEqual(['e:1', 'd:1', 'b:1', 'c:1', 'a:1', 'f:1']);
  });

  it('orders equal gains by the checks’ order, then by resource, so the list is stable', () => {
    const a = fix('x:R-002', {}, false, 'encoding_match');
    const b = fix('x:R-001', {}, false, 'linkable');
    const c = fix('y:R-001', {}, false, 'encoding_match');
    expect([a, b, c].sort(compareFixes).map((f) => f.id)).toEqual(['x:R-001', 'y:R-001', 'x:R-002']);
  });
});
