export {
  emptySummary,
  type ReaderOptions,
  type RecordReader,
  type RecordSource,
  type SourceRecord,
  type SourceSummary,
} from './record-source.ts';
export { readDelimitedFile } from './delimited-reader.ts';
export { READERS } from './readers.ts';
export { DEFAULT_ZIP_LIMITS, checkZipLimits, type ZipLimits, type ZipEntrySize } from './zip-limits.ts';
