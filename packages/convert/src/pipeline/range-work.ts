import { parseRange, readRange } from '../delimited/parse-range.ts';
import { RaggedRowCollector, type RaggedRow } from '../delimited/ragged-rows.ts';
import type { RecordRange } from '../delimited/record-ranges.ts';
import type { EncodingName } from '../encoding/encoding-name.ts';
import { ColumnTypeInferrer, type InferrerState } from '../infer/column-type.ts';
import { emptyNormalizeCounts, type NormalizeCounts } from '../normalize/normalize-counts.ts';
import type { TextFormat } from '../write/text-format.ts';
import type { ColumnPlan } from './column-plan.ts';
import { inferRangeBytes } from './infer-range-bytes.ts';
import { convertJsonBytes, type JsonByteRows } from './json-byte-rows.ts';
import { RangeOutputWriter } from './range-output.ts';
import { RowConversion, TypeTally } from './record-passes.ts';

/**
 * The two passes of convertFile over one range of a delimited file, as plain functions
 * (a worker thread runs them; tests call them directly). Pass 1 feeds the range's values
 * to the caller's inferrers; pass 2 normalises the range's rows and renders them as text.
 */

/** What every range of one file shares, decided from the file's head before the passes. */
export interface RangeFile {
  path: string;
  encoding: EncodingName;
  delimiter: string;
  maxRecordBytes: number;
  /** Records before the data (title and header rows), all in range 0. */
  dataStartIndex: number;
  /** Range 0's record that set the expected width (ragged rows are counted after it) and that width. */
  widthRecordIndex: number;
  expectedFieldCount: number;
  maxRaggedRows: number;
}

export interface InferredRange {
  index: number;
  records: number;
  /** Data records looked at (summary rows included, header rows not). */
  read: number;
  lineBreaks: number;
  replacementCount: number;
  /** Lines are relative to the range (its first line is 1) until its place is known. */
  raggedRows: RaggedRow[];
  raggedRowCount: number;
  unclosedQuoteLine?: number;
}

/**
 * Pass 1 over a range: types (into `inferrers`), ragged rows, replacement characters.
 * From the bytes (inferRangeBytes) where it can, otherwise with the general parser.
 */
export async function inferRange(
  file: RangeFile,
  range: RecordRange,
  inferrers: readonly ColumnTypeInferrer[],
): Promise<InferredRange> {
  if (
    file.encoding === 'UTF-8' &&
    file.delimiter.length === 1 &&
    file.delimiter.charCodeAt(0) < 0x80 &&
    range.end - range.start <= file.maxRecordBytes
  ) {
    const tally = new TypeTally(inferrers);
    const inferred = inferRangeBytes(file, range, await readRange(file.path, range), inferrers, tally);
    if (inferred) return inferred;
  }
  return inferRangeParsed(file, range, inferrers);
}

/** inferRange with the general parser (strings per record). */
export async function inferRangeParsed(
  file: RangeFile,
  range: RecordRange,
  inferrers: readonly ColumnTypeInferrer[],
): Promise<InferredRange> {
  const ragged = new RaggedRowCollector(file.maxRaggedRows, file.expectedFieldCount);
  const tally = new TypeTally(inferrers);
  let position = 0;
  const parsed = await parseRange(
    file.path,
    range,
    { encoding: file.encoding, delimiter: file.delimiter, maxRecordBytes: file.maxRecordBytes, firstLine: 1 },
    (records) => {
      for (const record of records) {
        const at = range.index === 0 ? position++ : Number.POSITIVE_INFINITY;
        if (at > file.widthRecordIndex) ragged.add(record.cells, record.line);
        if (at >= file.dataStartIndex) tally.add(record.cells);
      }
    },
  );
  return {
    index: range.index,
    records: parsed.records,
    read: tally.read,
    lineBreaks: parsed.lineBreaks,
    replacementCount: parsed.replacementCount,
    raggedRows: ragged.rows,
    raggedRowCount: ragged.count,
    ...(parsed.unclosedQuoteLine === undefined ? {} : { unclosedQuoteLine: parsed.unclosedQuoteLine }),
  };
}

/** Merges the inferrer states of several workers, column by column. */
export function mergeInferrers(
  columnCount: number,
  states: readonly (readonly InferrerState[])[],
): ColumnTypeInferrer[] {
  const merged = Array.from({ length: columnCount }, () => new ColumnTypeInferrer());
  for (const columns of states) columns.forEach((state, i) => merged[i]?.merge(state));
  return merged;
}

export interface ConvertedRange {
  index: number;
  /**
   * Size of the rows' UTF-8 text (each row preceded by the format's separator), which
   * is in the slot the range was given — or in `bytes` when it did not fit.
   */
  length: number;
  bytes?: Uint8Array;
  rows: number;
  totals: number;
  footnotes: number;
  counts: NormalizeCounts;
}

export interface RangeOutput {
  plan: ColumnPlan;
  format: TextFormat;
  normalize: boolean;
  /** Text cells (CSV, XML) rather than typed ones. */
  asText: boolean;
  /** JSON rows straight from the bytes (jsonByteRows), where the plan allows. */
  bytes?: JsonByteRows;
}

/** Pass 2 over a range, whose first line is now known: normalised rows as text. */
export async function convertRange(
  file: RangeFile,
  range: RecordRange,
  firstLine: number,
  output: RangeOutput,
  slot: SharedArrayBuffer,
): Promise<ConvertedRange> {
  const { format } = output;
  const conversion = new RowConversion(output.plan, output.normalize, output.asText);
  const counts = emptyNormalizeCounts();
  let position = 0;
  let rows = 0;
  const writer = new RangeOutputWriter(slot);
  if (output.bytes && range.end - range.start <= file.maxRecordBytes) {
    const converted = convertJsonBytes(output.bytes, await readRange(file.path, range), file.delimiter, {
      plan: output.plan,
      format,
      conversion,
      counts,
      skip: range.index === 0 ? file.dataStartIndex : 0,
      into: writer.room,
    });
    if (converted) {
      if (converted.inPlace) writer.wroteInPlace(converted.bytes.length);
      else writer.writeBytes(converted.bytes);
      return {
        index: range.index,
        ...writer.finish(),
        rows: converted.rows,
        totals: conversion.totals,
        footnotes: conversion.footnotes,
        counts,
      };
    }
    // Given back: the general parser starts the range again with fresh counts.
    Object.assign(counts, emptyNormalizeCounts());
    conversion.totals = 0;
    conversion.footnotes = 0;
  }
  await parseRange(
    file.path,
    range,
    { encoding: file.encoding, delimiter: file.delimiter, maxRecordBytes: file.maxRecordBytes, firstLine },
    (records) => {
      let text = '';
      for (const record of records) {
        if (range.index === 0 && position++ < file.dataStartIndex) continue;
        const cells = conversion.convert(record.cells, counts);
        if (!cells) continue;
        text += format.separator + format.row(cells);
        rows++;
      }
      writer.write(text);
    },
  );
  return {
    index: range.index,
    ...writer.finish(),
    rows,
    totals: conversion.totals,
    footnotes: conversion.footnotes,
    counts,
  };
}
