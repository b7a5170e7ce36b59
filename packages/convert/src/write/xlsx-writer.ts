import ExcelJS from 'exceljs';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { CellValue, SinkColumn, TableSink } from './table-sink.ts';

/** Rows between pauses that let the ZIP stream pass committed rows on to the output. */
const YIELD_EVERY = 1000;

/**
 * XLSX through exceljs's streaming WorkbookWriter: every row is committed as soon as it
 * is written, so memory stays bounded. Sheet `data` holds a bold header row and the typed
 * values (numbers as numbers, booleans as booleans; dates stay ISO 8601 text so no time
 * zone or 1900-epoch conversion can shift them). A second sheet `columns` lists each
 * column's name, description (the English header row, when there is one) and type.
 * The output stream is not ended: the caller ends it, as with every writer.
 */
export function createXlsxWriter(
  out: Writable,
  columns: readonly SinkColumn[],
  types: readonly string[] = [],
): TableSink {
  const zip = new PassThrough();
  zip.pipe(out, { end: false });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: zip,
    useStyles: true,
    useSharedStrings: false,
  });
  const data = workbook.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = data.addRow(columns.map((c) => c.name));
  header.font = { bold: true };
  header.commit();
  let count = 0;

  const pause = async (): Promise<void> => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };

  return {
    async write(row: readonly CellValue[]) {
      data.addRow(columns.map((_, i) => row[i] ?? null)).commit();
      if (++count % YIELD_EVERY === 0) await pause();
    },
    async end() {
      data.commit();
      const sheet = workbook.addWorksheet('columns');
      const head = sheet.addRow(['name', 'description', 'type']);
      head.font = { bold: true };
      head.commit();
      columns.forEach((c, i) => sheet.addRow([c.name, c.description ?? null, types[i] ?? null]).commit());
      sheet.commit();
      const done = finished(zip);
      await workbook.commit();
      await done;
      zip.unpipe(out);
    },
  };
}
