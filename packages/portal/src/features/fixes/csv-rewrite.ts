import {
  ColumnTypeInferrer,
  ConvertError,
  createCsvWriter,
  detectHeader,
  HEADER_WINDOW,
  isSummaryRow,
  parseRocDate,
  readerFor,
  sniffInputKind,
  type DetectedHeader,
  type RecordReader,
} from '@odp/convert';
import { personalDataMasker, PrivacyScan, type PrivacyReport } from '@odp/quality';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/**
 * The CSV the one-click fixes write (docs/quality.md "Fix list and one-click fixes"):
 * the same table as UTF-8 (whatever the input's encoding: CP950/Big5 is decoded), with
 * one header row (title rows skipped, an English header row dropped, a grouped header
 * flattened — @odp/convert's header detection) and every value as written, except that
 * with `rocDates` the columns @odp/convert infers as ROC dates become ISO 8601 dates —
 * the same columns and values the content check flags, and with `mask` every personal
 * datum the privacy scanner finds is masked (王小明 → 王O明, A123456789 → A12****789:
 * @odp/quality's personalDataMasker). Two streaming passes.
 */

export interface CsvRewrite {
  columns: string[];
  /** Header rows of the input (the output has one). */
  headerRows: number;
  rows: number;
  /** Columns converted from ROC dates, and values converted. */
  rocColumns: string[];
  rocValues: number;
  /** Cells changed by masking (0 without `mask`). */
  maskedCells: number;
  encoding: string | undefined;
}

function rowRecord(
  columns: readonly string[],
  cells: readonly (string | null | undefined)[],
): Record<string, string> {
  return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
}

async function headerAndTypes(
  reader: RecordReader,
  input: string,
  mask: boolean,
): Promise<{ header: DetectedHeader; types: string[]; privacy: PrivacyReport | undefined }> {
  const window: string[][] = [];
  let header: DetectedHeader | undefined;
  let inferrers: ColumnTypeInferrer[] = [];
  let scan: PrivacyScan | undefined;
  let names: string[] = [];
  const tally = (cells: readonly string[]) => {
    scan?.add(rowRecord(names, cells));
    if (isSummaryRow(cells)) return;
    inferrers.forEach((inferrer, i) => inferrer.add(cells[i]));
  };
  const start = () => {
    header = detectHeader(window);
    names = header.columns.map((c) => c.name);
    if (mask) scan = new PrivacyScan(names);
    inferrers = header.columns.map(() => new ColumnTypeInferrer());
    window.slice(header.dataStartIndex).forEach(tally);
  };
  for await (const record of reader(input, {})) {
    if (header) tally(record.cells);
    else {
      window.push(record.cells);
      if (window.length === HEADER_WINDOW) start();
    }
  }
  if (!header) {
    if (window.length === 0) throw new ConvertError('EMPTY_FILE', 'The file has no records');
    start();
  }
  return { header: header!, types: inferrers.map((i) => i.result().type), privacy: scan?.finish() };
}

export async function rewriteCsv(
  input: string,
  output: string,
  options: { rocDates: boolean; mask?: boolean },
): Promise<CsvRewrite> {
  const kind = await sniffInputKind(input);
  if (kind !== 'delimited')
    throw new ConvertError('UNSUPPORTED_INPUT', `The file is ${kind}, not delimited text (CSV)`);
  const reader = await readerFor(kind, input);
  const { header, types, privacy } = await headerAndTypes(reader, input, options.mask === true);
  const width = header.columns.length;
  const names = header.columns.map((c) => c.name);
  const masker = privacy ? personalDataMasker(names, privacy) : undefined;
  let maskedCells = 0;
  const roc = types.map((type) => options.rocDates && type === 'roc-date');
  const out = createWriteStream(output, { flags: 'wx' });
  const sink = createCsvWriter(
    out,
    header.columns.map((c) => ({ name: c.name })),
  );
  let index = 0;
  let rows = 0;
  let rocValues = 0;
  const source = reader(input, {});
  try {
    for await (const record of source) {
      if (index++ < header.dataStartIndex) continue;
      const row: (string | null)[] = new Array<string | null>(width);
      for (let i = 0; i < width; i++) {
        const cell = record.cells[i];
        if (cell === undefined || cell === '') row[i] = null;
        else if (roc[i]) {
          const iso = parseRocDate(cell.trim(), { sixDigit: true });
          if (iso !== null) rocValues++;
          row[i] = iso ?? cell;
        } else row[i] = cell;
      }
      if (masker) {
        const masked = masker(rowRecord(names, row));
        for (let i = 0; i < width; i++) {
          const value = masked[names[i] as string];
          if (row[i] !== null && value !== row[i]) {
            row[i] = String(value);
            maskedCells++;
          }
        }
      }
      await sink.write(row);
      rows++;
    }
    await sink.end();
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return {
    columns: header.columns.map((c) => c.name),
    headerRows: header.headerRows,
    rows,
    rocColumns: header.columns.filter((_, i) => roc[i]).map((c) => c.name),
    rocValues,
    maskedCells,
    encoding: source.summary.encoding?.encoding,
  };
}
