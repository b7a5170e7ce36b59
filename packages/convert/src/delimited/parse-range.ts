import { open } from 'node:fs/promises';
import type { EncodingName } from '../encoding/encoding-name.ts';
import { countReplacements, decoderFor, rejectBinary } from './text-source.ts';
import { RecordParser, type ParsedRecord } from './record-parser.ts';
import type { RecordRange } from './record-ranges.ts';

export interface RangeParseOptions {
  encoding: EncodingName;
  delimiter: string;
  maxRecordBytes: number;
  /** The line the range starts on (1 when not known yet: lines are then relative). */
  firstLine: number;
}

/** What parsing a range found besides its records. */
export interface RangeParse {
  /** Records in the range (blank lines are not records). */
  records: number;
  /** Line breaks in the range: the next range starts this many lines further. */
  lineBreaks: number;
  /** U+FFFD characters produced by undecodable bytes. */
  replacementCount: number;
  /** A quote opened on this line was never closed (only possible in the file's last range). */
  unclosedQuoteLine?: number;
}

/** Bytes decoded and parsed at a time. */
const PIECE_BYTES = 64 * 1024;

/**
 * One buffer per thread for the range being parsed, grown as needed: a fresh multi-MiB
 * buffer per range leaves the allocator's freed blocks to pile up in the process's memory.
 */
let reusable = Buffer.alloc(0);
function rangeBuffer(size: number): Buffer {
  if (reusable.length < size) reusable = Buffer.allocUnsafe(Math.max(size, 2 * reusable.length));
  return reusable.subarray(0, size);
}

/** The range's bytes, in this thread's reusable buffer (valid until the next range is read). */
export async function readRange(path: string, range: RecordRange): Promise<Buffer> {
  const bytes = rangeBuffer(range.end - range.start);
  const handle = await open(path, 'r');
  try {
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, range.start + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return bytes;
}

/**
 * Reads, decodes and parses one range of whole records (see recordRanges), handing the
 * records over a batch at a time. The range is read at once: ranges are a few MiB.
 * Throws ConvertError (NOT_TEXT, FIELD_TOO_LARGE) as the streaming reader does.
 */
export async function parseRange(
  path: string,
  range: RecordRange,
  options: RangeParseOptions,
  onRecords: (records: ParsedRecord[]) => void,
): Promise<RangeParse> {
  const bytes = await readRange(path, range);
  rejectBinary(bytes, options.encoding);
  // Decoded and parsed a piece at a time, as the streaming reader does: small strings
  // (no multi-megabyte string that every cell would be a slice of) and small batches.
  const decoder = decoderFor(options.encoding);
  const parser = new RecordParser(options.delimiter, options.maxRecordBytes, options.firstLine);
  let records = 0;
  let replacementCount = 0;
  const take = (text: string | undefined, final: boolean) => {
    const batch: ParsedRecord[] = [];
    if (text) {
      replacementCount += countReplacements(text);
      parser.push(text, batch);
    }
    if (final) parser.end(batch);
    if (batch.length === 0) return;
    records += batch.length;
    onRecords(batch);
  };
  for (let at = 0; at < bytes.length; at += PIECE_BYTES)
    take(decoder.write(bytes.subarray(at, at + PIECE_BYTES)), false);
  take(decoder.end(), true);
  return {
    records,
    lineBreaks: parser.nextLine - options.firstLine,
    replacementCount,
    ...(parser.unclosedQuoteLine === undefined ? {} : { unclosedQuoteLine: parser.unclosedQuoteLine }),
  };
}
