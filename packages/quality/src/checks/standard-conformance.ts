import { findFieldStandard, standardClaimedByName } from '../standards/field-standards.ts';
import type { FieldStandard } from '../standards/field-standard.ts';
import { fail, notApplicable, pass, warn, type ResourceCheck } from './check.ts';
import { columnNameKey } from './column-name-key.ts';

/** How many failing values are kept as evidence per check. */
export const STANDARD_ERROR_EXAMPLES = 20;

interface Claim {
  column: string;
  standard: FieldStandard;
  how: 'declared' | 'name';
}

/**
 * 資料標準: columns that claim a government field standard (declared in resourceField,
 * or by a name the standard recognises, e.g. 緯度) validate against it, row by row.
 * Without any claimed column it warns: platinum needs data that follows a standard.
 */
export const standardConformance: ResourceCheck = {
  id: 'standard_conformance',
  version: 1,
  appliesTo: ['file'],
  dimension: 'standards',
  async run({ declared, table }) {
    if (!table) return notApplicable('no table was read from the content');
    const declaredStandards = new Map(
      (declared.fields ?? [])
        .filter((f) => f.standard)
        .flatMap((f) =>
          [f.name, f.title].filter((n): n is string => !!n).map((n) => [columnNameKey(n), f.standard!]),
        ),
    );
    const claims: Claim[] = [];
    const unknown: string[] = [];
    for (const { name } of table.report.columns) {
      const declaredId = declaredStandards.get(columnNameKey(name));
      const standard = declaredId ? findFieldStandard(declaredId) : standardClaimedByName(name);
      if (declaredId && !standard) unknown.push(`${name}: ${declaredId}`);
      if (standard) claims.push({ column: name, standard, how: declaredId ? 'declared' : 'name' });
    }
    if (claims.length === 0) {
      return warn(
        { columns: table.report.columns.length, claimed: [], unknownStandards: unknown },
        {
          zh: '沒有欄位採用政府資料標準；請在欄位說明中標註採用的標準（如 ISO 8601 日期、WGS84 經緯度、縣市代碼）並依標準提供資料。',
          en: 'No column follows a government field standard: declare the standard each column follows (ISO 8601 dates, WGS84 coordinates, county codes, …) and follow it.',
        },
      );
    }
    const errors: { row: number; column: string; value: string; standard: string; problem: string }[] = [];
    const counts = new Map<string, { checked: number; failed: number }>(
      claims.map((c) => [c.column, { checked: 0, failed: 0 }]),
    );
    let row = 0;
    for await (const record of table.rows()) {
      row++;
      for (const claim of claims) {
        const raw = record[claim.column];
        if (raw === null || raw === undefined || String(raw).trim() === '') continue;
        const value = String(raw);
        const count = counts.get(claim.column)!;
        count.checked++;
        const problem = claim.standard.check(value);
        if (problem === undefined) continue;
        count.failed++;
        if (errors.length < STANDARD_ERROR_EXAMPLES)
          errors.push({ row, column: claim.column, value, standard: claim.standard.id, problem });
      }
    }
    const columns = claims.map((c) => ({
      column: c.column,
      standard: c.standard.id,
      claimedBy: c.how,
      ...counts.get(c.column),
    }));
    const failed = columns.filter((c) => (c.failed ?? 0) > 0);
    const evidence = { columns, errors, unknownStandards: unknown };
    if (failed.length === 0 && unknown.length === 0) return pass(evidence);
    return fail(evidence, {
      zh: `有欄位不符合其採用的資料標準：${failed.map((c) => `${c.column}（${findFieldStandard(c.standard)?.title.zh ?? c.standard}，${c.failed} 筆）`).join('、') || unknown.join('、')}。`,
      en: `Columns break the standard they claim: ${failed.map((c) => `${c.column} (${c.standard}, ${c.failed} values)`).join(', ') || unknown.join(', ')}.`,
    });
  },
};
