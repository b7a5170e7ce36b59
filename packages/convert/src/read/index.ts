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
