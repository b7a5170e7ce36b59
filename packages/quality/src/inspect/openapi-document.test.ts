import { describe, expect, it } from 'vitest';
import { judgeOpenApiDocument } from './openapi-document.ts';

const doc = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    openapi: '3.0.3',
    info: { title: '停車場即時資訊', version: '1.0' },
    paths: {
      '/parking': {
        get: {
          parameters: [{ $ref: '#/components/parameters/top' }, { name: 'city', in: 'query' }],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: { parameters: { top: { name: '$top', in: 'query' } } },
    ...extra,
  });

describe('judgeOpenApiDocument', () => {
  it('accepts a valid document and finds paging through a $ref parameter', () => {
    expect(judgeOpenApiDocument(doc())).toEqual({
      valid: true,
      version: '3.0.3',
      problems: [],
      pagingDocumented: true,
      operations: 1,
    });
  });

  it('reads YAML (Swagger 2.0) and reports what is missing', () => {
    const yaml = 'swagger: "2.0"\ninfo:\n  title: x\npaths:\n  /a:\n    get: {}\n';
    const verdict = judgeOpenApiDocument(yaml);
    expect(verdict.valid).toBe(false);
    expect(verdict.problems).toEqual(['info.version is missing', 'GET /a has no responses']);
    expect(verdict.pagingDocumented).toBe(false);
  });

  it('refuses what is not a document, and a YAML alias bomb', () => {
    expect(judgeOpenApiDocument('<html>').valid).toBe(false);
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghij'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`),
    ].join('\n');
    expect(judgeOpenApiDocument(bomb).valid).toBe(false);
  });
});
