import { describe, expect, it } from 'vitest';
import { DEFAULT_API_BADGE_RULES } from '../badge/badge-rules.ts';
import { resourceBadge } from '../badge/badge.ts';
import { fileContext } from '../test/check-fixtures.ts';
import type { ResourceCheck } from './check.ts';
import { CHECK_IDS } from './all-checks.ts';
import { runChecks } from './run-checks.ts';

describe('runChecks', () => {
  it('runs the file checks for a file and the API checks for an API', async () => {
    const file = await runChecks(fileContext());
    expect(Object.keys(file)).not.toContain('api_conformance');
    expect(Object.keys(file)).toContain('downloadable');
    const api = await runChecks(fileContext({}, { kind: 'api' }));
    expect(Object.keys(api).sort()).toEqual([
      'api_conformance',
      'freshness',
      'linkable',
      'metadata_complete',
    ]);
  });

  it('records a check that throws as error, with its version, and keeps going', async () => {
    const broken: ResourceCheck = {
      id: 'broken',
      version: 3,
      appliesTo: ['file'],
      dimension: 'beyond',
      run: () => {
        throw new Error('boom');
      },
    };
    const results = await runChecks(fileContext(), [broken]);
    expect(results['broken']).toEqual({ status: 'error', evidence: { message: 'boom' }, version: 3 });
  });

  it('uses the QUALITY.md check ids', () => {
    expect(CHECK_IDS).toEqual([
      'linkable',
      'downloadable',
      'format_match',
      'structured',
      'csv_convertible',
      'encoding_match',
      'fields_match',
      'metadata_complete',
      'standard_conformance',
      'freshness',
      'content_lint',
      'privacy',
      'api_conformance',
    ]);
  });

  it('badges an API by api_conformance in place of the file checks, gold at most', () => {
    const outcomes = { linkable: 'pass', api_conformance: 'pass', metadata_complete: 'pass' } as const;
    expect(resourceBadge(outcomes, DEFAULT_API_BADGE_RULES)).toBe('gold');
    expect(resourceBadge({ ...outcomes, api_conformance: 'fail' }, DEFAULT_API_BADGE_RULES)).toBe('none');
  });
});

describe('CHECK_TITLES', () => {
  it('names every check in zh-TW and English', async () => {
    const { CHECK_TITLES } = await import('./check-titles.ts');
    expect(Object.keys(CHECK_TITLES).sort()).toEqual([...CHECK_IDS].sort());
  });
});
