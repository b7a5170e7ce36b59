/**
 * The field filters of the search box (`field:value`). Each name the user may type maps
 * to one field; names are matched case-insensitively, and the Chinese names of the
 * data.gov.tw search form work too.
 */
export type SearchField = 'title' | 'description' | 'agency' | 'category' | 'keyword' | 'format';

/** Every accepted spelling of a field name, after normaliseText (lower-case, 臺 → 台). */
export const FIELD_NAMES: ReadonlyMap<string, SearchField> = new Map([
  ['title', 'title'],
  ['標題', 'title'],
  ['名稱', 'title'],
  ['description', 'description'],
  ['desc', 'description'],
  ['描述', 'description'],
  ['agency', 'agency'],
  ['org', 'agency'],
  ['organization', 'agency'],
  ['organisation', 'agency'],
  ['publisher', 'agency'],
  ['機關', 'agency'],
  ['提供機關', 'agency'],
  ['category', 'category'],
  ['分類', 'category'],
  ['服務分類', 'category'],
  ['keyword', 'keyword'],
  ['keywords', 'keyword'],
  ['tag', 'keyword'],
  ['tags', 'keyword'],
  ['關鍵字', 'keyword'],
  ['format', 'format'],
  ['格式', 'format'],
]);

/** Longest value kept for a `format:` filter (file formats are short codes: CSV, XLSX, GeoJSON). */
export const MAX_FORMAT_LENGTH = 16;

/**
 * A format filter's value as a code: letters and digits only, upper-case (`format:.csv`,
 * `format:ｃｓｖ` → CSV). Returns '' when nothing is left.
 */
export function formatCode(normalisedValue: string): string {
  return normalisedValue
    .replace(/[^a-z0-9]/g, '')
    .slice(0, MAX_FORMAT_LENGTH)
    .toUpperCase();
}
