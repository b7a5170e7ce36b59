import type { InputKind } from '../pipeline/input-kind.ts';
import { readDelimitedFile } from './delimited-reader.ts';
import { readDocxFile } from './docx-reader.ts';
import { readHtmlFile } from './html-reader.ts';
import { readJsonFile } from './json-reader.ts';
import { readNdjsonFile } from './ndjson-reader.ts';
import { readOdsFile } from './ods-reader.ts';
import { readPdfFile } from './pdf-reader.ts';
import { readXlsxFile } from './xlsx-reader.ts';
import { readXmlFile } from './xml-reader.ts';
import { readZipFile } from './zip-reader.ts';
import type { RecordReader } from './record-source.ts';

/** The reader of each input kind the converter supports. */
export const READERS: Partial<Record<InputKind, RecordReader>> = {
  delimited: readDelimitedFile,
  xlsx: readXlsxFile,
  ods: readOdsFile,
  docx: readDocxFile,
  zip: readZipFile,
  json: readJsonFile,
  ndjson: readNdjsonFile,
  xml: readXmlFile,
  html: readHtmlFile,
  pdf: readPdfFile,
};
