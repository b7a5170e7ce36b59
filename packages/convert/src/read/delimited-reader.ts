import { createReadStream } from 'node:fs';
import { readDelimited } from '../delimited/read-delimited.ts';
import type { Delimiter } from '../delimited/sniff-delimiter.ts';
import type { RecordReader, RecordSource, SourceSummary } from './record-source.ts';

/** CSV/TSV/…: `readDelimited` over a file stream, as a RecordSource. */
export const readDelimitedFile: RecordReader = (path, options): RecordSource => {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
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
    get summary(): SourceSummary {
      const s = reading.summary;
      return {
        encoding: s.encoding,
        delimiter: s.delimiter?.delimiter,
        raggedRows: s.raggedRows,
        raggedRowCount: s.raggedRowCount,
        replacementCount: s.replacementCount,
        warnings: [],
      };
    },
  };
};
