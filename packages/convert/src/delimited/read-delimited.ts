import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { DetectedEncoding } from '../encoding/detect-encoding.ts';
import { ConvertError } from '../errors/convert-error.ts';
import { decodeChunks, openTextSource } from './text-source.ts';
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
}

export interface DelimitedReading extends AsyncIterable<DelimitedRecord> {
  readonly summary: DelimitedSummary;
}

export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_RAGGED_ROWS = 1000;

/**
 * Line breaks inside the cells, so that a multi-line record reports the line it starts
 * on. csv-parse, given several record delimiters, counts a CRLF inside quotes as two
 * lines: `crlf` says how many such pairs it over-counted.
 */
function lineBreaks(cells: readonly string[]): { breaks: number; crlf: number } {
  let breaks = 0;
  let crlf = 0;
  for (const cell of cells) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
    crlf += cell.match(/\r\n/g)?.length ?? 0;
  }
  return { breaks, crlf };
}

/**
 * Reads delimited text (CSV, TSV, semicolon or pipe separated) as a stream of records:
 * detects the encoding from the first 64 KB, decodes incrementally, sniffs the
 * delimiter and parses RFC 4180 with csv-parse (newlines inside quotes, stray quotes
 * tolerated, any mix of CRLF/LF/CR). Memory is bounded by the largest record.
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

  async function* records(): AsyncGenerator<DelimitedRecord> {
    const text = await openTextSource(source);
    summary.encoding = text.encoding;
    summary.delimiter = options.delimiter
      ? { delimiter: options.delimiter, confidence: 1, fieldCount: 0 }
      : sniffDelimiter(text.sample, text.complete);
    const parser = parse({
      delimiter: summary.delimiter.delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxRecordBytes,
      info: true,
    });
    const onReplacement = (count: number): void => {
      summary.replacementCount += count;
    };
    const feeding = pipeline(Readable.from(decodeChunks(text, onReplacement)), parser);
    feeding.catch(() => undefined); // the same error reaches the loop below through the parser
    let overCounted = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>) {
        const { breaks, crlf } = lineBreaks(record);
        overCounted += crlf;
        const line = info.lines - overCounted - breaks;
        summary.recordCount++;
        ragged.add(record, line);
        yield { cells: record, line };
      }
    } catch (error) {
      if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') {
        const line = (error as CsvError & { lines?: number }).lines;
        throw new ConvertError('FIELD_TOO_LARGE', `A record is longer than ${maxRecordBytes} bytes`, {
          line,
          cause: error,
        });
      }
      throw error;
    } finally {
      summary.expectedFieldCount = ragged.expectedFieldCount;
      summary.raggedRowCount = ragged.count;
      parser.destroy();
    }
    if (summary.recordCount === 0) throw new ConvertError('EMPTY_FILE', 'The file has no records');
  }

  return { summary, [Symbol.asyncIterator]: () => records() };
}
