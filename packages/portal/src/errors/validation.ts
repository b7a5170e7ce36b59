import type { z } from 'zod';
import { AppError, type FieldProblem } from './app-error.ts';

function problemCode(issue: z.core.$ZodIssue): string {
  const params = (issue as { params?: { code?: unknown } }).params;
  if (params && typeof params.code === 'string') return params.code;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'type';
    case 'too_big':
      return 'too_long';
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'too_short';
    case 'invalid_format':
      return 'pattern';
    case 'invalid_value':
      return 'enum';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return 'invalid';
  }
}

export function fieldProblems(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => ({
    field:
      prefix +
      issue.path
        .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
        .join(''),
    code: problemCode(issue),
    message: issue.message,
  }));
}

/** Parses with a schema or throws VALIDATION_FAILED with field-level problems. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what = 'request'): z.infer<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const problems = fieldProblems(result.error);
  throw new AppError(
    'VALIDATION_FAILED',
    `Invalid ${what}: ${problems.map((p) => `${p.field || '(body)'} ${p.message}`).join('; ')}`,
    problems,
  );
}
