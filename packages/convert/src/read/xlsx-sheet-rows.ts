import type { SaxesTagPlain } from 'saxes';
import { type CellRange, columnIndex, MAX_COLUMNS, parseRange } from './xlsx-cell-ref.ts';
import { cellText, dateText, numberText } from './xlsx-cell-value.ts';
import { createPartParser, localName, streamPart } from './xlsx-part.ts';
import { StringItemText } from './xlsx-shared-strings.ts';
import type { CellStyles } from './xlsx-styles.ts';
import type { OpenZip, ZipEntryInfo } from './zip-entries.ts';

/** A non-empty row of a sheet: its 1-based number and its cells as text (no trailing blanks). */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** What cells refer to outside the sheet: shared strings, date styles, the date system. */
export interface SheetContext {
  sharedStrings: readonly string[];
  styles: CellStyles;
  date1904: boolean;
}

interface Cell {
  column: number;
  type: string;
  style: number;
  value: string;
}

/** A cell's value as text, by its type (`t`): shared, inline and formula strings, booleans, errors, numbers, dates. */
function cellValueText(cell: Cell, context: SheetContext): string {
  switch (cell.type) {
    case 's':
      return context.sharedStrings[Number(cell.value)] ?? '';
    case 'inlineStr':
    case 'str':
    case 'e':
      return cell.value;
    case 'b':
      return cell.value === '1' || cell.value === 'true' ? 'true' : 'false';
    case 'd': {
      const date = new Date(cell.value);
      return Number.isNaN(date.getTime()) ? cell.value : cellText(date);
    }
    default:
      return context.styles.isDate(cell.style)
        ? dateText(cell.value, context.date1904)
        : numberText(cell.value);
  }
}

/**
 * A SAX handler for one worksheet part: each `<row>` with a non-blank cell goes to
 * `onRow`; each `<mergeCell ref>` (listed after the rows) to `onMerge`. A formula cell
 * gives its cached value (`<v>`); a cell without a value is blank.
 */
export function createSheetParser(
  part: string,
  context: SheetContext,
  onRow: (row: SheetRow) => void,
  onMerge: (range: CellRange) => void,
) {
  const parser = createPartParser(part);
  let row: SheetRow | undefined;
  let cell: Cell | undefined;
  let hasValue = false;
  let inValue = false;
  let inline: StringItemText | undefined;
  let lastRow = 0;
  let lastColumn = -1;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    const a = tag.attributes as Record<string, string | undefined>;
    if (inline) inline.open(name);
    else if (name === 'c' && row) {
      const column = a.r === undefined ? lastColumn + 1 : columnIndex(a.r);
      lastColumn = column;
      cell = { column, type: a.t ?? 'n', style: Number(a.s ?? 0), value: '' };
      hasValue = false;
    } else if (name === 'v' && cell) inValue = true;
    else if (name === 'is' && cell) inline = new StringItemText();
    else if (name === 'row') {
      lastRow = Number(a.r) || lastRow + 1;
      lastColumn = -1;
      row = { number: lastRow, cells: [] };
    } else if (name === 'mergeCell' && a.ref !== undefined) {
      const range = parseRange(a.ref);
      if (range) onMerge(range);
    }
  });
  const onText = (text: string) => {
    if (inValue && cell) cell.value += text;
    else inline?.add(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (inline) {
      if (name !== 'is') inline.close(name);
      else if (cell) {
        cell.value = inline.take();
        hasValue = true;
        inline = undefined;
      }
    } else if (name === 'v') {
      inValue = false;
      hasValue = true;
    } else if (name === 'c' && cell && row) {
      if (hasValue && cell.column >= 0 && cell.column < MAX_COLUMNS) {
        const text = cellValueText(cell, context);
        if (text !== '') {
          const cells = row.cells;
          while (cells.length < cell.column) cells.push('');
          cells[cell.column] = text;
        }
      }
      cell = undefined;
    } else if (name === 'row' && row) {
      if (row.cells.some((text) => text.trim() !== '')) onRow(row);
      row = undefined;
    }
  });
  return parser;
}

/**
 * The non-blank rows of a worksheet, streamed: the part is inflated and parsed chunk by
 * chunk, so memory holds one chunk and the rows it completed, never the sheet.
 */
export async function* sheetRows(
  zip: OpenZip,
  entry: ZipEntryInfo,
  context: SheetContext,
  options: { onMerge?: (range: CellRange) => void; onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<SheetRow> {
  let queue: SheetRow[] = [];
  const parser = createSheetParser(
    entry.name,
    context,
    (row) => queue.push(row),
    options.onMerge ?? (() => {}),
  );
  for await (const _ of streamPart(zip, entry, parser, options.onBytes)) {
    const rows = queue;
    queue = [];
    yield* rows;
  }
  yield* queue;
}
