/**
 * 主要欄位說明 (fieldDescription). The standard's convention is
 * `EnglishName(中文名稱，說明)` joined by 、, e.g. `year(年度)、county(縣市名稱，全名)`;
 * many agencies just list Chinese names. We keep the text as published and derive a
 * structured list from it.
 */
export interface FieldDescription {
  name: string;
  title?: string;
  description?: string;
  type?: string;
  standard?: string;
}

/** Splits on 、 (and ; or newline) outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    if ((ch === ')' || ch === '）') && depth > 0) depth--;
    if (depth === 0 && (ch === '、' || ch === ';' || ch === '；' || ch === '\n')) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function parseFieldDescription(text: string | null | undefined): FieldDescription[] {
  if (!text) return [];
  return splitTopLevel(text).map((token) => {
    const m = /^([^()（）]+?)\s*[(（](.*)[)）]$/s.exec(token);
    if (!m) return { name: token };
    const name = (m[1] as string).trim();
    const inner = (m[2] as string).trim();
    const [title, ...rest] = inner.split(/[，,]/);
    const field: FieldDescription = { name };
    if (title && title.trim() !== '') field.title = title.trim();
    const description = rest.join('，').trim();
    if (description !== '') field.description = description;
    return field;
  });
}

export function formatFieldDescription(fields: readonly FieldDescription[]): string {
  return fields
    .map((f) => {
      const inner = [f.title, f.description].filter((x) => x !== undefined && x !== '').join('，');
      return inner === '' ? f.name : `${f.name}(${inner})`;
    })
    .join('、');
}
