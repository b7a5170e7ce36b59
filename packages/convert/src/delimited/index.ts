export { cellShape, type CellShape } from './cell-shape.ts';
export {
  detectHeader,
  uniqueColumnNames,
  HEADER_WINDOW,
  type DetectedHeader,
  type TableColumn,
} from './header.ts';
export { usedWidth, type RaggedRow } from './ragged-rows.ts';
export {
  readDelimited,
  DEFAULT_MAX_RECORD_BYTES,
  type DelimitedReading,
  type DelimitedRecord,
  type DelimitedSummary,
  type ReadDelimitedOptions,
} from './read-delimited.ts';
export { sniffDelimiter, DELIMITERS, type Delimiter, type SniffedDelimiter } from './sniff-delimiter.ts';
export { SAMPLE_BYTES } from './text-source.ts';
