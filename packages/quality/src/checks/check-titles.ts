/** What each check is called on pages and in reports (data.gov.tw's words where it has them). */
export const CHECK_TITLES: Record<string, { zh: string; en: string }> = {
  linkable: { zh: '可連結', en: 'Link works' },
  downloadable: { zh: '可下載（內容為資料本身）', en: 'Downloads the data itself' },
  format_match: { zh: '檔案格式相符', en: 'Format as declared' },
  structured: { zh: '結構化資料', en: 'Structured data' },
  csv_convertible: { zh: '可轉為單階層 CSV', en: 'Converts to a single-level CSV' },
  encoding_match: { zh: '編碼相符', en: 'Encoding as declared' },
  fields_match: { zh: '欄位與主要欄位說明相符', en: 'Columns as described' },
  metadata_complete: { zh: '詮釋資料完整', en: 'Metadata complete' },
  standard_conformance: { zh: '符合資料標準', en: 'Follows data standards' },
  freshness: { zh: '依更新頻率更新', en: 'Updated as often as declared' },
  content_lint: { zh: '內容檢查', en: 'Content checks' },
  privacy: { zh: '個人資料檢查', en: 'No personal data' },
  api_conformance: { zh: 'API 規範', en: 'API conformance' },
};

/** 通過 / 未通過 / 提醒 / 不適用 / 檢測錯誤 */
export const STATUS_TITLES: Record<string, { zh: string; en: string }> = {
  pass: { zh: '通過', en: 'pass' },
  fail: { zh: '未通過', en: 'fail' },
  warn: { zh: '提醒', en: 'warning' },
  not_applicable: { zh: '不適用', en: 'not applicable' },
  error: { zh: '檢測錯誤', en: 'error' },
};
