import { hasFullWidth, isNullToken, parseRocDate } from '@odp/convert';

/** One MOTC-style row rule of content_lint: looks at each non-empty cell of a column. */
export interface LintRule {
  id: string;
  zh: string;
  en: string;
  /** True when the cell breaks the rule. */
  test(value: string, column: LintColumn): boolean;
}

export interface LintColumn {
  name: string;
  type: string;
}

const SLASHED_DATE = /^\d{4}[/.]\d{1,2}[/.]\d{1,2}$/;
const TEST_VALUE = /^(測試|test|testing|dummy|範例|sample|xxx+|aaa+)$/i;
const FORMULA = /^=[A-Z]+\(|^=[A-Z]{1,3}\d+/;
const DIGIT_OR_LATIN_FULL = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;

export const LINT_RULES: readonly LintRule[] = [
  {
    id: 'null_token',
    zh: '以「無」、「-」等文字代表空值',
    en: '無, - or similar text used for an empty value',
    test: (v) => v.trim() !== '' && isNullToken(v.trim()),
  },
  {
    id: 'stray_whitespace',
    zh: '儲存格前後有多餘空白',
    en: 'leading or trailing whitespace',
    test: (v) => v !== v.trim(),
  },
  {
    id: 'full_width',
    zh: '數字或英文字母使用全形字',
    en: 'full-width digits or letters',
    test: (v, c) => DIGIT_OR_LATIN_FULL.test(v) && (c.type !== 'string' || hasFullWidth(v)),
  },
  {
    id: 'roc_date',
    zh: '使用民國年日期，建議改為西元 ISO 8601（YYYY-MM-DD）',
    en: 'ROC (民國) dates; ISO 8601 (YYYY-MM-DD) is the standard',
    test: (v, c) => c.type === 'roc-date' && parseRocDate(v.trim(), { sixDigit: true }) !== null,
  },
  {
    id: 'non_iso_date',
    zh: '日期不是 ISO 8601 格式（如 2019/11/11）',
    en: 'dates not in ISO 8601 form (e.g. 2019/11/11)',
    test: (v) => SLASHED_DATE.test(v.trim()),
  },
  {
    id: 'test_row',
    zh: '疑似測試資料',
    en: 'what looks like test data',
    test: (v) => TEST_VALUE.test(v.trim()),
  },
  {
    id: 'formula',
    zh: '儲存格是試算表公式而不是值',
    en: 'spreadsheet formulas instead of values',
    test: (v) => FORMULA.test(v.trim()),
  },
];
