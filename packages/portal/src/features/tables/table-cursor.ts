import type { FieldProblem } from '../../errors/app-error.ts';
import type { EngineValue } from './table-engine.ts';
import { isNumeric, type TableField } from './table-fields.ts';
import type { Binder } from './table-sql.ts';

/**
 * Keyset paging (`after=`): the cursor holds the last row's sort values and its row
 * number in the file (the tie-breaker), base64url-encoded JSON. The next page starts
 * after that row in the same order (nulls last), however deep, without an OFFSET scan.
 */

export interface Cursor {
  values: EngineValue[];
  row: number;
}

export function encodeCursor(values: readonly unknown[], row: number): string {
  return Buffer.from(JSON.stringify({ v: values, r: row })).toString('base64url');
}

/** The cursor, checked against the sort columns' types; a problem when it does not fit. */
export function decodeCursor(
  raw: string,
  keys: readonly TableField[],
  problems: FieldProblem[],
): Cursor | undefined {
  const bad = (): undefined => {
    problems.push({
      field: 'after',
      code: 'format',
      message: 'Not a cursor of this query (use the `next` of the previous page with the same sort)',
    });
    return undefined;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return bad();
  }
  const { v, r } = (parsed ?? {}) as { v?: unknown; r?: unknown };
  if (!Array.isArray(v) || v.length !== keys.length || !Number.isSafeInteger(r) || (r as number) < 0)
    return bad();
  for (const [i, value] of v.entries()) {
    const field = keys[i]!;
    const ok =
      value === null ||
      (isNumeric(field)
        ? typeof value === 'number'
        : field.type === 'boolean'
          ? typeof value === 'boolean'
          : typeof value === 'string');
    if (!ok) return bad();
  }
  return { values: v as EngineValue[], row: r as number };
}

/** Rows after the cursor in `ORDER BY keys…, file_row_number` (each key nulls last). */
export function keysetSql(
  keys: readonly { expression: string; desc: boolean }[],
  cursor: Cursor,
  binder: Binder,
): string {
  const levels = [
    ...keys.map((k, i) => ({ ...k, value: cursor.values[i] ?? null })),
    {
      expression: 'file_row_number',
      desc: false,
      value: cursor.row as EngineValue,
    },
  ];
  const alternatives = levels.map((level, i) => {
    const equal = levels
      .slice(0, i)
      .map((k) =>
        k.value === null ? `${k.expression} IS NULL` : `${k.expression} = ${binder.bind(k.value)}`,
      );
    // Nothing sorts after a null (nulls last) at its own level.
    const after =
      level.value === null
        ? 'FALSE'
        : `(${level.expression} ${level.desc ? '<' : '>'} ${binder.bind(level.value)} OR ${level.expression} IS NULL)`;
    return `(${[...equal, after].join(' AND ')})`;
  });
  return `(${alternatives.join(' OR ')})`;
}
