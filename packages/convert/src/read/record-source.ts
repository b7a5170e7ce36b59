import type { RaggedRow } from '../delimited/ragged-rows.ts';
import type { DetectedEncoding } from '../encoding/detect-encoding.ts';

/** One row of cells as text, with where it came from (a line, or a row of a sheet). */
export interface SourceRecord {
  cells: string[];
  line: number;
}

/** What a reader learned about its input; complete once iteration has ended. */
export interface SourceSummary {
  encoding?: DetectedEncoding | undefined;
  delimiter?: string | undefined;
  /** The sheet, element path or table the records came from. */
  part?: string | undefined;
  raggedRows: RaggedRow[];
  raggedRowCount: number;
  /** U+FFFD characters produced by undecodable bytes. */
  replacementCount: number;
  warnings: string[];
}

/** A pass over an input's records. */
export interface RecordSource extends AsyncIterable<SourceRecord> {
  readonly summary: SourceSummary;
  /**
   * The first record is the header for certain (JSON keys, XML element names, a
   * table's <th> row): the converter takes it as is instead of detecting one.
   */
  readonly headerIsFirstRecord?: boolean;
}

export interface ReaderOptions {
  /** Spreadsheets: the sheet to read (default: the first with data). */
  sheet?: string | undefined;
  /** Delimited text: the delimiter instead of sniffing one. */
  delimiter?: string | undefined;
  /** Delimited text: the largest record in bytes (default 16 MiB). */
  maxRecordBytes?: number | undefined;
  /** Bytes of the input consumed in this pass so far. */
  onBytes?: ((bytes: number) => void) | undefined;
}

/**
 * A reader opens fresh passes over one input: the converter reads twice (types, then
 * values), so each call must start from the beginning and keep memory bounded.
 */
export type RecordReader = (path: string, options: ReaderOptions) => RecordSource;

export function emptySummary(): SourceSummary {
  return { raggedRows: [], raggedRowCount: 0, replacementCount: 0, warnings: [] };
}
