import { cellShape, chineseShare, englishShare, looksLikeData, type CellShape } from './cell-shape.ts';
import { usedWidth } from './ragged-rows.ts';

/** A column of a table: its name and, when the file had one, a description (e.g. the English header). */
export interface TableColumn {
  name: string;
  description?: string;
}

export interface DetectedHeader {
  columns: TableColumn[];
  /** Header rows found: 0 (names were generated), 1, or 2 (two-row or Chinese + English). */
  headerRows: number;
  /** Index (in the records given) of the first data row, past title and header rows. */
  dataStartIndex: number;
}

/** Records looked at to find the header. */
export const HEADER_WINDOW = 20;

const filledCount = (cells: readonly string[]): number => cells.filter((c) => c.trim() !== '').length;

/** Title rows (one non-empty cell, e.g. `臺東縣避難收容所一覽表`) above a wider row. */
function countTitleRows(rows: readonly string[][]): number {
  let index = 0;
  while (index < rows.length - 1 && filledCount(rows[index] as string[]) <= 1) index++;
  const widerBelow = rows.slice(index).some((row) => filledCount(row) > 1);
  return widerBelow ? index : 0;
}

function dominantShape(rows: readonly string[][], column: number): CellShape | undefined {
  const tally = new Map<CellShape, number>();
  for (const row of rows) {
    const shape = cellShape(row[column] ?? '');
    if (shape !== 'empty') tally.set(shape, (tally.get(shape) ?? 0) + 1);
  }
  let best: CellShape | undefined;
  let times = 0;
  for (const [shape, count] of tally) if (count > times) [best, times] = [shape, count];
  return best;
}

/**
 * Votes on whether `row` is a header for the `below` rows, column by column: a cell
 * shaped like data (number, date, path, sentence) votes against; a label above a
 * column of numbers, dates or paths votes for; a repeated label votes against.
 */
function isHeaderRow(row: readonly string[], below: readonly string[][]): boolean {
  let score = 0;
  const seen = new Set<string>();
  row.forEach((raw, column) => {
    const value = raw.trim();
    if (value === '') return;
    if (looksLikeData(value)) score--;
    else if (below.length > 0) {
      const shape = dominantShape(below, column);
      if (shape !== undefined && shape !== 'label') score++;
    }
    if (seen.has(value)) score--;
    seen.add(value);
  });
  return score >= 0;
}

/** A second header row in English under a Chinese one (實價登錄: 鄉鎮市區 / The villages and towns …). */
const isEnglishDescriptionRow = (header: readonly string[], next: readonly string[] | undefined): boolean =>
  next !== undefined && chineseShare(header) >= 0.5 && englishShare(next) >= 0.6;

/**
 * A grouped header: the upper row has gaps (merged cells) that the lower row fills, and
 * the lower row holds labels, not data.
 */
function isGroupedHeader(upper: readonly string[], lower: readonly string[] | undefined): boolean {
  if (lower === undefined || lower.some((cell) => looksLikeData(cell))) return false;
  const width = usedWidth(upper);
  let gapsFilled = 0;
  for (let column = 1; column < width; column++) {
    if ((upper[column] ?? '').trim() === '' && (lower[column] ?? '').trim() !== '') gapsFilled++;
  }
  return gapsFilled > 0 && filledCount(lower) >= 2;
}

/** `上層 - 下層`, carrying a merged upper cell across the empty cells to its right. */
function flattenGroupedHeader(upper: readonly string[], lower: readonly string[], width: number): string[] {
  const names: string[] = [];
  let group: string | undefined;
  for (let column = 0; column < width; column++) {
    const top = (upper[column] ?? '').trim();
    const bottom = (lower[column] ?? '').trim();
    if (top !== '') group = bottom !== '' ? top : undefined;
    const head = top !== '' ? top : (group ?? '');
    names.push(head && bottom ? `${head} - ${bottom}` : head || bottom);
  }
  return names;
}

/** Trimmed, non-empty (`column_N`) and unique (`名稱`, `名稱_2`) column names. */
export function uniqueColumnNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, index) => {
    const base = raw.replace(/\s+/g, ' ').trim() || `column_${index + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

/** Longest label taken as the header of a one-column list. */
const SINGLE_COLUMN_HEADER_LENGTH = 8;

/**
 * A one-column list (titles, names) gives header detection little to compare: its
 * first row is taken as a header only when it is a short label (≤ 8 characters, like
 * 資料集名稱 or name) and most values below are longer than it.
 */
function isSingleColumnHeader(header: readonly string[], below: readonly (readonly string[])[]): boolean {
  const label = (header[0] ?? '').trim();
  if (label === '' || label.length > SINGLE_COLUMN_HEADER_LENGTH) return false;
  const values = below.map((row) => (row[0] ?? '').trim()).filter((v) => v !== '');
  return values.length === 0 || values.filter((v) => v.length > label.length).length >= 0.8 * values.length;
}

/**
 * Finds the header in the first records of a table: skips title rows, recognises a
 * missing header (names become `column_1`, `column_2`, …), a second header row in
 * English (kept as descriptions) and a two-row grouped header (flattened).
 */
export function detectHeader(records: readonly (readonly string[])[]): DetectedHeader {
  const rows = records.slice(0, HEADER_WINDOW).map((cells) => [...cells]);
  const titleRows = countTitleRows(rows);
  const header = rows[titleRows] ?? [];
  const next = rows[titleRows + 1];
  const width = Math.max(0, ...rows.slice(titleRows).map((row) => usedWidth(row)));
  const generated = (): string[] => Array.from({ length: width }, (_, i) => `column_${i + 1}`);

  if (
    !isHeaderRow(header, rows.slice(titleRows + 1)) ||
    (width === 1 && !isSingleColumnHeader(header, rows.slice(titleRows + 1)))
  ) {
    return { columns: generated().map((name) => ({ name })), headerRows: 0, dataStartIndex: titleRows };
  }
  if (isEnglishDescriptionRow(header, next)) {
    const names = uniqueColumnNames(Array.from({ length: width }, (_, i) => header[i] ?? ''));
    const columns = names.map((name, i): TableColumn => {
      const description = (next?.[i] ?? '').trim();
      return description ? { name, description } : { name };
    });
    return { columns, headerRows: 2, dataStartIndex: titleRows + 2 };
  }
  if (isGroupedHeader(header, next)) {
    const names = uniqueColumnNames(flattenGroupedHeader(header, next ?? [], width));
    return { columns: names.map((name) => ({ name })), headerRows: 2, dataStartIndex: titleRows + 2 };
  }
  const names = uniqueColumnNames(Array.from({ length: width }, (_, i) => header[i] ?? ''));
  return { columns: names.map((name) => ({ name })), headerRows: 1, dataStartIndex: titleRows + 1 };
}
