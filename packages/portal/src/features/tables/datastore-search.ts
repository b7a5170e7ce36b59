import { AppError } from '../../errors/app-error.ts';
import { parseSort, type TableFilter, type TableQueryInput } from './table-query.ts';
import { queryResourceTable, type TablesContext } from './tables.service.ts';

/**
 * CKAN DataStore's `datastore_search` (GET /api/3/action/datastore_search) over the same
 * tables: `resource_id`, `limit`, `offset`, `q`, `filters` (a JSON object of column →
 * value or list of values), `sort` (`"col asc, other desc"`), `fields`. Answers in
 * CKAN's envelope: `{ success, result: { resource_id, records, fields: [{ id, type }],
 * total, limit, offset } }`, errors as `{ success: false, error: { __type, message, code } }`.
 */

export interface DatastoreParams {
  resource_id?: string | undefined;
  id?: string | undefined;
  limit?: string | undefined;
  offset?: string | undefined;
  q?: string | undefined;
  filters?: string | undefined;
  sort?: string | undefined;
  fields?: string | undefined;
}

const CKAN_TYPES: Record<string, string> = {
  integer: 'int',
  decimal: 'numeric',
  coordinate: 'numeric',
  boolean: 'bool',
  date: 'date',
  datetime: 'timestamp',
  code: 'text',
  string: 'text',
};

const invalid = (field: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', message, [{ field, code: 'format', message }]);

function whole(raw: string | undefined, field: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw invalid(field, `${field} must be a whole number from 0`);
  return Number(raw);
}

/** CKAN's `filters` JSON: `{"column": "value"}` (exact) or `{"column": ["a", "b"]}` (any of). */
function filtersOf(raw: string | undefined): TableFilter[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalid('filters', 'filters must be a JSON object of column → value or list of values');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalid('filters', 'filters must be a JSON object of column → value or list of values');
  }
  return Object.entries(parsed as Record<string, unknown>).map(([column, value]) => {
    if (Array.isArray(value)) return { column, op: 'in' as const, value: value.map(String).join(',') };
    if (value === null) return { column, op: 'isnull' as const, value: 'true' };
    return { column, op: 'exact' as const, value: String(value) };
  });
}

/** `"name asc, amount desc"` → `name,-amount`. */
function sortOf(raw: string | undefined): TableQueryInput['sort'] {
  if (!raw) return [];
  return parseSort(
    raw
      .split(',')
      .map((part) => {
        const [column = '', direction = 'asc'] = part.trim().split(/\s+/);
        return direction.toLowerCase() === 'desc' ? `-${column}` : column;
      })
      .join(','),
  );
}

export async function datastoreSearch(
  ctx: TablesContext,
  params: DatastoreParams,
): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const resourceId = params.resource_id ?? params.id;
    if (!resourceId) throw invalid('resource_id', 'resource_id is required');
    const limit = whole(params.limit, 'limit');
    const offset = whole(params.offset, 'offset') ?? 0;
    const fields = params.fields
      ?.split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    const result = await queryResourceTable(ctx, resourceId, {
      filters: filtersOf(params.filters),
      sort: sortOf(params.sort),
      ...(fields && fields.length > 0 ? { fields } : {}),
      ...(params.q ? { q: params.q } : {}),
      ...(limit === undefined ? {} : { limit }),
      offset,
    });
    return {
      status: 200,
      body: {
        success: true,
        result: {
          resource_id: resourceId.trim(),
          fields: result.fields.map((f) => ({ id: f.name, type: CKAN_TYPES[f.type] ?? 'text' })),
          records: result.records,
          total: result.total,
          limit: result.records.length < (limit ?? 100) ? (limit ?? 100) : result.records.length,
          offset,
          truncated: result.truncated,
        },
      },
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const type =
      error.status === 404 ? 'Not Found Error' : error.status < 500 ? 'Validation Error' : 'Server Error';
    return {
      status: error.status,
      body: {
        success: false,
        error: {
          __type: type,
          message: error.message,
          code: error.code,
          ...(error.details === undefined ? {} : { details: error.details }),
        },
      },
    };
  }
}
