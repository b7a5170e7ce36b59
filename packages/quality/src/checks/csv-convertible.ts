import { fail, notApplicable, pass, type CheckResult, type ResourceCheck } from './check.ts';

const MULTI_TABLE = /has \d+ tables/;

/**
 * 可轉為 CSV (單階層結構化): the content converts to a single-level table — one header
 * row, the same number of columns on every row, one table per file.
 */
export const csvConvertible: ResourceCheck = {
  id: 'csv_convertible',
  version: 1,
  appliesTo: ['file'],
  dimension: 'processable',
  run({ sniffed, table, tableFailure, body }): CheckResult {
    if (!body || body.bytes === 0 || !sniffed) return notApplicable('no content to judge');
    if (tableFailure) {
      return fail(
        { error: tableFailure.code, message: tableFailure.message },
        {
          zh: '檔案無法轉換為表格，請提供一列標題、每列欄位數一致的 CSV。',
          en: 'The file does not convert to a table: publish a CSV with one header row and the same columns on every row.',
        },
      );
    }
    if (!table) {
      return fail(
        { sniffedFormat: sniffed.format, reason: 'not a table format' },
        {
          zh: `${sniffed.format} 無法轉換為單階層表格，請另外提供 CSV。`,
          en: `${sniffed.format} cannot become a single-level table: also publish a CSV.`,
        },
      );
    }
    const r = table.report;
    const problems: string[] = [];
    if (r.headerRows === 0) problems.push('no header row');
    if (r.headerRows > 1) problems.push(`${r.headerRows} header rows (multi-level header)`);
    if (r.raggedRows.count > 0) problems.push(`${r.raggedRows.count} rows with a different number of fields`);
    const multi = r.warnings.find((w) => MULTI_TABLE.test(w));
    if (multi) problems.push(multi);
    const evidence = {
      headerRows: r.headerRows,
      columns: r.columns.length,
      rows: r.rows.written,
      raggedRows: r.raggedRows.count,
      raggedExamples: r.raggedRows.examples.slice(0, 5),
      ...(r.input.part ? { part: r.input.part } : {}),
    };
    if (problems.length === 0) return pass(evidence);
    return fail(
      { ...evidence, problems },
      {
        zh: `表格不是單階層結構：${problems.join('；')}。請只保留一列欄位名稱、移除合併儲存格與標題/註解列、一個檔案只放一個表格（平台可一鍵攤平標題）。`,
        en: `The table is not single-level: ${problems.join('; ')}. Keep one header row, remove merged cells and title/note rows, one table per file (the platform can flatten headers in one click).`,
      },
    );
  },
};
