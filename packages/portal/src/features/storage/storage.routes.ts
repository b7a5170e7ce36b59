import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../../http/route-deps.ts';
import { fileRoutes } from './file.routes.ts';
import { openFileStore, storageSettingsOf } from './open-file-store.ts';
import { uploadRoutes } from './upload.routes.ts';

/** Staging directories already swept by this process (a process sweeps once, when it starts). */
const swept = new Set<string>();

/**
 * Uploads (PUT /api/v1/…/file) and the files served back (GET /dataset/…/file), on one
 * file store. Outside the read cache: every download reaches its handler. The first
 * app a process builds sweeps what a crash left in the staging directory.
 */
export const storageRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  const store = openFileStore(deps.settings);
  const sweepKey = `${deps.settings.dataDir}:${store.kind}`;
  if (!swept.has(sweepKey)) {
    swept.add(sweepKey);
    const removed = await store.sweep();
    if (removed > 0) app.log.warn({ removed }, 'removed temporary upload files left by an earlier crash');
  }
  const { uploadMaxBytes } = storageSettingsOf(deps.settings);
  await app.register(uploadRoutes, { ...deps, store, maxBytes: uploadMaxBytes, prefix: '/api/v1' });
  await app.register(fileRoutes, { ...deps, store });
};
