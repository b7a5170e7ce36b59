/**
 * A government field standard, published as a Frictionless Table Schema field
 * definition (https://specs.frictionlessdata.io/table-schema/) plus the one rule a
 * schema cannot say (a checksum, a code list with 臺/台 folding).
 */
export interface TableSchemaField {
  name: string;
  title?: string;
  description?: string;
  type: 'string' | 'number' | 'integer' | 'date' | 'datetime';
  format?: string;
  constraints?: { pattern?: string; minimum?: number; maximum?: number; enum?: string[] };
}

export interface FieldStandard {
  id: string;
  title: { zh: string; en: string };
  field: TableSchemaField;
  /** Column names that claim this standard without saying so (compared after 臺/台 and width folding). */
  claimedBy: RegExp;
  /** undefined when the value conforms; otherwise why not (English, short). */
  check(value: string): string | undefined;
}

/** The Table Schema constraints applied to one value (pattern anchored, as the spec says). */
export function schemaProblem(field: TableSchemaField, value: string): string | undefined {
  const c = field.constraints ?? {};
  if (field.type === 'number' || field.type === 'integer') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) return 'not a number';
    if (field.type === 'integer' && !Number.isInteger(n)) return 'not an integer';
    if (c.minimum !== undefined && n < c.minimum) return `below ${c.minimum}`;
    if (c.maximum !== undefined && n > c.maximum) return `above ${c.maximum}`;
  }
  if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value))
    return 'does not match the pattern';
  if (c.enum !== undefined && !c.enum.includes(value)) return 'not in the code list';
  return undefined;
}
