import type { DetectedEncoding } from '../encoding/detect-encoding.ts';
import { ConvertError } from '../errors/convert-error.ts';
import { decodeChunks, openTextSource } from './text-source.ts';
import { RecordParser } from './record-parser.ts';
import { RaggedRowCollector, type RaggedRow } from './ragged-rows.ts';
import { sniffDelimiter, type Delimiter, type SniffedDelimiter } from './sniff-delimiter.ts';

/** One parsed record: its cells and the 1-based line where it starts. */
export interface DelimitedRecord {
  cells: string[];
  line: number;
}

export interface ReadDelimitedOptions {
  /** Use this delimiter instead of sniffing one. */
  delimiter?: Delimiter;
  /** Largest record (all its fields), in bytes of UTF-8; default 16 MiB. */
  maxRecordBytes?: number;
  /** Field count a record should have; default: the first record wider than one cell. */
  expectedFieldCount?: number;
  /** Keep at most this many ragged rows in the summary (all are counted); default 1000. */
  maxRaggedRows?: number;
}

/** What the reader learned; complete once iteration has ended. */
export interface DelimitedSummary {
  encoding: DetectedEncoding | undefined;
  delimiter: SniffedDelimiter | undefined;
  recordCount: number;
  expectedFieldCount: number | undefined;
  raggedRows: RaggedRow[];
  raggedRowCount: number;
  /** U+FFFD characters produced by bytes the detected encoding could not decode. */
  replacementCount: number;
  /** A quote opened on this line was never closed: the rest of the input became one field. */
  unclosedQuoteLine?: number;
}

export interface DelimitedReading extends AsyncIterable<DelimitedRecord> {
  readonly summary: DelimitedSummary;
  /** The records in batches (those of one decoded chunk): the fast way to read a big file. */
  batches(): AsyncIterable<DelimitedRecord[]>;
}

export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_RAGGED_ROWS = 1000;
/** Decoded text parsed at a time (about 600 records of a typical table). */
const BATCH_CHARS = 64 * 1024;

/**
 * Reads delimited text (CSV, TSV, semicolon or pipe separated) as a stream of records:
 * detects the encoding from the first 64 KB, decodes incrementally, sniffs the
 * delimiter and parses RFC 4180 with RecordParser (newlines inside quotes, stray quotes
 * tolerated, any mix of CRLF/LF/CR). Memory is bounded by the largest record.
 * `batches()` gives the records of each decoded chunk together (far fewer awaits).
 * Throws ConvertError (EMPTY_FILE, NOT_TEXT, INVALID_ENCODING, FIELD_TOO_LARGE).
 */
export function readDelimited(
  source: AsyncIterable<Uint8Array>,
  options: ReadDelimitedOptions = {},
): DelimitedReading {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const ragged = new RaggedRowCollector(
    options.maxRaggedRows ?? DEFAULT_MAX_RAGGED_ROWS,
    options.expectedFieldCount,
  );
  const summary: DelimitedSummary = {
    encoding: undefined,
    delimiter: undefined,
    recordCount: 0,
    expectedFieldCount: options.expectedFieldCount,
    raggedRows: ragged.rows,
    raggedRowCount: 0,
    replacementCount: 0,
  };

  const account = (records: DelimitedRecord[]): void => {
    summary.recordCount += records.length;
    for (const record of records) ragged.add(record.cells, record.line);
  };

  async function* batches(): AsyncGenerator<DelimitedRecord[]> {
    const text = await openTextSource(source);
    summary.encoding = text.encoding;
    summary.delimiter = options.delimiter
      ? { delimiter: options.delimiter, confidence: 1, fieldCount: 0 }
      : sniffDelimiter(text.sample, text.complete);
    const parser = new RecordParser(summary.delimiter.delimiter, maxRecordBytes);
    const onReplacement = (count: number): void => {
      summary.replacementCount += count;
    };
    try {
      for await (const chunk of decodeChunks(text, onReplacement)) {
        // Small batches: the records of a batch live until it is written, and fewer
        // survivors per young-generation collection keep the old generation (RSS) small.
        for (let at = 0; at < chunk.length; at += BATCH_CHARS) {
          const records: DelimitedRecord[] = [];
          parser.push(
            at === 0 && chunk.length <= BATCH_CHARS ? chunk : chunk.slice(at, at + BATCH_CHARS),
            records,
          );
          if (records.length === 0) continue;
          account(records);
          yield records;
        }
      }
      const records: DelimitedRecord[] = [];
      parser.end(records);
      if (parser.unclosedQuoteLine !== undefined) summary.unclosedQuoteLine = parser.unclosedQuoteLine;
      if (records.length > 0) {
        account(records);
        yield records;
      }
    } finally {
      summary.expectedFieldCount = ragged.expectedFieldCount;
      summary.raggedRowCount = ragged.count;
    }
    if (summary.recordCount === 0) throw new ConvertError('EMPTY_FILE', 'The file has no records');
  }

  async function* records(): AsyncGenerator<DelimitedRecord> {
    for await (const batch of batches()) yield* batch;
  }

  return { summary, batches, [Symbol.asyncIterator]: () => records() };
}
