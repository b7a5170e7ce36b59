/**
 * The data.gov.tw catalogue export: 22 columns, UTF-8 with BOM, exactly this header.
 * Column 9 really is spelled 資資料集上架方式 (a doubled 資); many public scripts depend
 * on it, so exports keep it and imports accept it with or without.
 */
export const CATALOGUE_COLUMNS = [
  '資料集識別碼',
  '資料集名稱',
  '資料提供屬性',
  '服務分類',
  '品質檢測',
  '檔案格式',
  '資料下載網址',
  '編碼格式',
  '資資料集上架方式',
  '資料集描述',
  '主要欄位說明',
  '提供機關',
  '更新頻率',
  '授權方式',
  '相關網址',
  '計費方式',
  '提供機關聯絡人姓名',
  '提供機關聯絡人電話',
  '上架日期',
  '詮釋資料更新時間',
  '備註',
  '資料量',
] as const;

export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];

/** Column 9 as it would be spelled without the doubled 資. */
export const PUBLICATION_METHOD_COLUMN_SINGLE = '資料集上架方式';

/** Per-resource values (檔案格式, 資料下載網址, 編碼格式, 資料量) are joined with this. */
export const RESOURCE_SEPARATOR = ';';

/** True when a header cell names the column, accepting 資料集上架方式 for column 9. */
export function isHeaderCell(cell: string, column: CatalogueColumn): boolean {
  const name = cell.trim();
  return name === column || (column === '資資料集上架方式' && name === PUBLICATION_METHOD_COLUMN_SINGLE);
}

/** Which column a dataset input field is read from, for naming it in error messages. */
export const COLUMN_OF_FIELD: Readonly<Record<string, CatalogueColumn>> = {
  identifier: '資料集識別碼',
  title: '資料集名稱',
  type: '資料提供屬性',
  categoryCode: '服務分類',
  format: '檔案格式',
  downloadURL: '資料下載網址',
  accessURL: '資料下載網址',
  characterSetCode: '編碼格式',
  description: '資料集描述',
  fieldDescription: '主要欄位說明',
  fields: '主要欄位說明',
  publisher: '提供機關',
  accrualPeriodicity: '更新頻率',
  license: '授權方式',
  landingPage: '相關網址',
  cost: '計費方式',
  costURL: '計費方式',
  costLaw: '計費方式',
  publisherContactName: '提供機關聯絡人姓名',
  publisherContactPhone: '提供機關聯絡人電話',
  notes: '備註',
  resourceAmount: '資料量',
};
