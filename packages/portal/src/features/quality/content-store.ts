import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Fetched resource bodies, content-addressed (`<dataDir>/fetched/ab/abcdef…`): the same
 * bytes are kept once, a 304 Not Modified re-check reuses them, and later steps
 * (conversion, preview) read them without fetching again.
 */
export class ContentStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  /** Moves (or copies, across devices) a file into the store under its checksum. */
  async keep(file: string, sha256: string): Promise<string> {
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return target;
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      await rename(file, temporary);
    } catch {
      await copyFile(file, temporary);
    }
    await rename(temporary, target);
    return target;
  }
}
