import { FILTER_OPS } from './table-query.ts';
import { isNumeric, type TableField } from './table-fields.ts';

/** A per-resource OpenAPI 3.1 document: its data endpoints, with every column as filter parameters. */

const OP_HELP: Record<string, string> = {
  exact: 'equal to',
  contains: 'contains (case-insensitive)',
  in: 'one of (comma-separated)',
  less: 'less than',
  greater: 'greater than',
  between: 'between, inclusive (low,high)',
  isnull: 'is empty (true) or not (false)',
  notnull: 'is not empty (true) or is (false)',
  null: 'is empty (true|false)',
};

function schemaOf(field: TableField): Record<string, unknown> {
  if (field.type === 'integer') return { type: 'integer' };
  if (isNumeric(field)) return { type: 'number' };
  if (field.type === 'boolean') return { type: 'boolean' };
  if (field.type === 'date') return { type: 'string', format: 'date' };
  return { type: 'string' };
}

export function resourceOpenApi(options: {
  publicUrl: string;
  resourceId: string;
  title: string;
  fields: readonly TableField[];
  maxRows: number;
}): Record<string, unknown> {
  const { resourceId, fields } = options;
  const base = `/api/v1/resources/${resourceId}`;
  const filterParameters = fields.flatMap((f) =>
    FILTER_OPS.map((op) => ({
      in: 'query',
      name: `${f.name}__${op}`,
      required: false,
      description: `${f.name} (${f.type}) ${OP_HELP[op]}`,
      schema: { type: 'string' },
    })),
  );
  const names = fields.map((f) => f.name);
  const common = [
    {
      in: 'query',
      name: 'limit',
      schema: { type: 'integer', minimum: 0, default: 100, maximum: options.maxRows },
    },
    { in: 'query', name: 'offset', schema: { type: 'integer', minimum: 0, default: 0 } },
    {
      in: 'query',
      name: 'after',
      description: 'Keyset cursor: `next` of the previous page',
      schema: { type: 'string' },
    },
    {
      in: 'query',
      name: 'sort',
      description: 'Columns, `-` for descending, comma-separated',
      schema: { type: 'string' },
    },
    {
      in: 'query',
      name: 'fields',
      description: `Columns to return: ${names.join(', ')}`,
      schema: { type: 'string' },
    },
    { in: 'query', name: 'q', description: 'Words in any text column', schema: { type: 'string' } },
    { in: 'query', name: 'group_by', description: 'Columns to group by', schema: { type: 'string' } },
    {
      in: 'query',
      name: 'agg',
      description: 'count, or sum|avg|min|max:<column>, comma-separated',
      schema: { type: 'string' },
    },
    ...filterParameters,
  ];
  const record = {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, { ...schemaOf(f), nullable: true }])),
  };
  const rows = {
    type: 'object',
    required: ['total', 'fields', 'records', 'truncated'],
    properties: {
      total: { type: 'integer' },
      fields: {
        type: 'array',
        items: { type: 'object', properties: { name: { type: 'string' }, type: { type: 'string' } } },
      },
      records: { type: 'array', items: record },
      truncated: { type: 'boolean' },
      next: { type: ['string', 'null'] },
    },
  };
  const answer = (type: string, schema: Record<string, unknown>) => ({
    parameters: common,
    responses: {
      200: { description: 'Matching rows', content: { [type]: { schema } } },
      400: { description: 'VALIDATION_FAILED: an unknown column, operator or a value of the wrong type' },
      404: { description: 'RESOURCE_NOT_FOUND or TABLE_UNAVAILABLE' },
      503: { description: 'QUERY_TIMEOUT' },
    },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: `${options.title}: ${resourceId}`,
      version: '1',
      description: 'Row-level data API of one resource (docs/data-api.md).',
    },
    servers: [{ url: options.publicUrl }],
    paths: {
      [`${base}/data`]: { get: answer('application/json', rows) },
      [`${base}/data.csv`]: { get: answer('text/csv', { type: 'string' }) },
      [`${base}/data.xml`]: { get: answer('application/xml', { type: 'string' }) },
      [`${base}/data.geojson`]: { get: answer('application/geo+json', { type: 'object' }) },
      [`${base}/profile`]: { get: { responses: { 200: { description: 'Column profiles' } } } },
    },
  };
}
