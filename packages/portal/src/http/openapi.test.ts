import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES } from '../errors/error-codes.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { buildTestApp } from './test-app.ts';

let t: TestDatabase;
let app: FastifyInstance;
const routes: RouteOptions[] = [];

interface Operation {
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: unknown[];
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

let doc: OpenApiDocument;

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildTestApp(t, {}, { onRoute: (route) => routes.push(route) });
  const res = await app.inject('/api/v1/openapi.json');
  expect(res.statusCode).toBe(200);
  doc = JSON.parse(res.body) as OpenApiDocument;
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

/** `/datasets/:datasetId` → `/datasets/{datasetId}` */
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

function v1Routes(): { method: string; url: string; route: RouteOptions }[] {
  return routes
    .filter((r) => r.url.startsWith('/api/v1/'))
    .flatMap((r) => [r.method].flat().map((m) => ({ method: String(m).toLowerCase(), url: r.url, route: r })))
    .filter((r) => r.method !== 'head');
}

function queryKeys(route: RouteOptions): string[] {
  const schema = route.schema?.querystring;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with the error codes documented', () => {
    expect(doc.openapi.startsWith('3.1')).toBe(true);
    expect(doc.info.title).toBe('odp API');
    for (const code of Object.keys(ERROR_CODES)) expect(doc.info.description).toContain(`\`${code}\``);
    expect(doc.components.schemas.Error).toBeDefined();
    expect(doc.components.schemas.Dataset).toBeDefined();
    expect(doc.components.securitySchemes.adminToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents every /api/v1 route with its path and query parameters', () => {
    const all = v1Routes();
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const { method, url, route } of all) {
      const operation = doc.paths[openApiPath(url)]?.[method];
      expect(operation, `${method} ${url}`).toBeDefined();
      const params = operation?.parameters ?? [];
      for (const name of [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1])) {
        expect(params, `${method} ${url} path ${name}`).toContainEqual(
          expect.objectContaining({ in: 'path', name, required: true }),
        );
      }
      for (const name of queryKeys(route)) {
        expect(params, `${method} ${url} query ${name}`).toContainEqual(
          expect.objectContaining({ in: 'query', name }),
        );
      }
      if (route.schema?.body) expect(operation?.requestBody, `${method} ${url} body`).toBeDefined();
      expect(
        operation?.responses['200'] ?? operation?.responses['201'] ?? operation?.responses['202'],
        `${method} ${url} success`,
      ).toBeDefined();
    }
  });

  it('documents the error body on error responses and the token on writes', () => {
    const get = doc.paths['/api/v1/datasets/{datasetId}']?.get;
    expect(get?.responses['404']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
    const post = doc.paths['/api/v1/datasets']?.post;
    expect(post?.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409']),
    );
  });

  it('documents the data.gov.tw v2 shapes and health, but not the pages', () => {
    expect(doc.paths['/api/v2/rest/dataset/{datasetId}']?.get).toBeDefined();
    expect(doc.paths['/api/v2/rest/dataset/export']?.get?.parameters).toContainEqual(
      expect.objectContaining({ in: 'query', name: 'limit' }),
    );
    expect(doc.paths['/readyz']?.get).toBeDefined();
    expect(
      Object.keys(doc.paths).filter(
        (p) => p.startsWith('/datasets') || p === '/' || p.startsWith('/api/docs'),
      ),
    ).toEqual([]);
  });

  it('serves the browsable docs with their own assets (works offline)', async () => {
    const page = await app.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) {
      expect(asset.startsWith('http'), asset).toBe(false);
      const res = await app.inject(new URL(asset, 'http://localhost/api/docs/').pathname);
      expect(res.statusCode, asset).toBe(200);
    }
    const initializer = (await app.inject('/api/docs/static/swagger-initializer.js')).body;
    expect(initializer).toContain('validatorUrl: null');
    const code = initializer.replace(/\/\/ .*$/gm, '');
    expect(code).not.toMatch(/https?:\/\//);
  });
});
