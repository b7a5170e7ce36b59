import type { Readable } from 'node:stream';
import type { StagedBody } from './staging.ts';

/**
 * Where uploaded files live, keyed by the SHA-256 of their bytes (DESIGN.md "Storage"):
 * the same bytes are kept once, a key never names two contents, and old versions of a
 * dataset keep pointing at their files. Two implementations: a local directory
 * (local-file-store.ts, the default) and an S3-compatible bucket (s3-file-store.ts).
 *
 * Writing has two steps so that the caller can look at the bytes in between (sniff the
 * type, check archive limits) and still leave nothing behind when it refuses them:
 * `stage` streams the body into a temporary file, hashing and counting it; `commit`
 * moves it into the store (atomically: readers see the whole file or none); `discard`
 * throws it away. `put` is both steps at once.
 */
export interface FileStore {
  /** `local` or `s3`, for logs and the health of the storage. */
  readonly kind: string;
  /** Streams `body` into a temporary file. Over `maxBytes`: PAYLOAD_TOO_LARGE, nothing left. */
  stage(body: Readable, options: { maxBytes: number }): Promise<StagedBody>;
  /** Moves a staged file into the store under its key (a no-op copy when the key is there). */
  commit(staged: StagedBody): Promise<StoredObject>;
  /** Removes a staged file that will not be kept. */
  discard(staged: StagedBody): Promise<void>;
  /** Stages and commits. */
  put(body: Readable, options: { maxBytes: number }): Promise<StoredObject>;
  /** The bytes of a stored file, or undefined when the store has no such key. */
  get(fileKey: string): Promise<{ body: Readable; size: number } | undefined>;
  has(fileKey: string): Promise<boolean>;
  /** Removes the temporary files a crash left behind (run at startup); returns how many. */
  sweep(): Promise<number>;
}

export interface StoredObject {
  /** `sha256:<hex>`. */
  fileKey: string;
  size: number;
}
