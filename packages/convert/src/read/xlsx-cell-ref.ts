/** Excel's last column (XFD) and row. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

/** A rectangle of cells: rows 1-based as in `A1`, columns 0-based as in a row's cells. */
export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The 0-based column of a reference (`B7` → 1, `AA1` → 26); -1 when it has no letters. */
export function columnIndex(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return i === 0 ? -1 : column - 1;
}

/** A cell reference as row and column; undefined unless it is letters then digits, in range. */
function parseCell(ref: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  const column = columnIndex(match[1] ?? '');
  const row = Number(match[2]);
  if (column >= MAX_COLUMNS || row < 1 || row > MAX_ROWS) return undefined;
  return { row, column };
}

/** A range reference (`A2:A4`, or a single cell); undefined when malformed. */
export function parseRange(ref: string): CellRange | undefined {
  const [from, to = from] = ref.trim().split(':');
  const a = parseCell(from ?? '');
  const b = parseCell(to ?? '');
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}
