import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readAuthHook } from '../../http/auth.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { FIELD_TYPES } from './table-fields.ts';
import { rowsAsCsv, rowsAsGeoJson, rowsAsXml, requireCoordinates } from './table-output.ts';
import { resourceOpenApi } from './table-openapi.ts';
import { parseDataParams } from './table-query.ts';
import { profileResourceTable } from './table-profile.ts';
import {
  aggregateTable,
  maxRowsOf,
  queryTable,
  resourceTable,
  type TablesContext,
} from './tables.service.ts';
import { datastoreSearch } from './datastore-search.ts';

/**
 * The row-level data API of a resource (docs/data-api.md): rows as JSON, CSV, XML and
 * GeoJSON, its column profile, its own OpenAPI document, and CKAN's
 * `datastore_search` as an alias. Filters are `<column>__<op>=value` parameters.
 */

const ParamsSchema = z.object({
  resourceID: z.string().min(1).max(100).describe('資料資源編號, e.g. A41000000G-000001-001'),
});

const DataQuerySchema = z
  .looseObject({
    limit: z
      .string()
      .optional()
      .describe('Rows to return (default 100, at most the row cap, 10,000 by default)'),
    offset: z.string().optional().describe('Rows to skip'),
    after: z.string().optional().describe('Keyset paging: the `next` cursor of the previous page'),
    sort: z.string().optional().describe('Columns to sort by, comma-separated; `-column` for descending'),
    fields: z.string().optional().describe('Columns to return, comma-separated'),
    q: z.string().optional().describe('Words looked for in every text column'),
    group_by: z.string().optional().describe('Aggregate: columns to group by, comma-separated'),
    agg: z
      .string()
      .optional()
      .describe('Aggregate: `count`, `sum:<column>`, `avg:…`, `min:…`, `max:…`, comma-separated'),
  })
  .describe(
    'Plus `<column>__<op>=value` filters: exact, contains, in, less, greater, between, isnull, notnull, null',
  );

const FieldSchema = z.object({ name: z.string(), type: z.enum(FIELD_TYPES) });
const RowsSchema = z.object({
  total: z.number().int(),
  fields: z.array(FieldSchema),
  records: z.array(z.record(z.string(), z.unknown())),
  truncated: z.boolean(),
  next: z.string().nullable(),
});

const ProfileSchema = z.object({
  rows: z.number().int(),
  columns: z.array(
    z.object({
      name: z.string(),
      type: z.enum(FIELD_TYPES),
      nulls: z.number().int(),
      distinct: z.number().int(),
      min: z.unknown(),
      max: z.unknown(),
      top: z.array(z.object({ value: z.unknown(), count: z.number().int() })),
      histogram: z
        .array(z.object({ from: z.unknown(), to: z.unknown(), count: z.number().int() }))
        .optional(),
    }),
  ),
});

const ERRORS = errorResponses(400, 401, 404, 422, 500, 503);

export const tableRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue, settings }) => {
  app.addHook('onRequest', readAuthHook(settings, catalogue.db));
  const contextOf = (isAdmin: boolean): TablesContext => ({ catalogue, settings, isAdmin });

  /** Rows (or groups) for one request, with the table's fields. */
  async function answer(
    isAdmin: boolean,
    resourceId: string,
    params: Record<string, unknown>,
    forceRows = false,
  ) {
    const ctx = contextOf(isAdmin);
    const { row, file, resource } = await resourceTable(ctx, resourceId);
    const parsed = parseDataParams(params as Record<string, string>);
    if (parsed.kind === 'aggregate' && !forceRows) {
      const groups = await aggregateTable(ctx, row.fields, file, parsed.query);
      return { resource, tableFields: row.fields, result: { ...groups, next: null } };
    }
    const query = parsed.kind === 'rows' ? parsed.query : { filters: parsed.query.filters ?? [] };
    const result = await queryTable(ctx, row.fields, file, row.rowCount ?? 0, query);
    return { resource, tableFields: row.fields, result };
  }

  app.get(
    '/api/v1/resources/:resourceID/data',
    {
      schema: {
        tags: ['data'],
        summary: 'Rows of a resource: filters, sort, fields, paging, search, group-by',
        params: ParamsSchema,
        querystring: DataQuerySchema,
        response: { 200: RowsSchema, ...ERRORS },
      },
    },
    async (request) => (await answer(request.isAdmin, request.params.resourceID, request.query)).result,
  );

  const exportHeaders = (truncated: boolean, total: number) => ({
    'x-total-count': String(total),
    'x-truncated': String(truncated),
  });
  /** Exports without a limit ask for every row: the row cap cuts them, flagged `x-truncated`. */
  const exportParams = (query: Record<string, unknown>) => ({
    limit: String(maxRowsOf(contextOf(false)) + 1),
    ...query,
  });

  const exports = [
    {
      extension: 'csv',
      summary: 'Rows of a resource as CSV (UTF-8)',
      type: 'text/csv; charset=utf-8',
      write: (result: Awaited<ReturnType<typeof answer>>['result']) =>
        rowsAsCsv(result.fields, result.records),
    },
    {
      extension: 'xml',
      summary: 'Rows of a resource as XML',
      type: 'application/xml; charset=utf-8',
      write: (result: Awaited<ReturnType<typeof answer>>['result']) =>
        rowsAsXml(result.fields, result.records, result),
    },
  ] as const;
  for (const format of exports) {
    app.get(
      `/api/v1/resources/:resourceID/data.${format.extension}`,
      {
        schema: {
          tags: ['data'],
          summary: format.summary,
          params: ParamsSchema,
          querystring: DataQuerySchema,
        },
      },
      async (request, reply) => {
        const { result } = await answer(
          request.isAdmin,
          request.params.resourceID,
          exportParams(request.query),
        );
        return reply
          .type(format.type)
          .headers(exportHeaders(result.truncated, result.total))
          .send(format.write(result));
      },
    );
  }

  app.get(
    '/api/v1/resources/:resourceID/data.geojson',
    {
      schema: {
        tags: ['data'],
        summary: 'Rows of a resource with coordinates as GeoJSON points (TWD97 converted to WGS84)',
        params: ParamsSchema,
        querystring: DataQuerySchema,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request.isAdmin);
      const { row, resource } = await resourceTable(ctx, request.params.resourceID);
      const pair = requireCoordinates(row.fields, resource.resourceId);
      const params: Record<string, unknown> = { ...exportParams(request.query) };
      // Points need both coordinates, whatever columns were asked for.
      if (typeof params.fields === 'string' && params.fields !== '')
        params.fields = `${params.fields},${pair.lon.name},${pair.lat.name}`;
      const { result } = await answer(request.isAdmin, resource.resourceId, params, true);
      return reply
        .type('application/geo+json; charset=utf-8')
        .headers(exportHeaders(result.truncated, result.total))
        .send(JSON.stringify(rowsAsGeoJson(pair, result.fields, result.records, result)));
    },
  );

  app.get(
    '/api/v1/resources/:resourceID/profile',
    {
      schema: {
        tags: ['data'],
        summary: 'Column profiles of a resource: type, nulls, distinct, min/max, top values, histogram',
        params: ParamsSchema,
        response: { 200: ProfileSchema, ...ERRORS },
      },
    },
    async (request) => profileResourceTable(contextOf(request.isAdmin), request.params.resourceID),
  );

  app.get(
    '/api/v1/resources/:resourceID/openapi.json',
    {
      schema: {
        tags: ['data'],
        summary: "An OpenAPI 3.1 document of a resource's data API, its columns as filter parameters",
        params: ParamsSchema,
        response: { 200: z.record(z.string(), z.unknown()), ...ERRORS },
      },
    },
    async (request) => {
      const ctx = contextOf(request.isAdmin);
      const { row, resource } = await resourceTable(ctx, request.params.resourceID);
      return resourceOpenApi({
        publicUrl: settings.publicUrl,
        resourceId: resource.resourceId,
        title: resource.title,
        fields: row.fields,
        maxRows: maxRowsOf(ctx),
      });
    },
  );

  app.get(
    '/api/3/action/datastore_search',
    {
      schema: {
        tags: ['data'],
        summary: "CKAN DataStore's datastore_search over a resource's table (CKAN's envelope)",
        querystring: z.object({
          resource_id: z.string().optional(),
          id: z.string().optional(),
          limit: z.string().optional(),
          offset: z.string().optional(),
          q: z.string().optional(),
          filters: z.string().optional(),
          sort: z.string().optional(),
          fields: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { status, body } = await datastoreSearch(contextOf(request.isAdmin), request.query);
      return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
    },
  );
};
