import { openAsBlob } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { S3Settings } from '../../config/settings.ts';
import { AppError } from '../../errors/app-error.ts';
import { checkedHex, fanOutPath } from './file-key.ts';
import type { FileStore, StoredObject } from './file-store.ts';
import { amzDateOf, EMPTY_PAYLOAD_HASH, signRequest, uriEncode } from './s3-signature.ts';
import { discardStaged, stageBody, sweepStaging, type StagedBody } from './staging.ts';

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW …), object `sha256/ab/<hex>`,
 * addressed path-style (`<endpoint>/<bucket>/<key>`) and signed with AWS Signature
 * Version 4 (s3-signature.ts). Bodies are staged in a local directory first: the key is
 * the hash of the bytes, known only once they have all arrived. The PUT then sends the
 * staged file with its length and its SHA-256 as x-amz-content-sha256, so the bucket
 * refuses bytes that differ from the ones hashed here.
 */

export interface S3FileStoreOptions {
  /** How long a request may wait for the answer's headers (default 30 s). */
  timeoutMs?: number;
  /** The clock requests are signed with (tests). */
  now?: () => Date;
}

/** An upload may take 30 s plus a second per 256 KiB before it is given up. */
const uploadTimeout = (base: number, size: number) => base + Math.ceil(size / (256 * 1024)) * 1000;

export class S3FileStore implements FileStore {
  readonly kind = 's3';
  private readonly base: URL;
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly settings: S3Settings,
    private readonly stagingDir: string,
    options: S3FileStoreOptions = {},
  ) {
    this.base = new URL(settings.endpoint);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:')
      throw new AppError('CONFIG_INVALID', 'ODP_S3_ENDPOINT must be an http(s) URL');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  /** The request path of a key's object; throws for anything that is not a key. */
  objectPath(fileKey: string): string {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return `${prefix}/${uriEncode(this.settings.bucket, false)}/sha256/${fanOutPath(fileKey)}`;
  }

  private async send(
    method: 'GET' | 'HEAD' | 'PUT',
    fileKey: string,
    options: { body?: Blob; payloadHash?: string; timeoutMs?: number } = {},
  ): Promise<Response> {
    const path = this.objectPath(fileKey);
    const payloadHash = options.payloadHash ?? EMPTY_PAYLOAD_HASH;
    const amzDate = amzDateOf(this.now());
    const signed = { host: this.base.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
    const { authorization } = signRequest(
      { method, path, headers: signed, payloadHash, amzDate },
      this.settings,
    );
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? this.timeoutMs);
    try {
      return await fetch(new URL(path, this.base.origin), {
        method,
        headers: {
          authorization,
          'x-amz-content-sha256': payloadHash,
          'x-amz-date': amzDate,
          ...(options.body ? { 'content-type': 'application/octet-stream' } : {}),
        },
        ...(options.body ? { body: options.body } : {}),
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (error) {
      const why = controller.signal.aborted ? 'timed out' : (error as Error).message;
      throw new AppError('STORAGE_UNAVAILABLE', `The file storage did not answer ${method}: ${why}`);
    } finally {
      // The headers are in; a long body is not cut by the timer.
      clearTimeout(timer);
    }
  }

  private async refused(method: string, response: Response): Promise<AppError> {
    const text = await response.text().catch(() => '');
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
    return new AppError(
      'STORAGE_UNAVAILABLE',
      `The file storage refused ${method}: ${response.status}${code ? ` ${code}` : ''}`,
    );
  }

  stage(body: Readable, options: { maxBytes: number }): Promise<StagedBody> {
    return stageBody(body, this.stagingDir, options.maxBytes);
  }

  async commit(staged: StagedBody): Promise<StoredObject> {
    try {
      if (!(await this.has(staged.fileKey))) {
        const body = await openAsBlob(staged.path);
        const response = await this.send('PUT', staged.fileKey, {
          body,
          payloadHash: checkedHex(staged.fileKey),
          timeoutMs: uploadTimeout(this.timeoutMs, staged.size),
        });
        if (!response.ok) throw await this.refused('PUT', response);
        await response.body?.cancel();
      }
    } finally {
      await discardStaged(staged);
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
    const response = await this.send('GET', fileKey);
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok || !response.body) throw await this.refused('GET', response);
    const size = Number(response.headers.get('content-length'));
    if (!Number.isSafeInteger(size)) {
      await response.body.cancel();
      throw new AppError('STORAGE_UNAVAILABLE', 'The file storage answered GET without a Content-Length');
    }
    return { body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), size };
  }

  async has(fileKey: string): Promise<boolean> {
    const response = await this.send('HEAD', fileKey);
    await response.body?.cancel();
    if (response.status === 404) return false;
    if (!response.ok) throw await this.refused('HEAD', response);
    return true;
  }

  sweep(): Promise<number> {
    return sweepStaging(this.stagingDir);
  }
}
