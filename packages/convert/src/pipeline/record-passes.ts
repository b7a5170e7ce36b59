import type { ColumnTypeInferrer } from '../infer/column-type.ts';
import type { NormalizeCounts } from '../normalize/normalize-counts.ts';
import { isSummaryRow } from '../normalize/summary-rows.ts';
import type { CellValue } from '../write/table-sink.ts';
import type { ColumnPlan } from './column-plan.ts';

/**
 * What each pass of a conversion does with one data record, the same whether a file is
 * read on one thread (convert-file.ts) or range by range on several (range-work.ts).
 */

/** Pass 1: counts the record and gives its cells to the column inferrers; total and footnote rows vote for no type. */
export class TypeTally {
  /** Data records seen, summary rows included. */
  read = 0;

  constructor(private readonly inferrers: readonly ColumnTypeInferrer[]) {}

  add(cells: readonly string[]): void {
    this.read++;
    if (isSummaryRow(cells)) return;
    for (let i = 0; i < this.inferrers.length; i++) this.inferrers[i]!.add(cells[i]);
  }
}

/** Pass 2: the record's output cells, or undefined for a total or footnote row that normalising drops (counted either way). */
export class RowConversion {
  totals = 0;
  footnotes = 0;

  constructor(
    private readonly plan: ColumnPlan,
    private readonly normalize: boolean,
    /** Text cells (CSV, XML) rather than typed ones. */
    private readonly asText: boolean,
  ) {}

  convert(cells: readonly string[], counts: NormalizeCounts): CellValue[] | undefined {
    const summary = isSummaryRow(cells);
    if (summary) {
      if (summary === 'total') this.totals++;
      else this.footnotes++;
      if (this.normalize) return undefined;
    }
    return this.asText ? this.plan.convertText(cells, counts) : this.plan.convertTyped(cells, counts);
  }
}
