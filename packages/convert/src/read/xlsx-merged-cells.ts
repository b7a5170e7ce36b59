import type { CellRange } from './xlsx-cell-ref.ts';
import type { SheetRow } from './xlsx-sheet-rows.ts';
import type { SheetBlock } from './xlsx-table-blocks.ts';

/** At most this many merged ranges are kept per sheet (a crafted sheet could list millions). */
export const MAX_MERGES = 100_000;

const isVertical = (range: CellRange) => range.bottom > range.top;
/** A merge across columns on one row: a group label over its sub-columns (地區 over 男/女). */
const isGroupLabel = (range: CellRange) => range.top === range.bottom && range.right > range.left;

/** The first index of sorted `rows` holding a value ≥ `row`. */
function lowerBound(rows: readonly number[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] ?? 0) < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The vertical merges of `block` whose value is filled down: those in the body of the
 * table, not its header. A vertical merge belongs to the header, and is left as is, when
 * - it starts on the block's first row (a header or title row is never data), or
 * - a group label (a one-row merge across columns) starts on one of its rows above its
 *   last: it is a single label standing beside a two-row grouped header (鄉鎮 over rows
 *   2–3 beside 地區 over 男/女), which header detection reads with the lower cell blank.
 */
export function mergesToFill(merges: readonly CellRange[], block: SheetBlock): CellRange[] {
  const labelRows = [...new Set(merges.filter(isGroupLabel).map((m) => m.top))].sort((a, b) => a - b);
  const beside = (range: CellRange) => {
    const next = labelRows[lowerBound(labelRows, range.top)];
    return next !== undefined && next < range.bottom;
  };
  return merges
    .filter((m) => isVertical(m) && m.top > block.first && m.top <= block.last && !beside(m))
    .sort((a, b) => a.top - b.top);
}

/**
 * Fills vertical merges down, row by row (rows in ascending order): each row a merge
 * covers below its top gets the top-left value in the merge's left column, so every row
 * of the merge reads as its top row does (a multi-column merge keeps the value in its
 * left column only, like a horizontal one).
 */
export function createMergeFill(ranges: readonly CellRange[]): (row: SheetRow) => string[] {
  let next = 0;
  let active: { range: CellRange; value: string }[] = [];
  return ({ number, cells }) => {
    for (; next < ranges.length && (ranges[next]?.top ?? Infinity) <= number; next++) {
      const range = ranges[next];
      const value = range?.top === number ? (cells[range.left] ?? '') : '';
      if (range && value.trim() !== '') active.push({ range, value });
    }
    if (active.length === 0) return cells;
    active = active.filter(({ range }) => range.bottom >= number);
    for (const { range, value } of active) {
      if (range.top === number || (cells[range.left] ?? '') !== '') continue;
      while (cells.length < range.left) cells.push('');
      cells[range.left] = value;
    }
    return cells;
  };
}
