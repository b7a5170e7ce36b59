import { fail, notApplicable, pass, type ResourceCheck } from './check.ts';
import type { DeclaredField } from './check-context.ts';
import { columnNameKey } from './column-name-key.ts';

function fieldKeys(field: DeclaredField): string[] {
  return [field.name, field.title].filter((n): n is string => !!n && n.trim() !== '').map(columnNameKey);
}

/**
 * 欄位相符 (desc_match): the file's columns are the declared 主要欄位說明 / resourceField —
 * same names and count, in any order, with 臺/台 and width folded.
 */
export const fieldsMatch: ResourceCheck = {
  id: 'fields_match',
  version: 1,
  appliesTo: ['file'],
  dimension: 'understandable',
  run({ declared, table }) {
    if (!table) return notApplicable('no table was read from the content');
    const columns = table.report.columns.map((c) => c.name);
    const fields = declared.fields ?? [];
    if (fields.length === 0) {
      return fail(
        { declared: [], columns },
        {
          zh: `請填寫主要欄位說明，列出檔案的 ${columns.length} 個欄位（平台可依偵測到的欄位一鍵帶入）。`,
          en: `Describe the ${columns.length} columns in 主要欄位說明 (the platform can fill it from the detected columns).`,
        },
      );
    }
    const columnKeys = new Map(columns.map((c) => [columnNameKey(c), c]));
    const matched = new Set<string>();
    const missing: string[] = [];
    for (const field of fields) {
      const key = fieldKeys(field).find((k) => columnKeys.has(k));
      if (key) matched.add(key);
      else missing.push(field.title ? `${field.name}(${field.title})` : field.name);
    }
    const undeclared = columns.filter((c) => !matched.has(columnNameKey(c)));
    const evidence = {
      declared: fields.map((f) => f.name),
      columns,
      missingFromFile: missing,
      undeclaredInFile: undeclared,
    };
    if (missing.length === 0 && undeclared.length === 0) return pass(evidence);
    return fail(evidence, {
      zh:
        '主要欄位說明與檔案欄位不一致' +
        (missing.length ? `；檔案中找不到：${missing.join('、')}` : '') +
        (undeclared.length ? `；未說明的欄位：${undeclared.join('、')}` : '') +
        '。請更新主要欄位說明或檔案欄位名稱。',
      en:
        'The declared fields and the file differ' +
        (missing.length ? `; not in the file: ${missing.join(', ')}` : '') +
        (undeclared.length ? `; not declared: ${undeclared.join(', ')}` : '') +
        '. Update the field description or the column names.',
    });
  },
};
