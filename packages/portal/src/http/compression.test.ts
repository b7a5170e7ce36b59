import type { FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasets } from '../features/datasets/dataset.service.ts';
import { datasetInput } from '../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { OPENAPI_PATH } from './openapi.ts';
import { buildTestApp } from './test-app.ts';

let t: TestDatabase;
let app: FastifyInstance;
let id: number;

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildTestApp(t, { readCacheSeconds: 60 });
  const [d] = await createDatasets(t, [{ input: datasetInput({ title: '壓縮測試資料集' }) }], {
    actor: 'test',
  });
  id = d!.datasetId;
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe('compressed responses', () => {
  it('sends a page as brotli or gzip as asked, and as it is to a client that asks for neither', async () => {
    const plain = await app.inject({ url: `/dataset/${id}` });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('壓縮測試資料集');

    const br = await app.inject({ url: `/dataset/${id}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(plain.body) / 2);

    // Served from the read cache now: still compressed only for the client that asks.
    const gzip = await app.inject({ url: `/dataset/${id}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(plain.body);
    const again = await app.inject({ url: `/dataset/${id}` });
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.body).toBe(plain.body);
  });

  it('compresses the API JSON too (the OpenAPI document), leaving bodies under 1 KB as they are', async () => {
    const res = await app.inject({ url: OPENAPI_PATH, headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString('utf8')).openapi).toMatch(/^3\./);
    const small = await app.inject({
      url: `/api/v1/search?q=${encodeURIComponent('壓縮')}&limit=10`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
