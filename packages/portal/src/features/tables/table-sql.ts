import type { FieldProblem } from '../../errors/app-error.ts';
import { quoteIdentifier, type EngineValue } from './table-engine.ts';
import { isNumeric, isText, type TableField } from './table-fields.ts';
import type { TableFilter, TableSort } from './table-query.ts';

/**
 * Compiles the data API's filters, search and sort into DuckDB SQL. Only identifiers of
 * the table's own fields reach the SQL text, quoted; every value is a `?` parameter,
 * typed by its column (numbers for number columns, text for text), so neither a column
 * name nor a value can change the statement.
 */

/** Values per `__in` list. */
export const MAX_IN_VALUES = 1000;

/** Collects the bound values of one statement, in order. */
export class Binder {
  readonly values: EngineValue[] = [];
  bind(value: EngineValue): string {
    this.values.push(value);
    return '?';
  }
}

export function fieldNamed(
  fields: readonly TableField[],
  name: string,
  place: string,
  problems: FieldProblem[],
): TableField | undefined {
  const field = fields.find((f) => f.name === name);
  if (!field) {
    problems.push({
      field: place.slice(0, 100),
      code: 'unknown_column',
      message: `The table has no column ${JSON.stringify(name.slice(0, 60))}`,
    });
  }
  return field;
}

/** One operand as its column's type, or a problem. */
function operand(
  field: TableField,
  raw: string,
  place: string,
  problems: FieldProblem[],
): EngineValue | undefined {
  const text = raw.trim();
  if (isNumeric(field)) {
    const n = text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(n)) {
      problems.push({
        field: place,
        code: 'type',
        message: `${field.name} holds numbers; ${text.slice(0, 40)} is not one`,
      });
      return undefined;
    }
    return n;
  }
  if (field.type === 'boolean') {
    if (/^(true|1)$/i.test(text)) return true;
    if (/^(false|0)$/i.test(text)) return false;
    problems.push({ field: place, code: 'type', message: `${field.name} holds true/false` });
    return undefined;
  }
  return raw;
}

function truth(raw: string, place: string, problems: FieldProblem[]): boolean | undefined {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  problems.push({ field: place, code: 'type', message: `${place} takes true or false` });
  return undefined;
}

/** `%word%` for ILIKE … ESCAPE '\', with the word's own wildcards escaped. */
export const containsPattern = (word: string): string => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterSql(
  fields: readonly TableField[],
  filter: TableFilter,
  binder: Binder,
  problems: FieldProblem[],
): string | undefined {
  const place = `${filter.column}__${filter.op}`;
  const field = fieldNamed(fields, filter.column, place, problems);
  if (!field) return undefined;
  const column = quoteIdentifier(field.name);
  const one = (raw: string): string | undefined => {
    const value = operand(field, raw, place, problems);
    return value === undefined ? undefined : binder.bind(value);
  };
  switch (filter.op) {
    case 'exact': {
      const p = one(filter.value);
      return p && `${column} = ${p}`;
    }
    case 'contains':
      return `CAST(${column} AS VARCHAR) ILIKE ${binder.bind(containsPattern(filter.value))} ESCAPE '\\'`;
    case 'less':
    case 'greater': {
      const p = one(filter.value);
      return p && `${column} ${filter.op === 'less' ? '<' : '>'} ${p}`;
    }
    case 'in': {
      const values = filter.value.split(',');
      if (values.length > MAX_IN_VALUES) {
        problems.push({ field: place, code: 'too_long', message: `At most ${MAX_IN_VALUES} values` });
        return undefined;
      }
      const params = values.map(one);
      return params.every((p) => p !== undefined) ? `${column} IN (${params.join(', ')})` : undefined;
    }
    case 'between': {
      const bounds = filter.value.split(',');
      if (bounds.length !== 2) {
        problems.push({ field: place, code: 'format', message: `${place} takes two values: low,high` });
        return undefined;
      }
      const low = one(bounds[0]!);
      const high = one(bounds[1]!);
      return low && high && `${column} BETWEEN ${low} AND ${high}`;
    }
    case 'isnull':
    case 'notnull':
    case 'null': {
      const wanted = truth(filter.value, place, problems);
      if (wanted === undefined) return undefined;
      const isNull = filter.op === 'notnull' ? !wanted : wanted;
      return `${column} IS ${isNull ? '' : 'NOT '}NULL`;
    }
  }
}

/** `WHERE …` (or '') for the filters and the search words; problems collect what is wrong. */
export function whereSql(
  fields: readonly TableField[],
  filters: readonly TableFilter[],
  q: string | undefined,
  binder: Binder,
  problems: FieldProblem[],
): string {
  const parts = filters.flatMap((f) => filterSql(fields, f, binder, problems) ?? []);
  if (q) {
    const searched = fields.filter(isText);
    const columns = searched.length > 0 ? searched : fields;
    const pattern = containsPattern(q);
    parts.push(
      `(${columns
        .map((f) => `CAST(${quoteIdentifier(f.name)} AS VARCHAR) ILIKE ${binder.bind(pattern)} ESCAPE '\\'`)
        .join(' OR ')})`,
    );
  }
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
}

/** The checked sort columns. */
export function checkedSort(
  fields: readonly TableField[],
  sort: readonly TableSort[],
  problems: FieldProblem[],
): { field: TableField; desc: boolean }[] {
  return sort.flatMap((s) => {
    const field = fieldNamed(fields, s.column, 'sort', problems);
    return field ? [{ field, desc: s.desc }] : [];
  });
}

/** `ORDER BY` terms; nulls always last, so keyset cursors can tell where a page ended. */
export const orderTerm = (expression: string, desc: boolean): string =>
  `${expression} ${desc ? 'DESC' : 'ASC'} NULLS LAST`;
