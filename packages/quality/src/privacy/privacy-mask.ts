import { maskMatches, maskName } from './mask-values.ts';
import { looksLikePersonalName } from './personal-names.ts';
import { columnRoles, judgeCell, scanTable, type PlainTable, type PrivacyReport } from './privacy-scan.ts';

/**
 * 遮蔽個人資料, the one-click fix of the `privacy` check: a copy of the table with every
 * finding of the scanner masked in place (mask-values.ts says how), blocking and
 * to-review alike. Other cells and the column order are unchanged; the input is not
 * modified. Scanning the masked copy finds nothing.
 */
export function maskPersonalData(table: PlainTable, report: PrivacyReport = scanTable(table)): PlainTable {
  const masker = personalDataMasker(table.columns, report);
  return { columns: [...table.columns], rows: table.rows.map((row) => masker(row)) };
}

/**
 * A row masker for tables too big for memory: scan the rows first (scanRows), then pass
 * each row through the masker the report gives.
 */
export function personalDataMasker(
  columns: readonly string[],
  report: PrivacyReport,
): (row: Readonly<Record<string, unknown>>) => Record<string, unknown> {
  const roles = columnRoles(columns);
  const nameColumns = new Set(report.findings.filter((f) => f.kind === 'personal_name').map((f) => f.column));
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const [column, raw] of Object.entries(row)) {
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        out[column] = raw;
        continue;
      }
      const value = String(raw);
      if (nameColumns.has(column) && looksLikePersonalName(value)) {
        out[column] = maskName(value.trim());
        continue;
      }
      const matches = judgeCell(value, column, roles);
      out[column] = matches.length === 0 ? raw : maskMatches(value, matches);
    }
    return out;
  };
}
