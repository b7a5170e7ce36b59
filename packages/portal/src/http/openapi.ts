import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorCodeTable } from './error-schema.ts';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const API_DOCS_PREFIX = '/api/docs';

const zodTransform = createJsonSchemaTransform({});

/** Only the APIs and health checks are documented; pages, docs assets and demo files are not. */
function isDocumented(url: string): boolean {
  if (url === '/healthz' || url === '/readyz') return true;
  return url.startsWith('/api/') && !url.startsWith(API_DOCS_PREFIX);
}

function isZodOnly(schema: Record<string, unknown>): boolean {
  const parts = ['params', 'querystring', 'body', 'headers']
    .map((k) => schema[k])
    .filter((v) => v !== undefined);
  return parts.every((p) => p instanceof z.core.$ZodType);
}

type TransformInput = Parameters<typeof zodTransform>[0];

function transform(input: TransformInput): ReturnType<typeof zodTransform> {
  if (!isDocumented(input.url)) return { schema: { hide: true }, url: input.url };
  // Routes described with plain JSON Schema are passed through as they are.
  if (input.schema && !isZodOnly(input.schema as Record<string, unknown>))
    return { schema: input.schema, url: input.url };
  return zodTransform(input);
}

const DESCRIPTION = `The odp REST API: the national open-data catalogue (datasets with their resources,
versions, organisations, vocabularies) in the national metadata standard's field names,
plus the data.gov.tw v2 read shapes under \`/api/v2/rest\`.

Reads are public and cacheable (\`ETag\`, \`Cache-Control: public, max-age=60\`, \`If-None-Match\` → 304).
Writes need \`Authorization: Bearer <ODP_ADMIN_TOKEN>\`; with the token, reads also show drafts and
delisted datasets. Every response carries an \`x-request-id\` header.

## Errors

Every error of \`/api/v1\` has one body: \`{"error": {"code", "message", "details"?, "requestId"}}\`.
\`details\` of \`VALIDATION_FAILED\` lists each bad field as \`{field, code, message}\`. The v2 endpoints
answer in the data.gov.tw envelope \`{"success": false, "error": {"error_type", "message"}}\`.

${errorCodeTable()}
`;

/** OpenAPI 3.1 generated from the route schemas, and the browsable docs (assets served locally). */
export async function registerOpenApi(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'odp API',
        version: '1.0.0',
        description: DESCRIPTION,
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: options.publicUrl }],
      tags: [
        { name: 'datasets', description: '資料集 — datasets and their resources (資料資源)' },
        { name: 'organizations', description: '機關 — agencies by OID and agency code' },
        { name: 'vocabularies', description: '服務分類, 高應用價值主題, 授權方式' },
        { name: 'data.gov.tw v2', description: 'The read shapes of data.gov.tw API v2' },
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'documentation', description: 'This document' },
      ],
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API key (odp_…) of an organisation or a person, or the ODP_ADMIN_TOKEN setting; the role needed is in docs/accounts.md',
          },
          adminToken: { type: 'http', scheme: 'bearer', description: 'The ODP_ADMIN_TOKEN setting' },
        },
      },
    },
    transform,
    transformObject: createJsonSchemaTransformObject({}),
  });
  await app.register(swaggerUi, {
    routePrefix: API_DOCS_PREFIX,
    uiConfig: { docExpansion: 'list', deepLinking: true },
    staticCSP:
      "default-src 'self'; base-uri 'self'; font-src 'self' data:; frame-ancestors 'self'; img-src 'self' data:; " +
      "object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self'",
  });
}
