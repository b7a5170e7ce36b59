import path from 'node:path';
import type { Settings, StorageSettings } from '../../config/settings.ts';
import type { FileStore } from './file-store.ts';
import { LocalFileStore } from './local-file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

/** Uploads may be this large when the settings do not say (ODP_UPLOAD_MAX_BYTES). */
export const DEFAULT_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

/** The storage settings, with the defaults for settings built by hand (tests). */
export function storageSettingsOf(settings: Settings): StorageSettings {
  return settings.storage ?? { uploadMaxBytes: DEFAULT_UPLOAD_MAX_BYTES, backend: { kind: 'local' } };
}

/** The configured file store: `<dataDir>/files`, or the S3 bucket staging under it. */
export function openFileStore(settings: Settings): FileStore {
  const root = path.join(settings.dataDir, 'files');
  const { backend } = storageSettingsOf(settings);
  if (backend.kind === 's3') return new S3FileStore(backend, path.join(root, '.staging'));
  return new LocalFileStore(root);
}
