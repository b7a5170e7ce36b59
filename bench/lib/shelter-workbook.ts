import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { shelter, SHELTER_COLUMNS } from './shelter-rows.ts';

/** Rows between pauses that let the compressor catch up. */
const BATCH = 2000;

/**
 * Writes the shelter rows as a one-sheet XLSX with exceljs's streaming WorkbookWriter,
 * as a spreadsheet program saves it: shared strings, numbers as numbers (serial,
 * capacity, TWD97 X/Y), codes, ROC dates and phone numbers as text. Rows are added
 * until the compressed bytes streamed out reach `megabytes` MiB; the shared-string
 * table (bounded: the rows' text repeats) and the ZIP directory come after, so the file
 * ends a little larger. exceljs does not apply backpressure (it queues the sheet's XML
 * for the compressor, which runs in the background), so after each batch of rows the
 * generator waits until no more compressed bytes arrive: memory stays small and the
 * size check sees every row written so far. Returns the number of data rows.
 */
export async function generateShelterWorkbook(file: string, megabytes: number): Promise<number> {
  const target = megabytes * 2 ** 20;
  let streamed = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      streamed += chunk.length;
      done(null, chunk);
    },
  });
  const out = createWriteStream(file);
  counter.pipe(out);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: counter,
    useStyles: false,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('工作表1');
  sheet.addRow([...SHELTER_COLUMNS]).commit();
  let i = 0;
  while (streamed < target) {
    for (let n = 0; n < BATCH; n++, i++) {
      const s = shelter(i);
      sheet
        .addRow([
          s.serial,
          s.code,
          s.name,
          s.address,
          s.founded,
          s.capacity,
          Number(s.x),
          Number(s.y),
          s.phone,
        ])
        .commit();
    }
    for (let before = -1; before !== streamed;) {
      before = streamed;
      await sleep(5);
    }
    if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  sheet.commit();
  const done = finished(out);
  await workbook.commit();
  await done;
  return i;
}
