import { AppError } from '../../errors/app-error.ts';

/**
 * One thing wrong with an import file, located for a person: the physical line (1-based,
 * the header is line 1; a record spanning several lines is named by its first) and the
 * CSV column, or for JSON the record's position and the field.
 */
export interface ImportProblem {
  line?: number;
  record?: number;
  column?: string;
  message: string;
}

export function describeProblem(p: ImportProblem): string {
  const where =
    p.line !== undefined ? `line ${p.line}` : p.record !== undefined ? `record ${p.record}` : undefined;
  const what =
    p.column === undefined ? undefined : p.line !== undefined ? `column ${p.column}` : `field ${p.column}`;
  const place = [where, what].filter((x) => x !== undefined).join(', ');
  return place === '' ? p.message : `${place}: ${p.message}`;
}

const SHOWN = 5;

/** IMPORT_INVALID naming the first problems in the message and carrying all of them in `details`. */
export function importInvalid(problems: readonly ImportProblem[]): AppError {
  const shown = problems.slice(0, SHOWN).map(describeProblem).join('; ');
  const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more problems` : '';
  return new AppError('IMPORT_INVALID', `${shown}${more}`, problems);
}
