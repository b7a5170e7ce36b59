import { CsvError, parse } from 'csv-parse/sync';
import { CATALOGUE_COLUMNS, isHeaderCell } from './catalogue-columns.ts';
import type { ImportProblem } from './import-problem.ts';

/** A CSV record with the physical line it starts on (1-based; the header is line 1). */
export interface CsvRow {
  line: number;
  values: string[];
}

export interface CsvReadResult {
  rows: CsvRow[];
  problems: ImportProblem[];
  /** The header is wrong or the CSV cannot be parsed: the rows cannot be trusted. */
  unreadable: boolean;
}

const LF = 0x0a;

/** Parses CSV text into records, each with its first physical line; blank lines are skipped. */
function parseWithLines(text: string): { records: CsvRow[]; syntax?: ImportProblem } {
  const bytes = Buffer.from(text.startsWith('\uFEFF') ? text.slice(1) : text, 'utf8');
  const records: CsvRow[] = [];
  let line = 1;
  let offset = 0;
  // csv-parse reports the byte offset after each record; counting LFs up to it gives the
  // line the next record starts on, in one pass over the file.
  const advance = (to: number): void => {
    for (let i = bytes.indexOf(LF, offset); i !== -1 && i < to; i = bytes.indexOf(LF, i + 1)) line++;
    offset = to;
  };
  try {
    parse(bytes, {
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n'],
      on_record: (values: string[], context) => {
        const start = line;
        advance(context.bytes);
        if (!(values.length === 1 && values[0] === '')) records.push({ line: start, values });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const message = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed' : error.message;
    return { records, syntax: { line, message: `CSV syntax: ${message}` } };
  }
  return { records };
}

function headerProblems(header: CsvRow | undefined): ImportProblem[] {
  if (!header) return [{ line: 1, message: 'the file is empty; expected the 22-column catalogue header' }];
  const problems: ImportProblem[] = [];
  CATALOGUE_COLUMNS.forEach((column, i) => {
    const cell = header.values[i];
    if (cell === undefined) problems.push({ line: 1, column, message: 'missing from the header' });
    else if (!isHeaderCell(cell, column)) {
      problems.push({
        line: 1,
        column: cell,
        message: `unknown column in position ${i + 1} (expected ${column})`,
      });
    }
  });
  for (let i = CATALOGUE_COLUMNS.length; i < header.values.length; i++) {
    problems.push({
      line: 1,
      column: header.values[i] as string,
      message: `unknown column in position ${i + 1}`,
    });
  }
  return problems;
}

function columnCountProblem(row: CsvRow): ImportProblem | undefined {
  const expected = CATALOGUE_COLUMNS.length;
  const found = row.values.length;
  if (found === expected) return undefined;
  if (found < expected) {
    return {
      line: row.line,
      column: CATALOGUE_COLUMNS[found],
      message: `missing (the row has ${found} of ${expected} columns)`,
    };
  }
  return {
    line: row.line,
    column: `${expected + 1}`,
    message: `extra value (the row has ${found} columns, expected ${expected})`,
  };
}

/**
 * Reads the 22-column catalogue CSV: checks the header and each row's column count.
 * Rows with the wrong count are reported and left out of `rows`.
 */
export function readCatalogueCsv(text: string): CsvReadResult {
  const { records, syntax } = parseWithLines(text);
  const [header, ...body] = records;
  const problems = headerProblems(header);
  if (syntax) problems.push(syntax);
  const rows: CsvRow[] = [];
  for (const row of body) {
    const problem = columnCountProblem(row);
    if (problem) problems.push(problem);
    else rows.push(row);
  }
  return { rows, problems, unreadable: syntax !== undefined || problems.some((p) => p.line === 1) };
}
