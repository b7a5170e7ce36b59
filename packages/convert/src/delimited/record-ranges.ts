import { open } from 'node:fs/promises';

/** A byte range of a delimited file that holds whole records, in file order. */
export interface RecordRange {
  /** 0-based position among the file's ranges. */
  index: number;
  /** First byte (inclusive) and end (exclusive). */
  start: number;
  end: number;
}

export interface RecordRangeOptions {
  /** The delimiter's byte (an ASCII delimiter, so it never hides inside a multi-byte character). */
  delimiter: number;
  /** Bytes to pass over at the start: a byte-order mark. */
  skip: number;
  /** A range ends at the first record end at or after this many bytes from its start. */
  rangeBytes: number;
  /** Bytes read at a time. */
  readBytes?: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where the scan stands between two reads. */
interface ScanState {
  inQuote: boolean;
  /** The last byte read was a quote inside a quoted field: `""` or the field's end. */
  quotePending: boolean;
  /** The byte before the next one (a LF before the first: a field starts there). */
  previous: number;
}

/**
 * Scans `bytes` (which start at file offset `offset`) and returns the file offsets just
 * past each record-ending LF at or after `cut`; after each, the next cut is `rangeBytes`
 * further. Outside quotes only two bytes matter — a quote (does it open a field?) and a
 * LF — so the scan jumps between them with indexOf (native memchr) instead of visiting
 * every byte.
 */
function scan(
  bytes: Buffer,
  offset: number,
  cut: number,
  rangeBytes: number,
  delimiter: number,
  state: ScanState,
  ends: number[],
): number {
  const n = bytes.length;
  let i = 0;
  if (state.quotePending) {
    state.quotePending = false;
    if (bytes[0] === QUOTE) i = 1;
    else state.inQuote = false;
  }
  let previous = state.previous;
  while (i < n) {
    if (state.inQuote) {
      const j = bytes.indexOf(QUOTE, i);
      if (j === -1 || j + 1 === n) {
        state.quotePending = j !== -1;
        break;
      }
      if (bytes[j + 1] === QUOTE) i = j + 2;
      else {
        state.inQuote = false;
        i = j + 1;
      }
      continue;
    }
    const q = bytes.indexOf(QUOTE, i);
    const stop = q === -1 ? n : q;
    // A record end inside [i, stop) at or after the cut ends a range.
    for (let from = Math.max(i, cut - offset); from < stop;) {
      const lf = bytes.indexOf(LF, from);
      if (lf === -1 || lf >= stop) break;
      ends.push(offset + lf + 1);
      cut = offset + lf + 1 + rangeBytes;
      from = cut - offset;
    }
    if (q === -1) break;
    const before = q === 0 ? previous : (bytes[q - 1] as number);
    if (before === delimiter || before === LF || before === CR) state.inQuote = true;
    i = q + 1;
  }
  if (n > 0) previous = bytes[n - 1] as number;
  state.previous = previous;
  return cut;
}

/**
 * Cuts a delimited file into ranges of whole records, so that each can be parsed on its
 * own (by a worker thread). A record ends at a line break outside quotes; which line
 * breaks those are depends on every quote before them, so the whole file is scanned once
 * with RecordParser's quoting rules: a quote opens a quoted field only at the start of a
 * field, `""` inside one is an escaped quote, and any other quote closes it. Ranges end
 * only after a LF (a file of lone-CR line ends is one range). Only safe for encodings
 * where the quote, delimiter and line-break bytes never occur inside a multi-byte
 * character: UTF-8, and CP950 with a delimiter below 0x40. Line numbers are left to
 * the parsers (each range's line breaks are counted where it is parsed).
 */
export async function* recordRanges(path: string, options: RecordRangeOptions): AsyncGenerator<RecordRange> {
  const handle = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(options.readBytes ?? 1024 * 1024);
  const state: ScanState = { inQuote: false, quotePending: false, previous: LF };
  let position = options.skip;
  let rangeStart = 0;
  let cut = options.rangeBytes;
  let index = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const ends: number[] = [];
      cut = scan(
        buffer.subarray(0, bytesRead),
        position,
        cut,
        options.rangeBytes,
        options.delimiter,
        state,
        ends,
      );
      for (const end of ends) {
        yield { index: index++, start: rangeStart, end };
        rangeStart = end;
      }
      position += bytesRead;
    }
    if (position > rangeStart) yield { index: index++, start: rangeStart, end: position };
  } finally {
    await handle.close();
  }
}
