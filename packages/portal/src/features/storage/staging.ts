import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors/app-error.ts';
import { fileKeyOf } from './file-key.ts';

/**
 * The staging area of a file store: an incoming body is written to a temporary file
 * here while it is hashed and counted, flushed to disk, and only then moved into the
 * store (a rename on the same file system, or an upload to the bucket). A temporary
 * file's name says which host and process wrote it (`<host>.<pid>.<uuid>.part`), so a
 * process that starts again can tell what a crash left behind and sweep it.
 */

const SUFFIX = '.part';
/** A temporary file this old is abandoned whoever wrote it (no upload takes a day). */
const ABANDONED_MS = 24 * 60 * 60 * 1000;

export interface StagedBody {
  fileKey: string;
  /** The SHA-256 of the bytes, lowercase hex. */
  sha256: string;
  size: number;
  /** The temporary file holding the bytes. */
  path: string;
}

const host = (): string => hostname().replace(/[^A-Za-z0-9-]/g, '_') || 'host';

/** Counts and hashes the bytes going through; fails once they pass `maxBytes`. */
function meter(maxBytes: number): Transform & { size: number; sha256: () => string } {
  const hash = createHash('sha256');
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counted.size += chunk.length;
      if (counted.size > maxBytes) {
        done(new AppError('PAYLOAD_TOO_LARGE', `The file is over the ${maxBytes}-byte upload limit`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const counted = Object.assign(transform, { size: 0, sha256: () => hash.digest('hex') });
  return counted;
}

async function removeQuietly(file: string): Promise<void> {
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/**
 * Writes `body` to a new temporary file in `dir`, hashing and counting it; the file is
 * flushed to disk before this resolves. Over `maxBytes` it rejects with
 * PAYLOAD_TOO_LARGE, and on any failure (also a client that goes away) the temporary
 * file is removed.
 */
export async function stageBody(body: Readable, dir: string, maxBytes: number): Promise<StagedBody> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${host()}.${process.pid}.${randomUUID()}${SUFFIX}`);
  const counter = meter(maxBytes);
  // flush: fsync before close, so a file that was staged survives a power cut.
  const written = pipeline(counter, createWriteStream(file, { flags: 'wx', mode: 0o600, flush: true }));
  // The body is piped rather than put in the pipeline: a body over the limit is left
  // unread, not destroyed, so the caller can still answer 413 on its connection.
  const failed = (error: Error) => counter.destroy(error);
  const closed = () => {
    if (!body.readableEnded) failed(new Error('the body ended early: the client went away'));
  };
  body.once('error', failed);
  body.once('close', closed);
  body.pipe(counter);
  try {
    await written;
  } catch (error) {
    body.unpipe(counter);
    // The unread rest of the body may still fail (the connection closes): nothing to do then.
    body.on('error', () => undefined);
    await removeQuietly(file);
    throw error;
  } finally {
    body.off('error', failed);
    body.off('close', closed);
  }
  const sha256 = counter.sha256();
  return { fileKey: fileKeyOf(sha256), sha256, size: counter.size, path: file };
}

/** Removes a staged file that will not be kept. */
export async function discardStaged(staged: Pick<StagedBody, 'path'>): Promise<void> {
  await removeQuietly(staged.path);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a crash left in `dir` (run when a process starts): those
 * of this host whose process is gone (or had this process's id: an earlier life of it),
 * and anyone's older than a day. Another live process's uploads are left alone.
 * Returns how many files were removed.
 */
export async function sweepStaging(dir: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const self = host();
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith(SUFFIX)) continue;
    const file = path.join(dir, name);
    const [writer, pidText] = name.split('.');
    const pid = Number(pidText);
    const mine = writer === self && Number.isSafeInteger(pid);
    let abandoned = mine && (pid === process.pid || !isRunning(pid));
    if (!abandoned) {
      const info = await stat(file).catch(() => undefined);
      abandoned = info !== undefined && now - info.mtimeMs > ABANDONED_MS;
    }
    if (abandoned) {
      await removeQuietly(file);
      removed += 1;
    }
  }
  return removed;
}
