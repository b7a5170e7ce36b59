import type { InputKind } from '../pipeline/input-kind.ts';
import type { RecordReader } from './record-source.ts';

/**
 * The reader of each input kind the converter supports, loaded on first use: the
 * spreadsheet, PDF and Word libraries are large, and a CSV conversion needs none.
 */
export const READERS: Partial<Record<InputKind, () => Promise<RecordReader>>> = {
  delimited: async () => (await import('./delimited-reader.ts')).readDelimitedFile,
  xlsx: async () => (await import('./xlsx-reader.ts')).readXlsxFile,
  ods: async () => (await import('./ods-reader.ts')).readOdsFile,
  docx: async () => (await import('./docx-reader.ts')).readDocxFile,
  zip: async () => (await import('./zip-reader.ts')).readZipFile,
  json: async () => (await import('./json-reader.ts')).readJsonFile,
  ndjson: async () => (await import('./ndjson-reader.ts')).readNdjsonFile,
  xml: async () => (await import('./xml-reader.ts')).readXmlFile,
  html: async () => (await import('./html-reader.ts')).readHtmlFile,
  pdf: async () => (await import('./pdf-reader.ts')).readPdfFile,
};
