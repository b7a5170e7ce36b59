import { createReadStream } from 'node:fs';
import ExcelJS, { type CellValue, type Row } from 'exceljs';
import { ConvertError } from '../errors/convert-error.ts';
import { emptySummary, type RecordReader, type RecordSource, type SourceRecord } from './record-source.ts';

/** A run of consecutive non-empty rows of a sheet: one table. */
export interface SheetBlock {
  first: number;
  last: number;
}

const isoDate = (date: Date): string => {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
};

/** A cell as text: dates ISO, formulas their cached result, rich text joined, numbers as written. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue);
  if ('error' in value) return value.error;
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  return '';
}

function rowCells(row: Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = cellText(cell.value);
  });
  return cells;
}

interface SheetRow {
  number: number;
  cells: string[];
}

/** The non-empty rows of one sheet (by name, or the first with data), streamed. */
async function* sheetRows(
  path: string,
  sheet: string | undefined,
  onSheet: (name: string) => void,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<SheetRow> {
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  if (onBytes) {
    let done = 0;
    input.on('data', (chunk) => onBytes((done += chunk.length)));
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const names: string[] = [];
  try {
    yield* matchingSheet();
  } finally {
    input.destroy();
  }
  if (sheet !== undefined && !names.includes(sheet)) {
    throw new ConvertError('SHEET_NOT_FOUND', `No sheet named ${sheet}; the sheets are: ${names.join(', ')}`);
  }

  async function* matchingSheet(): AsyncGenerator<SheetRow> {
    for await (const worksheet of workbook) {
      const name = (worksheet as unknown as { name: string }).name;
      names.push(name);
      if (sheet !== undefined && name !== sheet) continue;
      let found = false;
      for await (const row of worksheet) {
        const cells = rowCells(row);
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (!found) onSheet(name);
        found = true;
        yield { number: row.number, cells };
      }
      if (found || sheet !== undefined) return;
    }
  }
}

/** Splits rows into tables on fully empty rows and returns them, largest first. */
export function tableBlocks(rowNumbers: readonly number[]): SheetBlock[] {
  const blocks: SheetBlock[] = [];
  for (const n of rowNumbers) {
    const last = blocks.at(-1);
    if (last && n === last.last + 1) last.last = n;
    else blocks.push({ first: n, last: n });
  }
  return blocks.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
}

/**
 * XLSX through exceljs's streaming reader (bounded memory): one scan finds the sheet and
 * its tables (split on empty rows; the largest is read), a second yields that table's rows.
 * Merged cells keep their value in the top-left cell only — the layout header detection
 * expects (a group label carried right over its sub-columns, a title row of one cell).
 */
export const readXlsxFile: RecordReader = (path, options): RecordSource => {
  const summary = emptySummary();
  async function* records(): AsyncGenerator<SourceRecord> {
    const numbers: number[] = [];
    let part: string | undefined;
    for await (const row of sheetRows(path, options.sheet, (name) => (part = name))) numbers.push(row.number);
    if (part === undefined) throw new ConvertError('EMPTY_FILE', 'The workbook has no sheet with data');
    const [block, ...others] = tableBlocks(numbers);
    if (!block) return;
    summary.part = part;
    const tables = others.filter((b) => b.last > b.first);
    if (tables.length > 0) {
      summary.warnings.push(
        `sheet ${part} has ${tables.length + 1} tables; read rows ${block.first}–${block.last}` +
          ` (not ${tables.map((b) => `${b.first}–${b.last}`).join(', ')})`,
      );
    }
    for await (const row of sheetRows(path, part, () => {}, options.onBytes)) {
      if (row.number < block.first) continue;
      if (row.number > block.last) break;
      yield { cells: row.cells, line: row.number };
    }
  }
  return { [Symbol.asyncIterator]: () => records(), summary };
};
