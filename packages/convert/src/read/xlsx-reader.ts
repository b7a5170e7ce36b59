import { ConvertError } from '../errors/convert-error.ts';
import { emptySummary, type RecordReader, type RecordSource, type SourceRecord } from './record-source.ts';
import type { CellRange } from './xlsx-cell-ref.ts';
import { createMergeFill, MAX_MERGES, mergesToFill } from './xlsx-merged-cells.ts';
import { readSharedStrings } from './xlsx-shared-strings.ts';
import { type SheetContext, sheetRows } from './xlsx-sheet-rows.ts';
import { readCellStyles } from './xlsx-styles.ts';
import { tableBlocks } from './xlsx-table-blocks.ts';
import { readWorkbookParts, type WorkbookSheet } from './xlsx-workbook.ts';
import { openZip, type OpenZip } from './zip-entries.ts';

export { cellText } from './xlsx-cell-value.ts';
export { tableBlocks, type SheetBlock } from './xlsx-table-blocks.ts';

interface OpenWorkbook {
  zip: OpenZip;
  sheets: WorkbookSheet[];
  context: SheetContext;
}

/** Opens the archive (zip-bomb limits apply) and reads the workbook map, shared strings and styles. */
async function openWorkbook(path: string): Promise<OpenWorkbook> {
  const zip = await openZip(path);
  try {
    const parts = await readWorkbookParts(zip, path);
    const [sharedStrings, styles] = [
      await readSharedStrings(zip, parts.sharedStrings),
      await readCellStyles(zip, parts.styles),
    ];
    return { zip, sheets: parts.sheets, context: { sharedStrings, styles, date1904: parts.date1904 } };
  } catch (error) {
    zip.close();
    throw error;
  }
}

interface ScannedSheet {
  sheet: WorkbookSheet;
  rowNumbers: number[];
  merges: CellRange[];
  mergesDropped: number;
}

/** Pass 1: the sheet to read (named, or the first with data), its non-empty rows and merged ranges. */
async function scanSheet(
  workbook: OpenWorkbook,
  wanted: string | undefined,
): Promise<ScannedSheet | undefined> {
  const names = workbook.sheets.map((s) => s.name);
  if (wanted !== undefined && !names.includes(wanted)) {
    throw new ConvertError(
      'SHEET_NOT_FOUND',
      `No sheet named ${wanted}; the sheets are: ${names.join(', ')}`,
    );
  }
  for (const sheet of workbook.sheets) {
    if (wanted !== undefined && sheet.name !== wanted) continue;
    const scanned: ScannedSheet = { sheet, rowNumbers: [], merges: [], mergesDropped: 0 };
    const onMerge = (range: CellRange) => {
      if (scanned.merges.length < MAX_MERGES) scanned.merges.push(range);
      else scanned.mergesDropped++;
    };
    for await (const row of sheetRows(workbook.zip, sheet.entry, workbook.context, { onMerge })) {
      scanned.rowNumbers.push(row.number);
    }
    if (scanned.rowNumbers.length > 0) return scanned;
  }
  return undefined;
}

/**
 * XLSX, read through the archive's central directory (yauzl: each part opened by name,
 * whatever order it was stored in) and streamed with saxes: the workbook map, shared
 * strings and date styles first, then the sheet row by row (memory holds one chunk of
 * the sheet, never all of it). One scan finds the sheet and its tables (split on empty
 * rows; the largest is read) and collects merged ranges, which come after the rows; a
 * second yields that table's rows.
 *
 * Merged cells: a horizontal merge keeps its value in the top-left cell only — the layout
 * header detection expects (a group label carried right over its sub-columns, a title
 * row of one cell). A vertical merge in the table's body is filled down (縣市 merged over
 * its 鄉鎮 rows gives every row its 縣市); one in the header is not: a merge starting on
 * the table's first row, or one beside a group label (see `mergesToFill`).
 */
export const readXlsxFile: RecordReader = (path, options): RecordSource => {
  const summary = emptySummary();
  async function* records(): AsyncGenerator<SourceRecord> {
    const workbook = await openWorkbook(path);
    try {
      const scanned = await scanSheet(workbook, options.sheet);
      if (!scanned) throw new ConvertError('EMPTY_FILE', 'The workbook has no sheet with data');
      const part = scanned.sheet.name;
      const [block, ...others] = tableBlocks(scanned.rowNumbers);
      if (!block) return;
      summary.part = part;
      const tables = others.filter((b) => b.last > b.first);
      if (tables.length > 0) {
        summary.warnings.push(
          `sheet ${part} has ${tables.length + 1} tables; read rows ${block.first}–${block.last}` +
            ` (not ${tables.map((b) => `${b.first}–${b.last}`).join(', ')})`,
        );
      }
      if (scanned.mergesDropped > 0) {
        summary.warnings.push(
          `sheet ${part} has ${MAX_MERGES + scanned.mergesDropped} merged ranges; only the first ${MAX_MERGES} were filled`,
        );
      }
      const fill = createMergeFill(mergesToFill(scanned.merges, block));
      const rows = sheetRows(workbook.zip, scanned.sheet.entry, workbook.context, {
        onBytes: options.onBytes,
      });
      for await (const row of rows) {
        if (row.number < block.first) continue;
        if (row.number > block.last) break;
        yield { cells: fill(row), line: row.number };
      }
    } finally {
      workbook.zip.close();
    }
  }
  return { [Symbol.asyncIterator]: () => records(), summary };
};
