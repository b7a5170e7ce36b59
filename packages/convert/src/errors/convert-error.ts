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
  | 'INPUT_NOT_FOUND';

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
