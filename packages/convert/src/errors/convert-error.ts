/**
 * Stable error codes of the converter. Callers (the CLI, the quality checks, the
 * portal) branch on `code`, never on the message.
 */
export type ConvertErrorCode =
  /** Neither valid UTF-8 (± BOM), UTF-16 nor plausible CP950. */
  | 'INVALID_ENCODING'
  /** A single field or record is longer than the configured cap. */
  | 'FIELD_TOO_LARGE'
  /** No bytes, or nothing but a byte-order mark and blank lines. */
  | 'EMPTY_FILE'
  /** NUL bytes outside UTF-16: a binary file (image, ZIP, XLS …), not text. */
  | 'NOT_TEXT'
  /** The output format asked for (or implied by a file extension) is not one the converter writes. */
  | 'UNSUPPORTED_OUTPUT'
  /** GeoJSON was asked for but no longitude/latitude or TWD97 X/Y columns were found. */
  | 'NO_COORDINATES'
  /** The input is in a format the converter does not read yet. */
  | 'UNSUPPORTED_INPUT'
  /** The input file does not exist or cannot be read. */
  | 'INPUT_NOT_FOUND'
  /** A spreadsheet has no sheet of the name asked for (the message lists the sheets). */
  | 'SHEET_NOT_FOUND'
  /** A document (DOCX) or HTML page holds no table to convert. */
  | 'NO_TABLE'
  /** A ZIP archive declares more than the size cap, or an entry compresses implausibly well. */
  | 'ARCHIVE_TOO_LARGE'
  /** A ZIP entry inflates past the size it declared. */
  | 'ZIP_BOMB'
  /** JSON or NDJSON that does not parse (truncated, a bad line); the message gives the position. */
  | 'INVALID_JSON'
  /** JSON or XML holding nothing to read as records (no array of objects, no repeated element). */
  | 'NO_RECORDS'
  /** XML that is not well-formed (truncated, unclosed or mismatched tags). */
  | 'INVALID_XML'
  /** XML whose DOCTYPE declares entities (`<!ENTITY`): refused so an entity bomb cannot expand. */
  | 'XML_ENTITY_REFUSED'
  /** A file that cannot be opened as the format its bytes claim (a damaged or encrypted PDF). */
  | 'CORRUPT_FILE'
  /** A PDF without a text layer (a scanned image): it needs OCR before its table can be read. */
  | 'NEEDS_OCR';

export class ConvertError extends Error {
  override readonly name = 'ConvertError';
  readonly code: ConvertErrorCode;
  /** The 1-based line where the problem was found, when known. */
  readonly line: number | undefined;

  constructor(code: ConvertErrorCode, message: string, options: { line?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.line = options.line;
  }
}

export function isConvertError(error: unknown): error is ConvertError {
  return error instanceof ConvertError;
}
