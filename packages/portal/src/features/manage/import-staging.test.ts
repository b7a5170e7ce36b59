import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.ts';
import {
  IMPORT_STAGING_MS,
  discardStagedImport,
  readStagedImport,
  stageImport,
  sweepStagedImports,
} from './import-staging.ts';

const OWNER = { sessionId: 'session-hash-1', userId: 7 };
const NOW = Date.UTC(2026, 0, 1);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'odp-import-staging-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const stage = (text: string, maxBytes = 1024) =>
  stageImport(dir, Readable.from([Buffer.from(text)]), {
    maxBytes,
    owner: OWNER,
    organizationId: 3,
    fileName: 'catalogue.csv',
    now: NOW,
  });

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );
}

describe('the staging place of bulk imports', () => {
  it('gives the file back to its session only, for an hour', async () => {
    const { id, size } = await stage('a,b\n1,2\n');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(size).toBe(8);
    const { staged, bytes } = await readStagedImport(dir, id, OWNER, NOW + 1000);
    expect(bytes.toString()).toBe('a,b\n1,2\n');
    expect(staged).toMatchObject({ organizationId: 3, fileName: 'catalogue.csv', size: 8 });
    expect(await refusal(readStagedImport(dir, id, { ...OWNER, sessionId: 'other' }, NOW))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await refusal(readStagedImport(dir, id, { ...OWNER, userId: 8 }, NOW))).toBe('VALIDATION_FAILED');
    expect(await refusal(readStagedImport(dir, '../../etc/passwd', OWNER, NOW))).toBe('VALIDATION_FAILED');
    expect(await refusal(readStagedImport(dir, id, OWNER, NOW + IMPORT_STAGING_MS + 1))).toBe(
      'VALIDATION_FAILED',
    );
    // An expired file is removed when it is asked for.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a file over the limit, leaving nothing', async () => {
    expect(await refusal(stage('x'.repeat(20), 10))).toBe('PAYLOAD_TOO_LARGE');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes files that were given up and sweeps old ones', async () => {
    const { id } = await stage('one');
    await discardStagedImport(dir, id);
    expect(readdirSync(dir)).toEqual([]);
    await stage('two');
    expect(await sweepStagedImports(dir, Date.now() + IMPORT_STAGING_MS + 1000)).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});
