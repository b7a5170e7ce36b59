import type { NormalizeCounts } from '../normalize/normalize-counts.ts';
import type { SourceSummary } from '../read/record-source.ts';
import type { ColumnPlan } from './column-plan.ts';
import type { ConversionReport } from './conversion-report.ts';
import type { ConvertOptions } from './convert-file.ts';

/** What one conversion (serial or in parallel) found, to be told in its report. */
export interface ConversionFacts {
  inputPath: string;
  size: number;
  options: ConvertOptions;
  normalize: boolean;
  headerRows: number;
  plan: ColumnPlan;
  counts: NormalizeCounts;
  read: number;
  written: number;
  totals: number;
  footnotes: number;
  summary: SourceSummary;
}

export function assembleReport(facts: ConversionFacts): ConversionReport {
  const { summary, normalize, counts } = facts;
  if (normalize) counts.droppedRows = facts.totals + facts.footnotes;
  const warnings: string[] = [...summary.warnings];
  if (summary.replacementCount > 0) {
    warnings.push(
      `${summary.replacementCount} bytes could not be decoded as ${summary.encoding?.encoding} (replaced by U+FFFD)`,
    );
  }
  return {
    input: {
      path: facts.inputPath,
      bytes: facts.size,
      encoding: summary.encoding?.encoding,
      bom: summary.encoding?.bom ?? false,
      delimiter: summary.delimiter,
      ...(summary.part === undefined ? {} : { part: summary.part }),
      replacementCharacters: summary.replacementCount,
    },
    output: { path: facts.options.outputPath ?? '-', format: facts.options.to },
    headerRows: facts.headerRows,
    columns: facts.plan.columns.map((c) => ({
      name: c.name,
      ...(c.description === undefined ? {} : { description: c.description }),
      type: c.inferred.type,
      nulls: c.inferred.nullCount,
      distinct: c.inferred.distinctCount,
      distinctCapped: c.inferred.distinctCapped,
    })),
    rows: {
      read: facts.read,
      written: facts.written,
      droppedTotals: normalize ? facts.totals : 0,
      droppedFootnotes: normalize ? facts.footnotes : 0,
    },
    raggedRows: { count: summary.raggedRowCount, examples: summary.raggedRows.slice(0, 100) },
    normalized: normalize,
    normalizations: counts,
    warnings,
  };
}
