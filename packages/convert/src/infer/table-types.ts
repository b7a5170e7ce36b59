import { ColumnTypeInferrer, DEFAULT_DISTINCT_CAP, type InferredColumnType } from './column-type.ts';

/** Infers the type of every column of a table, fed one data row at a time. */
export class TableTypeInferrer {
  private readonly columns: ColumnTypeInferrer[];

  constructor(columnCount: number, distinctCap = DEFAULT_DISTINCT_CAP) {
    this.columns = Array.from({ length: columnCount }, () => new ColumnTypeInferrer(distinctCap));
  }

  /** Cells beyond the column count (ragged rows) are ignored; missing cells count as nulls. */
  addRow(cells: readonly string[]): void {
    this.columns.forEach((column, index) => column.add(cells[index]));
  }

  results(): InferredColumnType[] {
    return this.columns.map((column) => column.result());
  }
}
