import { ERROR_CODES, type ErrorCode } from './error-codes.ts';

/** A field-level problem: which field, a stable code, and a readable message. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** The one error type. HTTP status comes from the code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }
}

/** The one error body shape: `{ error: { code, message, details?, requestId? } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}

export function errorBody(error: AppError, requestId?: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      ...(requestId ? { requestId } : {}),
    },
  };
}
