import { describe, expect, it } from 'vitest';
import { fileContext } from '../test/check-fixtures.ts';
import { downloadable } from './downloadable.ts';
import { linkable } from './linkable.ts';

const http = { url: 'https://data.example.gov.tw/a.csv', redirects: 0, elapsedMs: 12, truncated: false };

describe('linkable', () => {
  it('passes a 2xx answer and records the evidence', async () => {
    const result = await linkable.run(
      fileContext({ http: { ...http, status: 200, redirects: 2, finalUrl: 'https://x/b.csv' } }),
    );
    expect(result).toMatchObject({
      status: 'pass',
      evidence: { status: 200, redirects: 2, finalUrl: 'https://x/b.csv' },
    });
  });

  it('fails 404 and fetch errors with a fix in both languages', async () => {
    const notFound = await linkable.run(fileContext({ http: { ...http, status: 404 } }));
    expect(notFound.status).toBe('fail');
    expect(notFound.fix?.zh).toContain('HTTP 404');
    const timeout = await linkable.run(
      fileContext({ http: { ...http, errorCode: 'FETCH_TIMEOUT', errorMessage: 'no answer in 10 s' } }),
    );
    expect(timeout).toMatchObject({ status: 'fail', evidence: { error: 'FETCH_TIMEOUT' } });
    expect(timeout.fix?.en).toMatch(/did not answer in time/);
  });

  it('does not apply to a local file', async () => {
    expect((await linkable.run(fileContext())).status).toBe('not_applicable');
  });
});

describe('downloadable', () => {
  it('fails an HTML page served instead of the data, naming the kind of page', async () => {
    const result = await downloadable.run(
      fileContext({
        http: { ...http, status: 200, contentType: 'text/csv' },
        sniffed: { format: 'HTML', structured: false, tabular: false, htmlPage: 'login' },
      }),
    );
    expect(result).toMatchObject({ status: 'fail', evidence: { htmlPage: 'login', sniffedFormat: 'HTML' } });
    expect(result.fix?.zh).toContain('登入');
  });

  it('fails an empty body and passes real data', async () => {
    const empty = fileContext({ body: { path: '/dev/null', bytes: 0, sha256: '', truncated: false } });
    expect((await downloadable.run(empty)).status).toBe('fail');
    expect((await downloadable.run(fileContext({ http: { ...http, status: 200 } }))).status).toBe('pass');
  });

  it('fails when nothing could be downloaded', async () => {
    const result = await downloadable.run(fileContext({ http: { ...http, status: 500 }, body: undefined }));
    expect(result).toMatchObject({ status: 'fail', evidence: { status: 500 } });
  });
});
