import { createHash, randomUUID } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';

export interface StoredBody {
  /** Bytes kept (after content decoding), never more than the budget. */
  bytes: number;
  /** Bytes received on the wire (before content decoding). */
  wireBytes: number;
  /** sha256 of the kept bytes, hex. */
  sha256: string;
  /** More data existed than was kept (budget reached, or the server sent a partial range). */
  truncated: boolean;
  /** The content coding that was decoded (gzip, deflate, br), if any. */
  decoded?: string;
  /** Where the bytes were written, when a directory was given. */
  path?: string;
  /** The bytes, when no directory was given. */
  buffer?: Buffer;
}

/**
 * Keeps at most `budget` bytes of a body, hashing them and writing them to a new file in
 * `directory` (or collecting them in memory). Emits `budget` once when more data arrives than
 * fits; later writes are dropped.
 */
export class BodySink extends Writable {
  readonly budget: number;
  readonly path: string | undefined;
  bytes = 0;
  truncated = false;
  readonly #hash = createHash('sha256');
  readonly #chunks: Buffer[] = [];
  #file: FileHandle | undefined;

  constructor(budget: number, directory?: string) {
    super();
    this.budget = Math.max(0, Math.floor(budget));
    this.path = directory === undefined ? undefined : join(directory, `${randomUUID()}.body`);
  }

  override _construct(callback: (error?: Error | null) => void): void {
    if (this.path === undefined) {
      callback();
      return;
    }
    open(this.path, 'wx').then(
      (file) => {
        this.#file = file;
        callback();
      },
      (error: Error) => callback(error),
    );
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.truncated) {
      callback();
      return;
    }
    const room = this.budget - this.bytes;
    let slice = chunk;
    if (chunk.length > room) {
      slice = chunk.subarray(0, room);
      this.truncated = true;
    }
    this.#hash.update(slice);
    this.bytes += slice.length;
    const done = () => {
      callback();
      if (this.truncated) this.emit('budget');
    };
    if (slice.length === 0) done();
    else if (this.#file) this.#file.write(slice).then(done, (error: Error) => callback(error));
    else {
      this.#chunks.push(Buffer.from(slice));
      done();
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#close().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#close().then(
      () => callback(error),
      () => callback(error),
    );
  }

  async #close(): Promise<void> {
    const file = this.#file;
    this.#file = undefined;
    await file?.close();
  }

  /** What was kept; call after `finish`. */
  result(wireBytes: number, decoded: string | undefined, partial: boolean): StoredBody {
    const body: StoredBody = {
      bytes: this.bytes,
      wireBytes,
      sha256: this.#hash.copy().digest('hex'),
      truncated: this.truncated || partial,
    };
    if (decoded) body.decoded = decoded;
    if (this.path !== undefined) body.path = this.path;
    else body.buffer = Buffer.concat(this.#chunks);
    return body;
  }

  /** Stops and deletes the file, if any. */
  async discard(): Promise<void> {
    // Wait for 'close': the file may still be opening, and must be closed before it is removed.
    if (!this.closed)
      await new Promise<void>((resolve) => {
        this.once('close', () => resolve());
        this.destroy();
      });
    if (this.path !== undefined) await rm(this.path, { force: true }).catch(() => undefined);
  }
}
