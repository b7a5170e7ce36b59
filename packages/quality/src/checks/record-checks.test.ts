import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileContext, REAL_FILES } from '../test/check-fixtures.ts';
import { apiConformance } from './api-conformance.ts';
import { freshness } from './freshness.ts';
import { metadataComplete } from './metadata-complete.ts';

const example = JSON.parse(readFileSync(`${REAL_FILES}metadata-v1-example.json`, 'utf8')) as Record<
  string,
  unknown
>;

function goodRecord(): Record<string, unknown> {
  return {
    ...example,
    temporalCoverageFrom: '2017-01-01',
    issued: '2017-04-17 11:13:15',
    modified: '2017-03-17 14:13:06',
    distribution: (example['distribution'] as Record<string, unknown>[]).map((d) => ({
      ...d,
      resourceModified: '2017-04-17',
    })),
  };
}

describe('metadata_complete', () => {
  it('finds the real record’s problem: dates in the year 3872', async () => {
    const result = await metadataComplete.run(fileContext({ metadata: example }));
    expect(result.status).toBe('fail');
    const problems = result.evidence['problems'] as { field: string; code: string }[];
    expect(problems).toContainEqual(expect.objectContaining({ field: 'issued', code: 'future_date' }));
    expect(problems.map((p) => p.code)).toEqual(['future_date', 'future_date', 'future_date', 'future_date']);
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'distribution[0].resourceModified', code: 'future_date' }),
    );
  });

  it('passes the record once those are fixed, and accepts the full-width licence spelling', async () => {
    const result = await metadataComplete.run(fileContext({ metadata: goodRecord() }));
    expect(result.evidence['problems']).toEqual([]);
    expect(result.status).toBe('pass');
  });

  it('requires costURL and costLaw for 付費, valid e-mails, a resource URL and known vocabulary', async () => {
    const record = {
      ...goodRecord(),
      cost: '付費',
      categoryCode: 'Z00',
      title: '資'.repeat(256),
      publisherContactEmail: 'a@b.gov.tw,not-an-email',
      distribution: [
        {
          resourceID: '313200000G-000216-001',
          resourceDescription: 'x',
          format: 'csv',
          characterSetCode: 'UTF-8',
        },
      ],
    };
    const result = await metadataComplete.run(fileContext({ metadata: record }));
    const fields = (result.evidence['problems'] as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'costURL',
        'costLaw',
        'categoryCode',
        'publisherContactEmail',
        'distribution[0].downloadURL',
      ]),
    );
    expect(fields).not.toContain('distribution[0].format');
  });

  it('does not apply without a record', async () => {
    expect((await metadataComplete.run(fileContext())).status).toBe('not_applicable');
  });
});

describe('freshness', () => {
  const now = new Date('2026-11-27T00:00:00Z');
  const history = (days: number[]) =>
    days.map((d, i) => ({
      sha256: i === days.length - 1 ? 'same' : `old${i}`,
      seenAt: new Date(now.getTime() - d * 86_400_000).toISOString(),
    }));

  it('passes a daily resource that changed yesterday and warns one unchanged for ten days', async () => {
    const body = { path: '/dev/null', bytes: 1, sha256: 'same', truncated: false };
    const fresh = await freshness.run(
      fileContext({ body, history: history([3, 2, 1]), now }, { accrualPeriodicity: '每1日' }),
    );
    expect(fresh).toMatchObject({ status: 'pass', evidence: { ageDays: 1, source: 'checksum history' } });
    const stale = await freshness.run(
      fileContext({ body, history: history([30, 10]), now }, { accrualPeriodicity: '每日' }),
    );
    expect(stale).toMatchObject({ status: 'warn', evidence: { ageDays: 10, allowedDays: 3 } });
  });

  it('uses Last-Modified when there is no history, and skips 不定期', async () => {
    const http = {
      url: 'https://x',
      redirects: 0,
      elapsedMs: 1,
      truncated: false,
      status: 200,
      lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT',
    };
    expect((await freshness.run(fileContext({ http, now }, { accrualPeriodicity: '每1月' }))).status).toBe(
      'warn',
    );
    expect((await freshness.run(fileContext({ http, now }, { accrualPeriodicity: '不定期' }))).status).toBe(
      'not_applicable',
    );
  });
});

describe('api_conformance', () => {
  const oas = {
    url: 'https://x/oas.json',
    valid: true,
    version: '3.0.3',
    problems: [],
    pagingDocumented: true,
  };
  const endpoint = { status: 200, structured: true, format: 'JSON', rows: 20 };
  const api = (over: Record<string, unknown>) =>
    fileContext({ api: { oas, endpoint, ...over } }, { kind: 'api', oasUrl: oas.url });

  it('passes a documented, structured API', async () => {
    expect((await apiConformance.run(api({}))).status).toBe('pass');
  });

  it('fails a missing document, an HTML answer and a silent cap of exactly 1000 rows', async () => {
    const noDoc = await apiConformance.run(fileContext({ api: { endpoint } }, { kind: 'api' }));
    expect(noDoc.evidence['problems']).toEqual(['no OpenAPI document (resourceOasUrl)']);
    const html = await apiConformance.run(
      api({ endpoint: { status: 200, structured: false, format: 'HTML' } }),
    );
    expect(html.status).toBe('fail');
    const capped = await apiConformance.run(
      api({ oas: { ...oas, pagingDocumented: false }, endpoint: { ...endpoint, rows: 1000 } }),
    );
    expect(capped.evidence['problems']).toEqual([
      'the answer stops at exactly 1000 rows with no documented paging (a silent cap?)',
    ]);
  });
});
