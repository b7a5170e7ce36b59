import { mkdir, open, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fanOutPath } from './file-key.ts';
import type { FileStore, StoredObject } from './file-store.ts';
import { discardStaged, stageBody, sweepStaging, type StagedBody } from './staging.ts';

/**
 * Files in a local directory: `<root>/ab/<hex>` (the two-character fan-out keeps
 * directories small), staged in `<root>/.staging/` on the same file system so the move
 * into place is one atomic rename. The staged file is flushed before the rename and the
 * directory after it, so a file in the store is always whole, even after a power cut.
 */
export class LocalFileStore implements FileStore {
  readonly kind = 'local';
  private readonly staging: string;

  constructor(private readonly root: string) {
    this.staging = path.join(root, '.staging');
  }

  /** Where a key's file is; throws for anything that is not a key (so never outside the root). */
  pathOf(fileKey: string): string {
    return path.join(this.root, ...fanOutPath(fileKey).split('/'));
  }

  stage(body: Readable, options: { maxBytes: number }): Promise<StagedBody> {
    return stageBody(body, this.staging, options.maxBytes);
  }

  async commit(staged: StagedBody): Promise<StoredObject> {
    const target = this.pathOf(staged.fileKey);
    if (await this.has(staged.fileKey)) {
      await discardStaged(staged);
    } else {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(staged.path, target);
      await syncDirectory(path.dirname(target));
    }
    return { fileKey: staged.fileKey, size: staged.size };
  }

  discard(staged: StagedBody): Promise<void> {
    return discardStaged(staged);
  }

  async put(body: Readable, options: { maxBytes: number }): Promise<StoredObject> {
    return this.commit(await this.stage(body, options));
  }

  async get(fileKey: string): Promise<{ body: Readable; size: number } | undefined> {
    const file = this.pathOf(fileKey);
    // Open first: the size and the stream then belong to the same file.
    const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!handle) return undefined;
    try {
      const { size } = await handle.stat();
      return { body: handle.createReadStream(), size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async has(fileKey: string): Promise<boolean> {
    const info = await stat(this.pathOf(fileKey)).catch(() => undefined);
    return info?.isFile() ?? false;
  }

  sweep(): Promise<number> {
    return sweepStaging(this.staging);
  }
}

/** fsync a directory, so a rename into it is on disk (a no-op where the platform cannot). */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if (!['EINVAL', 'EPERM', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}
