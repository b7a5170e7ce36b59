import { toHalfWidth } from './width.ts';
import { trimCell } from './trim.ts';
import { isEdgeSpace } from './cell-scan.ts';

/** A first cell naming a total (合計, 總計, 小計, 總和, 共計, Total), optionally followed by `:`/`(`…. */
const TOTAL = /^(合計|總計|小計|總和|共計|總合計|grandtotal|subtotal|total|sum)([:([].*)?$/i;
/** A first cell that opens a footnote: 註：, 註1：, 附註：, 備註：, 說明：, 資料來源：, Note:, ※, *. */
const FOOTNOTE =
  /^((附|備)?註[0-9一二三四五六七八九十]*|說明|資料來源|來源|製表|製表單位|填表說明|資料時間|資料日期|notes?|sources?)\s*:|^[※*]/i;

/** Characters a total or footnote cell can start with, after trimming (half- or full-width). */
const MAY_START_SUMMARY =
  /^[\s\u3000\u200B-\u200D\u2060\uFEFF]*[合總小共附備註說資來製填gGsStTnN※*＊ｇＧｓＳｔＴｎＮ]/;

/** 1 for the characters a total or footnote row can start with (a table: it is asked of every row). */
const SUMMARY_STARTS = new Uint8Array(0x10000);
for (const char of '合總小共附備註說資來製填gGsStTnN※*＊ｇＧｓＳｔＴｎＮ')
  SUMMARY_STARTS[char.charCodeAt(0)] = 1;

/**
 * True when a row whose first non-empty cell starts with character `c` cannot be a total
 * or a footnote: the first test of isSummaryRow, for callers that have not built the cells.
 */
export function rulesOutSummary(c: number): boolean {
  return !isEdgeSpace(c) && c !== 0x200b && c !== 0x2060 && SUMMARY_STARTS[c] !== 1;
}

/**
 * Whether a row is a total row (its first non-empty cell is 合計, 總計, 小計, 總和, Total…)
 * or a footnote (its first cell starts with 註：, 資料來源：, 說明：, 備註：… and every other
 * cell is empty), so the pipeline can drop it from a table's middle or end. Undefined for
 * an ordinary row.
 */
export function isSummaryRow(cells: readonly (string | null)[]): 'total' | 'footnote' | undefined {
  // Fastest path: the first non-empty cell starts with a character that is neither
  // space-like nor one a total or footnote can start with.
  for (const cell of cells) {
    if (cell === null || cell === '') continue;
    const c = cell.charCodeAt(0);
    if (rulesOutSummary(c)) return undefined;
    break;
  }
  // Fast path: a row whose first non-empty cell cannot start a total or a footnote.
  const firstRaw = cells.find((cell): cell is string => cell !== null && cell.trim() !== '');
  if (firstRaw === undefined || !MAY_START_SUMMARY.test(firstRaw)) return undefined;
  const texts = cells.map((cell) => (cell === null ? '' : toHalfWidth(trimCell(cell))));
  const filled = texts.filter((text) => text !== '');
  const first = filled[0];
  if (first === undefined) return undefined;
  if (TOTAL.test(first.replace(/\s+/g, ''))) return 'total';
  if (filled.length === 1 && texts[0] === first && FOOTNOTE.test(first)) return 'footnote';
  return undefined;
}
