import { statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { detectHeader, HEADER_WINDOW, uniqueColumnNames, type DetectedHeader } from '../delimited/header.ts';
import type { Delimiter } from '../delimited/sniff-delimiter.ts';
import { isBatched, readDelimitedFile } from '../read/delimited-reader.ts';
import type { RecordReader, RecordSource, SourceRecord } from '../read/record-source.ts';
import { ColumnTypeInferrer } from '../infer/column-type.ts';
import { emptyNormalizeCounts } from '../normalize/normalize-counts.ts';
import type { ParquetColumnType } from '../write/parquet-writer.ts';
import type { CellValue, TableSink } from '../write/table-sink.ts';
import { createTextWriter } from '../write/text-writer.ts';
import { ConvertError } from '../errors/convert-error.ts';
import { isTextOutput, textFormatFor, writesText } from './text-output.ts';
import { planColumns, type ColumnPlan } from './column-plan.ts';
import { RowConversion, TypeTally } from './record-passes.ts';
import type { ConversionReport } from './conversion-report.ts';
import { assembleReport } from './assemble-report.ts';
import { convertInParallel } from './convert-in-parallel.ts';
import type { OutputFormat } from './output-format.ts';

export interface ConvertOptions {
  to: OutputFormat;
  /** Apply the normalisers (default true). */
  normalize?: boolean;
  /** CSV output: start with a UTF-8 BOM (for Excel). */
  bom?: boolean;
  delimiter?: Delimiter;
  /** Delimited text: the largest record in bytes (default 16 MiB); longer is FIELD_TOO_LARGE. */
  maxRecordBytes?: number;
  /** Spreadsheets: the sheet to read. */
  sheet?: string;
  /** The output's name, for the report. */
  outputPath?: string;
  /**
   * Worker threads for a big delimited file converted to a text format (default 1: both
   * passes on this thread). See convert-in-parallel.ts.
   */
  workers?: number;
  /** With workers: the input bytes each worker takes at a time (default 2 MiB; smaller in tests). */
  rangeBytes?: number;
  /** With workers: smaller files convert on one thread (default 64 MiB; smaller in tests). */
  minParallelBytes?: number;
  /** Bytes read so far over both passes, and the total (twice the file size). */
  onProgress?: (done: number, total: number) => void;
}

/** The records of a pass in batches: the delimited reader's own, or gathered from any other. */
async function* inBatches(source: RecordSource): AsyncIterable<SourceRecord[]> {
  if (isBatched(source)) {
    yield* source.batches();
    return;
  }
  let batch: SourceRecord[] = [];
  for await (const record of source) {
    batch.push(record);
    if (batch.length === 1024) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The writer for the output format; the XLSX and Parquet libraries load only when asked for. */
async function sinkFor(out: Writable, plan: ColumnPlan, options: ConvertOptions): Promise<TableSink> {
  const to = options.to;
  if (isTextOutput(to)) return createTextWriter(out, textFormatFor(to, plan, options));
  if (to === 'xlsx') {
    const { createXlsxWriter } = await import('../write/xlsx-writer.ts');
    return createXlsxWriter(out, plan.output, [
      ...plan.columns.map((c) => c.inferred.type),
      ...plan.output.slice(plan.columns.length).map(() => 'coordinate'),
    ]);
  }
  const { createParquetWriter, parquetTypeFor } = await import('../write/parquet-writer.ts');
  // Output columns past the input's are the WGS84 longitude/latitude from TWD97.
  const types: ParquetColumnType[] = plan.output.map((_, i) => {
    const column = plan.columns[i];
    return column ? parquetTypeFor(column.inferred) : 'DOUBLE';
  });
  return createParquetWriter(out, plan.output, types);
}

/**
 * Converts a file in two streaming passes of `reader`: the first finds the header and
 * infers every column's type from all values; the second normalises and writes.
 * Memory stays bounded whatever the file size.
 */
export async function convertFile(
  inputPath: string,
  reader: RecordReader,
  out: Writable,
  options: ConvertOptions,
): Promise<ConversionReport> {
  const to = options.to;
  if ((options.workers ?? 1) > 1 && reader === readDelimitedFile && isTextOutput(to)) {
    const report = await convertInParallel(inputPath, out, { ...options, to }, options.workers ?? 1);
    if (report) return report;
  }
  const size = statSync(inputPath).size;
  const normalize = options.normalize ?? true;
  const pass = (n: number) =>
    reader(inputPath, {
      delimiter: options.delimiter,
      sheet: options.sheet,
      maxRecordBytes: options.maxRecordBytes,
      onBytes: options.onProgress ? (bytes) => options.onProgress?.(n * size + bytes, 2 * size) : undefined,
    });

  // Pass 1: header and types.
  const first = pass(0);
  const window: SourceRecord[] = [];
  let header: DetectedHeader | undefined;
  const findHeader = (records: readonly string[][]): DetectedHeader =>
    first.headerIsFirstRecord
      ? {
          columns: uniqueColumnNames((records[0] ?? []).map((name) => name.trim())).map((name) => ({ name })),
          headerRows: 1,
          dataStartIndex: 1,
        }
      : detectHeader(records);
  let inferrers: ColumnTypeInferrer[] = [];
  let tally = new TypeTally(inferrers);
  const startInference = () => {
    header = findHeader(window.map((r) => r.cells));
    inferrers = header.columns.map(() => new ColumnTypeInferrer());
    tally = new TypeTally(inferrers);
    window.slice(header.dataStartIndex).forEach((r) => tally.add(r.cells));
  };
  for await (const batch of inBatches(first)) {
    for (const record of batch) {
      if (!header) {
        window.push(record);
        if (window.length === HEADER_WINDOW) startInference();
        continue;
      }
      tally.add(record.cells);
    }
  }
  if (!header) {
    if (window.length === 0) throw new ConvertError('EMPTY_FILE', 'The file has no records');
    startInference();
  }
  const found = header as DetectedHeader;
  const plan = planColumns(
    found.columns.map((c, i) => ({
      ...c,
      inferred: inferrers[i]!.result(),
      facts: inferrers[i]!.textFacts(),
    })),
    { normalize },
  );

  // Pass 2: normalise and write, a batch of rows at a time.
  const counts = emptyNormalizeCounts();
  const sink = await sinkFor(out, plan, options);
  const conversion = new RowConversion(plan, normalize, writesText(options.to));
  const second = pass(1);
  let index = 0;
  let written = 0;
  for await (const batch of inBatches(second)) {
    const rows: CellValue[][] = [];
    for (const record of batch) {
      if (index++ < found.dataStartIndex) continue;
      const row = conversion.convert(record.cells, counts);
      if (row) rows.push(row);
    }
    written += rows.length;
    if (sink.writeRows) await sink.writeRows(rows);
    else for (const row of rows) await sink.write(row);
  }
  await sink.end();
  return assembleReport({
    inputPath,
    size,
    options,
    normalize,
    headerRows: found.headerRows,
    plan,
    counts,
    read: tally.read,
    written,
    totals: conversion.totals,
    footnotes: conversion.footnotes,
    summary: second.summary,
  });
}
