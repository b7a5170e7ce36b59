import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckContext, DeclaredResource, TableEvidence } from '../checks/check-context.ts';
import { readTable } from '../inspect/read-table.ts';

/** The repo's copies of the real government files (CI's clean clone has no ../shared). */
export const REAL_FILES = new URL('../../../portal/demo/real/', import.meta.url).pathname;

const dir = mkdtempSync(path.join(tmpdir(), 'odp-quality-'));
let serial = 0;

/** Writes a scratch file and returns its path. */
export function scratchFile(name: string, data: string | Buffer): string {
  const file = path.join(dir, `${serial++}-${name}`);
  writeFileSync(file, data);
  return file;
}

/** Reads a file into the table the checks see; throws when it is not a table. */
export async function tableOf(file: string): Promise<TableEvidence> {
  const read = await readTable(file, path.join(dir, `${serial++}.ndjson`));
  if ('tableFailure' in read) throw new Error(`${read.tableFailure.code}: ${read.tableFailure.message}`);
  return read.table;
}

/** A context for a local CSV file with sensible declarations; override what a test is about. */
export function fileContext(
  overrides: Partial<CheckContext> = {},
  declared: Partial<DeclaredResource> = {},
): CheckContext {
  return {
    declared: { kind: 'file', format: 'CSV', encoding: 'UTF-8', ...declared },
    body: { path: '/dev/null', bytes: 100, sha256: 'a'.repeat(64), truncated: false },
    sniffed: {
      format: 'CSV',
      structured: true,
      tabular: true,
      encoding: 'UTF-8',
      formatMatch: { match: true, reason: 'same format' },
    },
    now: new Date('2026-11-27T00:00:00Z'),
    ...overrides,
  };
}
