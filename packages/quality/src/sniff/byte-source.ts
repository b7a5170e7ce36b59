import type { FileHandle } from 'node:fs/promises';

/** A file is shorter than its own structures say, or they point nowhere sensible. */
export class DamagedInput extends Error {
  override readonly name = 'DamagedInput';
}

/** Random access to an open file; every read is bounded and checked against the file's size. */
export class ByteSource {
  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  /** Exactly `length` bytes at `offset`, or DamagedInput when they are not all there. */
  async read(offset: number, length: number, what: string): Promise<Buffer> {
    if (!Number.isSafeInteger(offset) || offset < 0 || length < 0 || offset + length > this.size) {
      throw new DamagedInput(`${what} lies past the end of the file (truncated or damaged)`);
    }
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buffer, done, length - done, offset + done);
      if (bytesRead === 0) throw new DamagedInput(`${what}: the file ended early`);
      done += bytesRead;
    }
    return buffer;
  }

  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  async readUpTo(offset: number, length: number): Promise<Buffer> {
    const wanted = Math.max(0, Math.min(length, this.size - offset));
    return this.read(offset, wanted, 'the requested range');
  }
}
