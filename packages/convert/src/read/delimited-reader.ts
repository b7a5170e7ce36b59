import { createReadStream } from 'node:fs';
import { readDelimited } from '../delimited/read-delimited.ts';
import type { Delimiter } from '../delimited/sniff-delimiter.ts';
import type { RecordReader, RecordSource, SourceRecord, SourceSummary } from './record-source.ts';

/** A RecordSource that can also hand over its records a chunk at a time. */
export interface BatchedRecordSource extends RecordSource {
  batches(): AsyncIterable<SourceRecord[]>;
}

export const isBatched = (source: RecordSource): source is BatchedRecordSource =>
  typeof (source as Partial<BatchedRecordSource>).batches === 'function';

export const unclosedQuoteWarning = (line: number): string =>
  `The quote opened on line ${line} is never closed: the rest of the file was read as one field`;

/** CSV/TSV/…: `readDelimited` over a file stream, as a RecordSource. */
export const readDelimitedFile: RecordReader = (path, options): BatchedRecordSource => {
  // 32 KB reads: the decoded text stays out of V8's large-object space (freed only by full GCs).
  const stream = createReadStream(path, { highWaterMark: 32 * 1024 });
  if (options.onBytes) {
    const report = options.onBytes;
    let done = 0;
    stream.on('data', (chunk) => report((done += chunk.length)));
  }
  const reading = readDelimited(stream, {
    ...(options.delimiter ? { delimiter: options.delimiter as Delimiter } : {}),
    ...(options.maxRecordBytes ? { maxRecordBytes: options.maxRecordBytes } : {}),
  });
  return {
    [Symbol.asyncIterator]: () => reading[Symbol.asyncIterator](),
    batches: () => reading.batches(),
    get summary(): SourceSummary {
      const s = reading.summary;
      return {
        encoding: s.encoding,
        delimiter: s.delimiter?.delimiter,
        raggedRows: s.raggedRows,
        raggedRowCount: s.raggedRowCount,
        replacementCount: s.replacementCount,
        warnings: s.unclosedQuoteLine === undefined ? [] : [unclosedQuoteWarning(s.unclosedQuoteLine)],
      };
    },
  };
};
