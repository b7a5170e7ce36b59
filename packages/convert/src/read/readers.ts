import type { InputKind } from '../pipeline/input-kind.ts';
import { readDelimitedFile } from './delimited-reader.ts';
import type { RecordReader } from './record-source.ts';

/** The reader of each input kind the converter supports. */
export const READERS: Partial<Record<InputKind, RecordReader>> = {
  delimited: readDelimitedFile,
};
