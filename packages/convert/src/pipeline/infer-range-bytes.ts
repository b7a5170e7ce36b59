import { isUtf8 } from 'node:buffer';
import { ByteRecords, countLineBreaks, GIVE_BACK } from '../delimited/byte-records.ts';
import type { RecordRange } from '../delimited/record-ranges.ts';
import { rejectBinary } from '../delimited/text-source.ts';
import type { ColumnTypeInferrer } from '../infer/column-type.ts';
import { rulesOutSummary } from '../normalize/summary-rows.ts';
import type { TypeTally } from './record-passes.ts';
import type { InferredRange, RangeFile } from './range-work.ts';

const REPLACEMENT = Buffer.from('\uFFFD', 'utf8');

/** The field arrays of the last range's ByteRecords, reused by the next (grown as needed). */
let fieldArrays: ByteRecords | undefined;

/** Field counts of a range's records (grown as needed, reused from range to range). */
let recordFields = new Int32Array(1 << 13);

function ensureRecords(size: number): void {
  if (size <= recordFields.length) return;
  const grown = new Int32Array(Math.max(size, 2 * recordFields.length));
  grown.set(recordFields);
  recordFields = grown;
}

/**
 * Pass 1 over a range of a UTF-8 file from its bytes (ADR 0010): the records' fields are
 * found first (ByteRecords), then each data cell goes to its column's inferrer as bytes
 * (ColumnTypeInferrer.addUtf8), so no record is decoded into strings. Undefined, with
 * the inferrers untouched, when the range must be read by the general parser: invalid
 * UTF-8, an unclosed or relaxed quote, or a record whose width is not the expected one
 * (ragged rows are reported with their lines, which the general parser counts).
 * Otherwise the same result, and the same inferrer states, as inferRange's parser.
 */
export function inferRangeBytes(
  file: RangeFile,
  range: RecordRange,
  b: Buffer,
  inferrers: readonly ColumnTypeInferrer[],
  tally: TypeTally,
): InferredRange | undefined {
  rejectBinary(b, 'UTF-8');
  if (!isUtf8(b)) return undefined;
  // The whole range's fields are kept, record after record, before any inferrer is fed.
  const scan = new ByteRecords(b, file.delimiter.charCodeAt(0), fieldArrays ?? 1 << 16);
  fieldArrays = scan;
  let records = 0;
  for (;;) {
    const fields = scan.next();
    if (fields === 0) break;
    if (fields === GIVE_BACK) return undefined;
    const at = range.index === 0 ? records : Number.POSITIVE_INFINITY;
    if (at > file.widthRecordIndex && fields !== file.expectedFieldCount) return undefined;
    ensureRecords(records + 1);
    recordFields[records++] = fields;
    scan.base += fields;
  }
  const { starts: fieldStarts, ends: fieldEnds, doubled: fieldDoubled } = scan;
  const columns = inferrers.length;
  let first = 0;
  for (let r = 0; r < records; r++) {
    const fields = recordFields[r]!;
    const from = first;
    first += fields;
    if (range.index === 0 && r < file.dataStartIndex) continue;
    // A possible total or footnote row goes through the tally's own test, from strings.
    let f = from;
    while (f < first && fieldStarts[f] === fieldEnds[f]) f++;
    if (f < first) {
      const lead = b[fieldStarts[f]!]!;
      if (!rulesOutSummary(lead < 0x80 ? lead : scan.text(f).charCodeAt(0))) {
        const cells: string[] = [];
        for (let g = from; g < first; g++) cells.push(scan.text(g));
        tally.add(cells);
        continue;
      }
    }
    tally.read++;
    for (let i = 0; i < columns; i++) {
      const inferrer = inferrers[i]!;
      if (i >= fields) inferrer.add(undefined);
      else if (fieldDoubled[from + i]) inferrer.add(scan.text(from + i));
      else inferrer.addUtf8(b, fieldStarts[from + i]!, fieldEnds[from + i]!);
    }
  }

  let replacementCount = 0;
  for (let at = b.indexOf(REPLACEMENT); at !== -1; at = b.indexOf(REPLACEMENT, at + 3)) replacementCount++;
  return {
    index: range.index,
    records,
    read: tally.read,
    lineBreaks: countLineBreaks(b),
    replacementCount,
    raggedRows: [],
    raggedRowCount: 0,
  };
}
