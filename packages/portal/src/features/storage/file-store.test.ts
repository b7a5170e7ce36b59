import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.ts';
import type { FileStore } from './file-store.ts';
import { LocalFileStore } from './local-file-store.ts';
import { S3FileStore } from './s3-file-store.ts';
import { startTestS3Server, type TestS3Server } from './s3-test-server.ts';

const CREDENTIALS = {
  accessKeyId: 'test-access-key',
  secretAccessKey: 'test-secret-key-0123456789',
  region: 'ap-northeast-1',
};
const BUCKET = 'odp-test';

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A body delivered in several chunks, as a request body arrives. */
function chunked(parts: (string | Buffer)[]): Readable {
  return Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

let dir: string;
let s3: TestS3Server;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'odp-files-'));
  s3 = await startTestS3Server(CREDENTIALS, BUCKET);
});

afterAll(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => { store: FileStore; staging: string }][] = [
  [
    'local directory',
    () => {
      const root = path.join(dir, `local-${Math.random().toString(36).slice(2)}`);
      return { store: new LocalFileStore(root), staging: path.join(root, '.staging') };
    },
  ],
  [
    'S3-compatible bucket',
    () => {
      const staging = path.join(dir, `s3-${Math.random().toString(36).slice(2)}`);
      const settings = { kind: 's3' as const, endpoint: s3.endpoint, bucket: BUCKET, ...CREDENTIALS };
      return { store: new S3FileStore(settings, staging), staging };
    },
  ],
];

describe.each(stores)('file store: %s', (_name, make) => {
  it('stores a streamed body under the SHA-256 of its bytes and reads it back', async () => {
    const { store, staging } = make();
    const stored = await store.put(chunked(['居住人口,', '2300\n', '臺北市']), { maxBytes: 1000 });
    const bytes = '居住人口,2300\n臺北市';
    expect(stored).toEqual({ fileKey: `sha256:${sha(bytes)}`, size: Buffer.byteLength(bytes) });
    expect(await store.has(stored.fileKey)).toBe(true);
    const file = await store.get(stored.fileKey);
    expect(file?.size).toBe(Buffer.byteLength(bytes));
    expect(await text(file!.body)).toBe(bytes);
    expect(readdirSync(staging)).toEqual([]);
  });

  it('keeps the same bytes once and answers has/get for unknown keys', async () => {
    const { store } = make();
    const a = await store.put(chunked(['same bytes']), { maxBytes: 100 });
    const b = await store.put(chunked(['same ', 'bytes']), { maxBytes: 100 });
    expect(b).toEqual(a);
    const unknown = `sha256:${sha('never stored')}`;
    expect(await store.has(unknown)).toBe(false);
    expect(await store.get(unknown)).toBeUndefined();
  });

  it('refuses a body over maxBytes with PAYLOAD_TOO_LARGE and leaves nothing behind', async () => {
    const { store, staging } = make();
    const attempt = store.put(chunked(['0123456789', '0123456789', 'x']), { maxBytes: 20 });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(
      store.put(chunked(['0123456789', '0123456789', 'x']), { maxBytes: 20 }),
    ).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(readdirSync(staging)).toEqual([]);
    expect(await store.has(`sha256:${sha('01234567890123456789x')}`)).toBe(false);
    // Exactly at the limit is allowed.
    expect((await store.put(chunked(['01234567890123456789']), { maxBytes: 20 })).size).toBe(20);
  });

  it('removes the temporary file when the body fails half-way', async () => {
    const { store, staging } = make();
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error('the client went away'));
      },
    });
    await expect(store.put(failing, { maxBytes: 1_000_000 })).rejects.toThrow(/client went away/);
    expect(readdirSync(staging)).toEqual([]);
  });

  it('discards a staged body without storing it', async () => {
    const { store, staging } = make();
    const staged = await store.stage(chunked(['look first']), { maxBytes: 100 });
    expect(await readFile(staged.path, 'utf8')).toBe('look first');
    expect(await store.has(staged.fileKey)).toBe(false);
    await store.discard(staged);
    expect(readdirSync(staging)).toEqual([]);
    expect(await store.has(staged.fileKey)).toBe(false);
  });

  it('refuses keys that are not sha256:<64 hex>, so no key reaches outside the store', async () => {
    const { store } = make();
    for (const key of [
      'sha256:../../../../etc/passwd',
      `sha256:${'a'.repeat(63)}/`,
      `sha256:${'A'.repeat(64)}`,
      `sha256:${'a'.repeat(64)}/../x`,
      `sha256:${'a'.repeat(64)}\n`,
      '../sha256',
      `md5:${'a'.repeat(32)}`,
      '',
    ]) {
      await expect(store.get(key), key).rejects.toThrow(/not a file key/);
      await expect(store.has(key), key).rejects.toThrow(/not a file key/);
    }
  });

  it('sweeps temporary files a dead process left, and keeps a live one', async () => {
    const { store, staging } = make();
    await mkdir(staging, { recursive: true });
    const host = hostname().replace(/[^A-Za-z0-9-]/g, '_') || 'host';
    // A process id that is not running: beyond the usual pid_max.
    const dead = path.join(staging, `${host}.99999999.0000.part`);
    const live = path.join(staging, `${host}.${process.ppid}.1111.part`);
    const other = path.join(staging, 'elsewhere.1.2222.part');
    for (const file of [dead, live, other]) await writeFile(file, 'partial');
    expect(await store.sweep()).toBe(1);
    expect((await readdir(staging)).sort()).toEqual([path.basename(other), path.basename(live)].sort());
    expect((await stat(live)).isFile()).toBe(true);
  });
});

describe('S3-compatible bucket', () => {
  it('sends signed requests the server checks: a wrong secret is refused', async () => {
    const staging = path.join(dir, 's3-wrong');
    const wrong = new S3FileStore(
      {
        kind: 's3',
        endpoint: s3.endpoint,
        bucket: BUCKET,
        ...CREDENTIALS,
        secretAccessKey: 'not-the-secret',
      },
      staging,
    );
    await expect(wrong.put(chunked(['refused']), { maxBytes: 100 })).rejects.toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      message: expect.stringMatching(/refused HEAD: 403/),
    });
    expect(readdirSync(staging)).toEqual([]);
    await expect(wrong.get(`sha256:${sha('x')}`)).rejects.toThrow(/refused GET: 403 SignatureDoesNotMatch/);
    const otherRegion = new S3FileStore(
      { kind: 's3', endpoint: s3.endpoint, bucket: BUCKET, ...CREDENTIALS, region: 'us-east-1' },
      staging,
    );
    await expect(otherRegion.get(`sha256:${sha('x')}`)).rejects.toThrow(/SignatureDoesNotMatch/);
    // Signed right, the same request is answered.
    const right = new S3FileStore(
      { kind: 's3', endpoint: s3.endpoint, bucket: BUCKET, ...CREDENTIALS },
      staging,
    );
    expect(await right.get(`sha256:${sha('x')}`)).toBeUndefined();
  });

  it('keeps objects under sha256/ab/<hex> in the bucket, uploaded once', async () => {
    const store = new S3FileStore(
      { kind: 's3', endpoint: s3.endpoint, bucket: BUCKET, ...CREDENTIALS },
      path.join(dir, 's3-keys'),
    );
    const before = s3.requests.length;
    const stored = await store.put(chunked(['object body']), { maxBytes: 100 });
    await store.put(chunked(['object body']), { maxBytes: 100 });
    const hex = sha('object body');
    expect(s3.objects.get(`sha256/${hex.slice(0, 2)}/${hex}`)?.toString()).toBe('object body');
    const made = s3.requests.slice(before).map((r) => `${r.method} ${r.status}`);
    expect(made).toEqual(['HEAD 404', 'PUT 200', 'HEAD 200']);
    expect(stored.fileKey).toBe(`sha256:${hex}`);
  });

  it('reports a storage that does not answer as STORAGE_UNAVAILABLE', async () => {
    const closed = await startTestS3Server(CREDENTIALS, BUCKET);
    await closed.close();
    const store = new S3FileStore(
      { kind: 's3', endpoint: closed.endpoint, bucket: BUCKET, ...CREDENTIALS },
      path.join(dir, 's3-gone'),
    );
    await expect(store.has(`sha256:${sha('x')}`)).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });
});
