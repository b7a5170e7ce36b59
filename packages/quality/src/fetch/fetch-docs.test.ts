import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FETCH_ERROR_CODES } from './fetch-errors.ts';
import { DEFAULT_FETCH_TIMEOUTS } from './fetch-resource.ts';

const docs = readFileSync(new URL('../../../../docs/quality.md', import.meta.url), 'utf8');
const fetching = docs.slice(docs.indexOf('## Fetching'));

describe('docs/quality.md, Fetching', () => {
  it.each(FETCH_ERROR_CODES)('documents %s', (code) => {
    expect(fetching).toContain(`| \`${code}\` |`);
  });

  it('documents no code that does not exist', () => {
    const documented = [...fetching.matchAll(/^\| `(FETCH_[A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...FETCH_ERROR_CODES].sort());
  });

  it.each([
    'allow',
    'resolver',
    'limiter',
    'directory',
    'maxBytes',
    'maxRedirects',
    'previous',
    'readBody',
    'headFirst',
    'userAgent',
    'ca',
    'signal',
    'retry.maxRetries',
    'retry.maxRetryAfterMs',
    'retry.backoffMs',
    ...Object.keys(DEFAULT_FETCH_TIMEOUTS).map((key) => `timeouts.${key}`),
  ])('documents the option %s', (option) => {
    expect(fetching).toContain(`| \`${option}\` |`);
  });
});
