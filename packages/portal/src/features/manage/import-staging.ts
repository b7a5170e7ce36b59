import { createHash, timingSafeEqual } from 'node:crypto';
import { readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Settings } from '../../config/settings.ts';
import { AppError } from '../../errors/app-error.ts';
import { newSecret } from '../accounts/secret.ts';
import { discardStaged, stageBody } from '../storage/staging.ts';

/**
 * Where a bulk import's file waits between the dry run and the confirmation
 * (`<dataDir>/import-staging`): the file as uploaded (`<id>.upload`) and who may
 * confirm it (`<id>.json`: a hash of the session's id, the person, the organisation
 * and the file's name). The id is 32 random bytes; only the same session may use it,
 * for an hour; confirming or a new dry run's sweep removes it. Several portal processes
 * share a staging place when they share the data directory.
 */

export const IMPORT_STAGING_MS = 60 * 60 * 1000;
const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface StagedImport {
  organizationId: number;
  fileName: string;
  size: number;
  createdAt: number;
}

interface StagedImportFile extends StagedImport {
  owner: string;
  userId: number;
}

/** Whose staged file it is: the session (by id) of a person. */
export interface StagingOwner {
  sessionId: string;
  userId: number;
}

export function importStagingDir(settings: Pick<Settings, 'dataDir'>): string {
  return path.join(settings.dataDir, 'import-staging');
}

const ownerHash = (sessionId: string): string =>
  createHash('sha256').update(`import-staging:${sessionId}`, 'utf8').digest('hex');

const uploadPath = (dir: string, id: string) => path.join(dir, `${id}.upload`);
const metaPath = (dir: string, id: string) => path.join(dir, `${id}.json`);

async function removeQuietly(file: string): Promise<void> {
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

function expired(): AppError {
  return new AppError('VALIDATION_FAILED', 'The uploaded file is no longer waiting: upload it again', [
    { field: 'stagingId', code: 'expired', message: 'upload the file again' },
  ]);
}

/** Removes staged imports older than IMPORT_STAGING_MS, and temporary files as old (a crash left them). */
export async function sweepStagedImports(dir: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  // By age only: another request of this process may be writing a `.part` file right now.
  for (const name of names) {
    if (!/\.(upload|json|part)$/.test(name)) continue;
    const info = await stat(path.join(dir, name)).catch(() => undefined);
    if (info && now - info.mtimeMs > IMPORT_STAGING_MS) {
      await removeQuietly(path.join(dir, name));
      removed += 1;
    }
  }
  return removed;
}

/**
 * Streams an uploaded import file into the staging place (PAYLOAD_TOO_LARGE over
 * `maxBytes`, nothing left behind) and records who may confirm it. Returns its id.
 */
export async function stageImport(
  dir: string,
  body: Readable,
  options: { maxBytes: number; owner: StagingOwner; organizationId: number; fileName: string; now?: number },
): Promise<{ id: string; size: number }> {
  const now = options.now ?? Date.now();
  await sweepStagedImports(dir, now);
  const staged = await stageBody(body, dir, options.maxBytes);
  const id = newSecret();
  try {
    await rename(staged.path, uploadPath(dir, id));
    const meta: StagedImportFile = {
      owner: ownerHash(options.owner.sessionId),
      userId: options.owner.userId,
      organizationId: options.organizationId,
      fileName: options.fileName,
      size: staged.size,
      createdAt: now,
    };
    await writeFile(metaPath(dir, id), JSON.stringify(meta), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    await discardStaged(staged);
    await discardStagedImport(dir, id);
    throw error;
  }
  return { id, size: staged.size };
}

/**
 * The staged file `id` with its facts, when it belongs to `owner`'s session and is
 * younger than an hour; otherwise (also for an id that was never issued) VALIDATION_FAILED.
 */
export async function readStagedImport(
  dir: string,
  id: string,
  owner: StagingOwner,
  now = Date.now(),
): Promise<{ staged: StagedImport; bytes: Buffer }> {
  if (!ID_PATTERN.test(id)) throw expired();
  const text = await readFile(metaPath(dir, id), 'utf8').catch(() => undefined);
  if (text === undefined) throw expired();
  const meta = JSON.parse(text) as StagedImportFile;
  const given = Buffer.from(ownerHash(owner.sessionId));
  const kept = Buffer.from(String(meta.owner));
  if (given.length !== kept.length || !timingSafeEqual(given, kept) || meta.userId !== owner.userId)
    throw expired();
  if (now - meta.createdAt > IMPORT_STAGING_MS) {
    await discardStagedImport(dir, id);
    throw expired();
  }
  const bytes = await readFile(uploadPath(dir, id)).catch(() => undefined);
  if (!bytes) throw expired();
  const { organizationId, fileName, size, createdAt } = meta;
  return { staged: { organizationId, fileName, size, createdAt }, bytes };
}

/** Removes a staged import (after it is written, or given up). */
export async function discardStagedImport(dir: string, id: string): Promise<void> {
  if (!ID_PATTERN.test(id)) return;
  await removeQuietly(uploadPath(dir, id));
  await removeQuietly(metaPath(dir, id));
}
