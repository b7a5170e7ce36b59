import type { DetectedEncoding } from '../encoding/detect-encoding.ts';
import type { RaggedRow } from '../delimited/ragged-rows.ts';
import type { ColumnType } from '../infer/column-type.ts';
import type { NormalizeCounts } from '../normalize/normalize-counts.ts';
import type { OutputFormat } from './output-format.ts';

/** What a conversion found and did: written as JSON (`--report`) and as text for people. */
export interface ConversionReport {
  input: {
    path: string;
    bytes: number;
    encoding: DetectedEncoding['encoding'] | undefined;
    bom: boolean;
    delimiter: string | undefined;
    /** The sheet, table or element path read, for inputs with several. */
    part?: string;
    replacementCharacters: number;
  };
  output: { path: string; format: OutputFormat };
  headerRows: number;
  columns: {
    name: string;
    description?: string;
    type: ColumnType;
    nulls: number;
    distinct: number;
    distinctCapped: boolean;
  }[];
  rows: { read: number; written: number; droppedTotals: number; droppedFootnotes: number };
  raggedRows: { count: number; examples: RaggedRow[] };
  normalized: boolean;
  normalizations: NormalizeCounts;
  warnings: string[];
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** The report as a few readable lines. */
export function formatReport(r: ConversionReport): string {
  const lines = [
    `${r.input.path} → ${r.output.path} (${r.output.format})`,
    [
      r.input.encoding ? `encoding ${r.input.encoding}${r.input.bom ? ' with BOM' : ''}` : undefined,
      r.input.delimiter ? `delimiter ${DELIMITER_NAMES[r.input.delimiter] ?? r.input.delimiter}` : undefined,
      r.input.part ? `read ${r.input.part}` : undefined,
      r.headerRows === 0 ? 'no header row (names generated)' : `${r.headerRows} header row(s)`,
    ]
      .filter((part) => part !== undefined)
      .join(', '),
    `rows: ${r.rows.written} written of ${r.rows.read} read` +
      (r.rows.droppedTotals + r.rows.droppedFootnotes > 0
        ? ` (dropped ${r.rows.droppedTotals} total and ${r.rows.droppedFootnotes} footnote rows)`
        : ''),
    `columns: ${r.columns.map((c) => `${c.name}:${c.type}`).join(', ')}`,
  ];
  if (r.normalized) {
    const n = r.normalizations;
    lines.push(
      `normalised: ${n.rocDates} ROC dates → ISO, ${n.coordinates} TWD97 points → WGS84, ${n.fullWidth} full-width cells, ` +
        `${n.nulls} null tokens, ${n.trimmed} trimmed cells`,
    );
  }
  if (r.raggedRows.count > 0) {
    const shown = r.raggedRows.examples
      .slice(0, 5)
      .map((x) => `line ${x.line} (${x.found} of ${x.expected} fields)`);
    lines.push(
      `ragged rows: ${r.raggedRows.count}: ${shown.join(', ')}${r.raggedRows.count > 5 ? ', …' : ''}`,
    );
  }
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
