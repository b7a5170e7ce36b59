import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasets, updateDatasetMetadata } from '../features/datasets/dataset.service.ts';
import { datasetInput } from '../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { ReadCache } from './read-cache.ts';
import { ADMIN_HEADERS, buildTestApp } from './test-app.ts';

let t: TestDatabase;
let app: FastifyInstance;
let id: number;

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildTestApp(t, { readCacheSeconds: 60 });
  const [d] = await createDatasets(t, [{ input: datasetInput({ title: '原始名稱' }) }], { actor: 'test' });
  id = d!.datasetId;
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

const title = async (headers: Record<string, string> = {}) =>
  (await app.inject({ url: `/api/v1/datasets/${id}`, headers })).json<{ title: string }>().title;

describe('read cache', () => {
  it('serves a repeated anonymous read from the cache, with its ETag', async () => {
    const first = await app.inject({ url: `/api/v1/datasets/${id}` });
    await updateDatasetMetadata(t, id, { title: '背景更新' }, { actor: 'other-process', mode: 'patch' });
    const second = await app.inject({ url: `/api/v1/datasets/${id}` });
    expect(second.json<{ title: string }>().title).toBe('原始名稱');
    expect(second.headers.etag).toBe(first.headers.etag);
    const notModified = await app.inject({
      url: `/api/v1/datasets/${id}`,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(notModified.statusCode).toBe(304);
  });

  it('never serves authenticated reads from it', async () => {
    expect(await title(ADMIN_HEADERS)).toBe('背景更新');
  });

  it('is emptied by a write through this process', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/datasets/${id}`,
      headers: ADMIN_HEADERS,
      payload: { title: '經由 API 更新' },
    });
    expect(res.statusCode).toBe(200);
    expect(await title()).toBe('經由 API 更新');
  });

  it('forgets entries after the TTL', () => {
    let now = 1_000;
    const cache = new ReadCache({ ttlSeconds: 5, now: () => now });
    cache.set('/a', 'body', {});
    now += 4_999;
    expect(cache.get('/a')?.body).toBe('body');
    now += 1;
    expect(cache.get('/a')).toBeUndefined();
    expect(new ReadCache({ ttlSeconds: 0 }).enabled).toBe(false);
  });
});
