import type { Locale } from '../../i18n/locale.ts';

/** The words of the bulk import page (批次匯入), in 正體中文 and English. */

const zhTW = {
  title: '批次匯入資料集',
  intro:
    '上傳資料集目錄檔（與 odp import 相同：data.gov.tw 22 欄 CSV，UTF-8 或 Big5；或 JSON 匯出檔），先預覽每一列會新增或更新哪個資料集，確認後才寫入。每一列都必須是所選機關的資料集；全部沒有問題才會匯入。',
  organization: '匯入機關',
  file: '目錄檔（CSV 或 JSON）',
  fileHint: (mb: string) => `檔案大小上限 ${mb} MB。`,
  preview: '預覽（不寫入）',
  resultTitle: (name: string) => `預覽：${name}`,
  fileFacts: (format: string, encoding: string) => `格式 ${format}，編碼 ${encoding}`,
  counts: (create: number, update: number, unchanged: number) =>
    `新增 ${create} 筆、更新 ${update} 筆、未變更 ${unchanged} 筆`,
  place: '位置',
  line: (n: number) => `第 ${n} 行`,
  record: (n: number) => `第 ${n} 筆`,
  action: '動作',
  actions: { create: '新增', update: '更新', unchanged: '未變更', refused: '拒絕' } as Record<string, string>,
  identifier: '資料集編號',
  datasetTitle: '資料集名稱',
  problemsTitle: (n: number) => `有 ${n} 個問題，無法匯入`,
  problemsHint: '請修正檔案後重新上傳。',
  column: '欄位',
  problem: '問題',
  moreRows: (n: number) => `另有 ${n} 列未列出。`,
  otherOrganization: '此列的資料集或提供機關不屬於所選機關，不能在此匯入。',
  noRows: '檔案中沒有資料集。',
  confirm: (n: number) => `確認匯入 ${n} 筆`,
  confirmHint: '確認後會依上表寫入，每個資料集建立新版本並寫入稽核紀錄。檔案保留一小時。',
  nothingToDo: '沒有需要寫入的變更。',
  expired: '上傳的檔案已逾時或不屬於此次登入，請重新上傳。',
  chooseFile: '請選擇要匯入的檔案。',
  tooLarge: (mb: string) => `檔案超過大小上限（${mb} MB）。`,
  emptyFile: '檔案沒有內容。',
  imported: (create: number, update: number) => `已匯入：新增 ${create} 筆、更新 ${update} 筆。`,
  backToManage: '回後台首頁',
};

export type ImportMessages = typeof zhTW;

const en: ImportMessages = {
  title: 'Bulk import',
  intro:
    'Upload a catalogue file (the same as odp import: the data.gov.tw 22-column CSV, UTF-8 or Big5, or the JSON export). You first see what each row would create or update; nothing is written until you confirm. Every row must be a dataset of the chosen organisation; the file is imported only when nothing is wrong.',
  organization: 'Organisation',
  file: 'Catalogue file (CSV or JSON)',
  fileHint: (mb) => `At most ${mb} MB.`,
  preview: 'Preview (writes nothing)',
  resultTitle: (name) => `Preview: ${name}`,
  fileFacts: (format, encoding) => `Format ${format}, encoding ${encoding}`,
  counts: (create, update, unchanged) => `${create} to create, ${update} to update, ${unchanged} unchanged`,
  place: 'Where',
  line: (n) => `line ${n}`,
  record: (n) => `record ${n}`,
  action: 'Action',
  actions: { create: 'Create', update: 'Update', unchanged: 'Unchanged', refused: 'Refused' },
  identifier: 'Identifier',
  datasetTitle: 'Title',
  problemsTitle: (n) =>
    `${n === 1 ? 'There is 1 problem' : `There are ${n} problems`}: nothing can be imported`,
  problemsHint: 'Fix the file and upload it again.',
  column: 'Column',
  problem: 'Problem',
  moreRows: (n) => `${n} more rows are not listed.`,
  otherOrganization:
    'This row’s dataset or publisher is not the chosen organisation: it cannot be imported here.',
  noRows: 'The file holds no datasets.',
  confirm: (n) => `Import ${n} dataset${n === 1 ? '' : 's'}`,
  confirmHint:
    'Confirming writes the table above: each dataset gets a new version and an audit record. The file waits for an hour.',
  nothingToDo: 'Nothing to write.',
  expired: 'The uploaded file has expired or belongs to another sign-in: upload it again.',
  chooseFile: 'Choose a file to import.',
  tooLarge: (mb) => `The file is over the size limit (${mb} MB).`,
  emptyFile: 'The file is empty.',
  imported: (create, update) => `Imported: ${create} created, ${update} updated.`,
  backToManage: 'Back office home',
};

export function importMessages(locale: Locale): ImportMessages {
  return locale === 'en' ? en : zhTW;
}
