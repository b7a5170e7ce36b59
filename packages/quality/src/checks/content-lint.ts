import { classifyCoordinatePair, parseCoordinate } from '@odp/convert';
import { notApplicable, pass, warn, type ResourceCheck } from './check.ts';
import { LINT_RULES, type LintColumn } from './content-lint-rules.ts';

/** Examples kept per finding. */
const EXAMPLES = 5;
/** Column names that promise a unique key per row. */
const KEY_COLUMN = /^(序號|編號|流水號|代碼|代號|識別碼|id|uid|no|serial)$/i;
const LAT = /^(緯度|lat|latitude)$/i;
const LON = /^(經度|lon|lng|long|longitude)$/i;

interface Finding {
  rule: string;
  zh: string;
  en: string;
  count: number;
  examples: { row: number; column: string; value: string }[];
}

/**
 * 內容檢查 (MOTC-style row checks): empty required values, duplicate keys and rows,
 * coordinates out of range or swapped, non-ISO and ROC dates, mixed widths, stray
 * whitespace, 無/- as null, test rows, formulas. Warn-level: it never lowers a badge
 * unless an operator's rules say so.
 */
export const contentLint: ResourceCheck = {
  id: 'content_lint',
  version: 1,
  appliesTo: ['file'],
  dimension: 'beyond',
  async run({ table }) {
    if (!table) return notApplicable('no table was read from the content');
    const columns: LintColumn[] = table.report.columns.map((c) => ({ name: c.name, type: c.type }));
    const findings = new Map<string, Finding>();
    const note = (rule: string, zh: string, en: string, row: number, column: string, value: string) => {
      const f = findings.get(rule) ?? { rule, zh, en, count: 0, examples: [] };
      f.count++;
      if (f.examples.length < EXAMPLES) f.examples.push({ row, column, value });
      findings.set(rule, f);
    };
    const key = columns.find((c) => KEY_COLUMN.test(c.name.trim()));
    const lat = columns.find((c) => LAT.test(c.name.trim()));
    const lon = columns.find((c) => LON.test(c.name.trim()));
    const keys = new Set<string>();
    const rowHashes = new Set<string>();
    const empties = new Map(columns.map((c) => [c.name, 0]));
    let row = 0;
    for await (const record of table.rows()) {
      row++;
      const whole = JSON.stringify(columns.map((c) => record[c.name] ?? null));
      if (rowHashes.has(whole)) note('duplicate_row', '完全重複的資料列', 'duplicate rows', row, '*', '');
      else if (rowHashes.size < 1_000_000) rowHashes.add(whole);
      for (const column of columns) {
        const raw = record[column.name];
        if (raw === null || raw === undefined || String(raw).trim() === '') {
          empties.set(column.name, (empties.get(column.name) ?? 0) + 1);
          continue;
        }
        const value = String(raw);
        for (const rule of LINT_RULES)
          if (rule.test(value, column)) note(rule.id, rule.zh, rule.en, row, column.name, value);
      }
      if (key) {
        const k = record[key.name];
        if (k !== null && k !== undefined && String(k) !== '') {
          if (keys.has(String(k)))
            note(
              'duplicate_key',
              `${key.name} 有重複值`,
              `duplicate values in ${key.name}`,
              row,
              key.name,
              String(k),
            );
          else if (keys.size < 1_000_000) keys.add(String(k));
        }
      }
      if (lat && lon) {
        const y = parseCoordinate(String(record[lat.name] ?? ''));
        const x = parseCoordinate(String(record[lon.name] ?? ''));
        if (x !== null && y !== null) {
          const kind = classifyCoordinatePair(x, y);
          if (kind === 'wgs84-swapped')
            note(
              'coordinates_swapped',
              '經緯度欄位對調',
              'latitude and longitude swapped',
              row,
              `${lon.name}/${lat.name}`,
              `${x},${y}`,
            );
          else if (kind !== 'wgs84')
            note(
              'coordinates_out_of_range',
              '座標不在臺灣範圍內',
              'coordinates outside Taiwan',
              row,
              `${lon.name}/${lat.name}`,
              `${x},${y}`,
            );
        }
      }
    }
    for (const [name, count] of empties) {
      if (row > 0 && count === row)
        note('empty_column', '整欄都沒有值', 'columns with no values at all', 0, name, '');
    }
    const list = [...findings.values()];
    const evidence = { rows: row, findings: list };
    if (list.length === 0) return pass(evidence);
    return warn(evidence, {
      zh: `內容需要整理：${list.map((f) => `${f.zh}（${f.count}）`).join('；')}。`,
      en: `Content to tidy: ${list.map((f) => `${f.en} (${f.count})`).join('; ')}.`,
    });
  },
};
