/**
 * The quality checks (QUALITY.md §1) by name, and what fixing each usually means, in
 * zh-TW and English: the dashboards' 常見錯誤樣態 name a check this way, and fall back on
 * this advice when a result carries no fix of its own.
 */

export interface CheckLabel {
  zh: string;
  en: string;
  fixZh: string;
  fixEn: string;
}

export const CHECK_LABELS: Record<string, CheckLabel> = {
  linkable: {
    zh: '連結有效',
    en: 'Link works',
    fixZh: '更新資料資源的下載網址，確認可直接連線取得（不需登入、無錯誤頁）。',
    fixEn: 'Update the resource’s download URL so it answers directly (no sign-in, no error page).',
  },
  downloadable: {
    zh: '可下載資料本身',
    en: 'Downloads the data',
    fixZh: '下載網址應直接提供資料檔，而非網頁或登入頁。',
    fixEn: 'Point the download URL at the data file itself, not at a web or sign-in page.',
  },
  format_match: {
    zh: '檔案格式相符',
    en: 'Format as declared',
    fixZh: '修正詮釋資料的檔案格式，使其與實際檔案相同。',
    fixEn: 'Correct the declared file format to match the actual file.',
  },
  structured: {
    zh: '結構化資料',
    en: 'Structured data',
    fixZh: '改以 CSV、JSON 或 XML 等結構化格式提供（而非 PDF、DOC 或圖片）。',
    fixEn: 'Publish a structured format such as CSV, JSON or XML (not PDF, DOC or images).',
  },
  csv_convertible: {
    zh: '可轉為單階層表格',
    en: 'Converts to one table',
    fixZh: '整理為單一標題列、欄數一致、無合併儲存格的表格。',
    fixEn:
      'Lay the table out with one header row, the same number of columns on every row and no merged cells.',
  },
  encoding_match: {
    zh: '編碼格式相符',
    en: 'Encoding as declared',
    fixZh: '將檔案轉存為 UTF-8，並更新詮釋資料的編碼格式。',
    fixEn: 'Re-encode the file as UTF-8 and update the declared encoding.',
  },
  fields_match: {
    zh: '欄位與主要欄位說明相符',
    en: 'Columns as described',
    fixZh: '更新主要欄位說明，使其與檔案實際欄位相同。',
    fixEn: 'Update the field description to list the file’s actual columns.',
  },
  metadata_complete: {
    zh: '詮釋資料完整',
    en: 'Metadata complete',
    fixZh: '補齊必填的詮釋資料欄位，並修正格式錯誤的值。',
    fixEn: 'Fill in every required metadata field and correct the malformed values.',
  },
  standard_conformance: {
    zh: '符合資料標準',
    en: 'Conforms to data standards',
    fixZh: '依資料標準修正欄位值（日期 ISO 8601、經緯度 WGS84、行政區代碼等）。',
    fixEn: 'Correct the values to the data standard (ISO 8601 dates, WGS84 coordinates, area codes, …).',
  },
  freshness: {
    zh: '依更新頻率更新',
    en: 'Updated as declared',
    fixZh: '依宣告的更新頻率更新資料，或修正更新頻率。',
    fixEn: 'Update the data as often as declared, or correct the declared frequency.',
  },
  content_lint: {
    zh: '資料內容檢查',
    en: 'Content lint',
    fixZh: '修正空值、重複鍵、民國日期、全半形混用等內容問題。',
    fixEn: 'Fix empty required values, duplicate keys, ROC dates, mixed full/half-width text and similar.',
  },
  privacy: {
    zh: '個人資料保護',
    en: 'Personal data',
    fixZh: '移除或遮罩身分證字號、手機號碼、電子郵件等個人資料。',
    fixEn: 'Remove or mask national ID numbers, mobile numbers, e-mail addresses and other personal data.',
  },
  api_conformance: {
    zh: 'API 符合規範',
    en: 'API conformance',
    fixZh: '提供有效的 OpenAPI 文件，並使 API 依宣告的方法與參數回應結構化資料。',
    fixEn:
      'Publish a valid OpenAPI document and answer with structured data for the declared method and parameters.',
  },
};

export function checkLabel(checkId: string): CheckLabel {
  return (
    CHECK_LABELS[checkId] ?? {
      zh: checkId,
      en: checkId,
      fixZh: '請參閱資料集頁面的檢測結果。',
      fixEn: 'See the check results on the dataset page.',
    }
  );
}
