import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.ts';
import { testSettings } from '../../http/test-app.ts';
import { LocalFileStore } from './local-file-store.ts';
import { openFileStore, storageSettingsOf } from './open-file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

describe('storage settings', () => {
  it('defaults to local files under the data directory and a 200 MiB upload limit', () => {
    const settings = loadSettings({ ODP_DATA_DIR: '/srv/odp' });
    expect(settings.storage).toEqual({ uploadMaxBytes: 200 * 1024 * 1024, backend: { kind: 'local' } });
    const store = openFileStore(settings);
    expect(store).toBeInstanceOf(LocalFileStore);
    expect((store as LocalFileStore).pathOf(`sha256:${'ab'.repeat(32)}`)).toBe(
      path.join('/srv/odp', 'files', 'ab', 'ab'.repeat(32)),
    );
    expect(storageSettingsOf(testSettings())).toEqual(settings.storage);
  });

  it('reads an S3 bucket and refuses one with settings missing', () => {
    const s3 = {
      ODP_STORAGE: 's3',
      ODP_S3_ENDPOINT: 'http://minio.internal:9000/',
      ODP_S3_BUCKET: 'odp-files',
      ODP_S3_ACCESS_KEY_ID: 'key-id',
      ODP_S3_SECRET_ACCESS_KEY: 'secret',
      ODP_UPLOAD_MAX_BYTES: '1048576',
    };
    const settings = loadSettings(s3);
    expect(settings.storage).toEqual({
      uploadMaxBytes: 1048576,
      backend: {
        kind: 's3',
        endpoint: 'http://minio.internal:9000',
        bucket: 'odp-files',
        region: 'us-east-1',
        accessKeyId: 'key-id',
        secretAccessKey: 'secret',
      },
    });
    expect(openFileStore(settings)).toBeInstanceOf(S3FileStore);
    expect(() => loadSettings({ ...s3, ODP_S3_BUCKET: '', ODP_S3_SECRET_ACCESS_KEY: '' })).toThrow(
      /ODP_STORAGE=s3 needs ODP_S3_BUCKET, ODP_S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadSettings({ ...s3, ODP_S3_BUCKET: 'Not/A/Bucket' })).toThrow(/ODP_S3_BUCKET/);
    expect(() => loadSettings({ ODP_STORAGE: 'ftp' })).toThrow(/ODP_STORAGE/);
    expect(() => loadSettings({ ODP_UPLOAD_MAX_BYTES: '0' })).toThrow(/ODP_UPLOAD_MAX_BYTES/);
  });
});
