import { statSync, WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { detectHeader, HEADER_WINDOW } from '../delimited/header.ts';
import { usedWidth, type RaggedRow } from '../delimited/ragged-rows.ts';
import { DEFAULT_MAX_RECORD_BYTES } from '../delimited/read-delimited.ts';
import { recordRanges, type RecordRange } from '../delimited/record-ranges.ts';
import type { DetectedEncoding } from '../encoding/detect-encoding.ts';
import type { InferrerState } from '../infer/column-type.ts';
import { addNormalizeCounts, emptyNormalizeCounts } from '../normalize/normalize-counts.ts';
import { readDelimitedFile, unclosedQuoteWarning } from '../read/delimited-reader.ts';
import type { SourceRecord } from '../read/record-source.ts';
import { writeText } from '../write/table-sink.ts';
import { assembleReport } from './assemble-report.ts';
import { planColumns } from './column-plan.ts';
import type { ConversionReport } from './conversion-report.ts';
import type { ConvertOptions } from './convert-file.ts';
import { OutputSlots } from './output-slots.ts';
import { RangeWorkerPool } from './range-pool.ts';
import { mergeInferrers, type ConvertedRange, type InferredRange, type RangeFile } from './range-work.ts';
import { isTextOutput, textFormatFor, type TextOutputFormat } from './text-output.ts';

/** Bytes of input per range: big enough that a range's overhead is small, small enough to keep memory low. */
export const RANGE_BYTES = 2 * 1024 * 1024;
/**
 * Smaller files convert on one thread: starting the workers (each loads the TypeScript
 * modules) costs about a second, which a file this size repays.
 */
export const MIN_PARALLEL_BYTES = 64 * 1024 * 1024;
/** A range's output slot: room for JSON or XML several times the size of its input (bigger spills over). */
const SLOT_FACTOR = 4;
/** Ragged rows kept for the report (as the streaming reader keeps). */
const MAX_RAGGED_ROWS = 1000;

/** The first records of the file and what the reader learned from them. */
interface Head {
  records: SourceRecord[];
  encoding: DetectedEncoding;
  delimiter: string;
}

async function readHead(inputPath: string, options: ConvertOptions): Promise<Head | undefined> {
  const source = readDelimitedFile(inputPath, {
    delimiter: options.delimiter,
    maxRecordBytes: options.maxRecordBytes,
  });
  const records: SourceRecord[] = [];
  for await (const record of source) {
    records.push(record);
    if (records.length === HEADER_WINDOW) break;
  }
  const { encoding, delimiter } = source.summary;
  return encoding && delimiter ? { records, encoding, delimiter } : undefined;
}

/**
 * Quote, delimiter and line-break bytes must never occur inside a character, so that
 * ranges can be cut on bytes: true of UTF-8, and of CP950 for delimiters below its trail
 * bytes (0x40); not of UTF-16.
 */
function cuttableOnBytes(encoding: DetectedEncoding, delimiter: string): boolean {
  if (delimiter.length !== 1) return false;
  if (encoding.encoding === 'UTF-8') return true;
  return encoding.encoding === 'CP950' && delimiter.charCodeAt(0) < 0x40;
}

/** A parallel run met something only the streaming path handles (a giant record); start again serially. */
class NotParallel extends Error {}

/**
 * convertFile for a big delimited file on several cores: the file is cut into ranges of
 * whole records (recordRanges), pass 1 infers types over the ranges in worker threads
 * (their inferrers merged here), pass 2 converts the ranges in worker threads and this
 * thread writes their text in file order, with at most a few ranges in flight (bounded
 * memory). The output and the report are the same as convertFile's serial passes give.
 * Answers undefined when the file is not one it can split (under MIN_PARALLEL_BYTES, UTF-16, a pipe
 * delimiter in CP950, no header within the first rows, a record longer than a range can
 * hold): the caller then converts serially.
 */
export async function convertInParallel(
  inputPath: string,
  out: Writable,
  options: ConvertOptions & { to: TextOutputFormat },
  workers: number,
): Promise<ConversionReport | undefined> {
  const size = statSync(inputPath).size;
  const rangeBytes = options.rangeBytes ?? RANGE_BYTES;
  const minimum = Math.max(2 * rangeBytes, options.minParallelBytes ?? MIN_PARALLEL_BYTES);
  if (size < minimum || !isTextOutput(options.to)) return undefined;
  const head = await readHead(inputPath, options);
  if (!head || head.records.length < HEADER_WINDOW || !cuttableOnBytes(head.encoding, head.delimiter)) {
    return undefined;
  }
  const header = detectHeader(head.records.map((r) => r.cells));
  const widthRecordIndex = head.records.findIndex((r) => usedWidth(r.cells) > 1);
  if (widthRecordIndex === -1) return undefined;
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const file: RangeFile = {
    path: inputPath,
    encoding: head.encoding.encoding,
    delimiter: head.delimiter,
    maxRecordBytes,
    dataStartIndex: header.dataStartIndex,
    widthRecordIndex,
    expectedFieldCount: usedWidth(head.records[widthRecordIndex]!.cells),
    maxRaggedRows: MAX_RAGGED_ROWS,
  };
  const normalize = options.normalize ?? true;
  const progress = (done: number) => options.onProgress?.(done, 2 * size);
  const pool = new RangeWorkerPool(workers, { file, columnCount: header.columns.length });
  try {
    // Pass 1: cut the file while the workers infer the ranges found so far.
    const ranges: RecordRange[] = [];
    const inferring: Promise<InferredRange>[] = [];
    let done = 0;
    for await (const range of recordRanges(inputPath, {
      delimiter: head.delimiter.charCodeAt(0),
      skip: head.encoding.bom ? 3 : 0,
      rangeBytes,
    })) {
      if (range.end - range.start > maxRecordBytes) throw new NotParallel();
      ranges.push(range);
      const { result } = await pool.submit<InferredRange>({ kind: 'infer', range });
      inferring.push(
        handled(
          result.then((inferred) => {
            progress((done += range.end - range.start));
            return inferred;
          }),
        ),
      );
    }
    const inferred = await Promise.all(inferring);
    if ((inferred[0]?.records ?? 0) < HEADER_WINDOW) throw new NotParallel();
    const states = await pool.broadcast<InferrerState[]>({ kind: 'states' });
    const inferrers = mergeInferrers(header.columns.length, states);

    // Where each range starts, now that every range's line breaks are counted.
    const firstLines: number[] = [];
    let line = 1;
    for (const range of inferred) {
      firstLines.push(line);
      line += range.lineBreaks;
    }
    const raggedRows: RaggedRow[] = [];
    for (const range of inferred) {
      for (const row of range.raggedRows) {
        if (raggedRows.length === MAX_RAGGED_ROWS) break;
        raggedRows.push({ ...row, line: row.line + firstLines[range.index]! - 1 });
      }
    }
    const last = inferred[inferred.length - 1]!;

    const columns = header.columns.map((c, i) => ({
      ...c,
      inferred: inferrers[i]!.result(),
      facts: inferrers[i]!.textFacts(),
    }));
    const plan = planColumns(columns, { normalize });
    const format = textFormatFor(options.to, plan, options);
    await pool.broadcast({ kind: 'plan', columns, normalize, to: options.to, bom: options.bom ?? false });

    // Pass 2: convert ranges in parallel into lent slots; write them in order.
    const slots = new OutputSlots(workers + 2, SLOT_FACTOR * rangeBytes);
    let counts = emptyNormalizeCounts();
    let written = 0;
    let totals = 0;
    let footnotes = 0;
    const writeRange = async ({
      converted,
      slot,
    }: {
      converted: ConvertedRange;
      slot: SharedArrayBuffer;
    }) => {
      totals += converted.totals;
      footnotes += converted.footnotes;
      counts = addNormalizeCounts(counts, converted.counts);
      if (converted.rows > 0) {
        const bytes = converted.bytes ?? new Uint8Array(slot, 0, converted.length);
        // Every row came with a separator before it; the document's first row has none.
        if (written === 0) await writeText(out, format.begin);
        await writeAndWait(out, written === 0 ? bytes.subarray(format.separator.length) : bytes);
        written += converted.rows;
      }
      slots.release(slot);
      const range = ranges[converted.index]!;
      progress((done += range.end - range.start));
    };
    const converting: Promise<{ converted: ConvertedRange; slot: SharedArrayBuffer }>[] = [];
    let next = 0;
    for (const range of ranges) {
      // Write what is ready, in order, until a slot is free for this range.
      while (!slots.available() && next < converting.length) await writeRange(await converting[next++]!);
      const slot = slots.take();
      const { result } = await pool.submit<ConvertedRange>({
        kind: 'convert',
        range,
        firstLine: firstLines[range.index]!,
        slot,
      });
      converting.push(handled(result.then((converted) => ({ converted, slot }))));
    }
    while (next < converting.length) await writeRange(await converting[next++]!);
    await writeText(out, written === 0 ? format.empty : format.end);

    return assembleReport({
      inputPath,
      size,
      options,
      normalize,
      headerRows: header.headerRows,
      plan,
      counts,
      read: inferred.reduce((sum, range) => sum + range.read, 0),
      written,
      totals,
      footnotes,
      summary: {
        encoding: head.encoding,
        delimiter: head.delimiter,
        raggedRows,
        raggedRowCount: inferred.reduce((sum, range) => sum + range.raggedRowCount, 0),
        replacementCount: inferred.reduce((sum, range) => sum + range.replacementCount, 0),
        warnings:
          last.unclosedQuoteLine === undefined
            ? []
            : [unclosedQuoteWarning(last.unclosedQuoteLine + firstLines[last.index]! - 1)],
      },
    });
  } catch (error) {
    if (error instanceof NotParallel) return undefined;
    throw error;
  } finally {
    await pool.close();
  }
}

/**
 * A promise awaited later, in order: its rejection is dealt with there, so it must not
 * count as unhandled while earlier ones are awaited.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Writes a slot's bytes and waits until the stream is done with them, so the slot can be
 * lent again. A file stream is done once they are written; any other stream may keep
 * the very buffer (a PassThrough hands it on), so it gets a copy.
 */
function writeAndWait(out: Writable, bytes: Uint8Array): Promise<void> {
  const chunk = out instanceof WriteStream ? bytes : Buffer.from(bytes);
  return new Promise((resolve, reject) => out.write(chunk, (error) => (error ? reject(error) : resolve())));
}
