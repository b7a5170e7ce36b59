import type { UpdateFrequency } from '@odp/quality/metadata';

/**
 * The controlled vocabularies DCAT-AP 3 asks for, mapped from the national standard's
 * values: EU data themes, EU frequencies, EU file types, IANA media types, EU access
 * rights and EU languages (publications.europa.eu authority tables).
 */

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  locn: 'http://www.w3.org/ns/locn#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
} as const;

export type Prefix = keyof typeof NS;

const AUTHORITY = 'http://publications.europa.eu/resource/authority';
export const EU_DATA_THEME = `${AUTHORITY}/data-theme`;
export const EU_FILE_TYPE = `${AUTHORITY}/file-type`;
export const EU_FREQUENCY = `${AUTHORITY}/frequency`;
export const EU_ACCESS_RIGHT = `${AUTHORITY}/access-right`;
export const EU_LANGUAGE = `${AUTHORITY}/language`;
export const EU_COUNTRY = `${AUTHORITY}/country`;
export const IANA_MEDIA_TYPES = 'https://www.iana.org/assignments/media-types';

/** The EU data themes (data-theme authority table), with their English labels. */
export const EU_THEMES = {
  AGRI: 'Agriculture, fisheries, forestry and food',
  ECON: 'Economy and finance',
  EDUC: 'Education, culture and sport',
  ENER: 'Energy',
  ENVI: 'Environment',
  GOVE: 'Government and public sector',
  HEAL: 'Health',
  INTR: 'International issues',
  JUST: 'Justice, legal system and public safety',
  REGI: 'Regions and cities',
  SOCI: 'Population and society',
  TECH: 'Science and technology',
  TRAN: 'Transport',
} as const;
export type EuTheme = keyof typeof EU_THEMES;

/** 服務分類 → EU data theme. */
export const CATEGORY_EU_THEME: Readonly<Record<string, EuTheme>> = {
  '100': 'HEAL', // 生育保健
  '200': 'SOCI', // 出生及收養
  '300': 'EDUC', // 求學及進修
  '400': 'GOVE', // 服兵役
  '500': 'ECON', // 求職及就業
  '600': 'ECON', // 開創事業
  '700': 'SOCI', // 婚姻
  '800': 'ECON', // 投資理財
  '900': 'EDUC', // 休閒旅遊
  A00: 'TRAN', // 交通及通訊
  B00: 'HEAL', // 就醫
  C00: 'REGI', // 購屋及遷徙
  D00: 'GOVE', // 選舉及投票
  E00: 'JUST', // 生活安全及品質
  F00: 'SOCI', // 退休
  G00: 'SOCI', // 老年安養
  H00: 'SOCI', // 生命禮儀
  I00: 'GOVE', // 公共資訊
};

/** 高應用價值主題 (and, through the part before the dash, their sub-categories) → EU data theme. */
export const THEME_EU_THEME: Readonly<Record<string, EuTheme>> = {
  climate: 'ENVI',
  disaster: 'JUST',
  transport: 'TRAN',
  health: 'HEAL',
  energy: 'ENER',
  welfare: 'SOCI',
  agriculture: 'AGRI',
  spatial: 'REGI',
  statistics: 'GOVE',
};

export function euThemeOfTheme(code: string): EuTheme | undefined {
  return THEME_EU_THEME[code.split('-')[0] ?? code];
}

/** 檔案格式 → EU file type (only where the table has the format). */
export const FORMAT_FILE_TYPE: Readonly<Record<string, string>> = {
  CSV: 'CSV',
  JSON: 'JSON',
  XML: 'XML',
  XLS: 'XLS',
  XLSX: 'XLSX',
  ODS: 'ODS',
  ODT: 'ODT',
  ODP: 'ODP',
  PDF: 'PDF',
  DOC: 'DOC',
  DOCX: 'DOCX',
  PPT: 'PPT',
  PPTX: 'PPTX',
  GEOJSON: 'GEOJSON',
  KML: 'KML',
  KMZ: 'KMZ',
  SHP: 'SHP',
  DWG: 'DWG',
  JPG: 'JPEG',
  PNG: 'PNG',
  TIFF: 'TIFF',
  TXT: 'TXT',
  RDF: 'RDF',
  RSS: 'RSS',
  WMS: 'WMS_SRVC',
  ZIP: 'ZIP',
  '7Z': '7Z',
  RAR: 'RAR',
};

/** 檔案格式 → IANA media type (only registered ones). */
export const FORMAT_MEDIA_TYPE: Readonly<Record<string, string>> = {
  CSV: 'text/csv',
  JSON: 'application/json',
  XML: 'application/xml',
  XLS: 'application/vnd.ms-excel',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ODS: 'application/vnd.oasis.opendocument.spreadsheet',
  ODT: 'application/vnd.oasis.opendocument.text',
  ODP: 'application/vnd.oasis.opendocument.presentation',
  PDF: 'application/pdf',
  DOC: 'application/msword',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  PPT: 'application/vnd.ms-powerpoint',
  PPTX: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  GEOJSON: 'application/geo+json',
  KML: 'application/vnd.google-earth.kml+xml',
  KMZ: 'application/vnd.google-earth.kmz',
  DWG: 'image/vnd.dwg',
  JPG: 'image/jpeg',
  PNG: 'image/png',
  TIFF: 'image/tiff',
  TXT: 'text/plain',
  RDF: 'application/rdf+xml',
  RSS: 'application/rss+xml',
  ZIP: 'application/zip',
  RAR: 'application/vnd.rar',
};

/**
 * Formats whose specification is open and free to implement (the MQA non-proprietary
 * indicator), by the name the export labels the format with: the EU file-type code
 * where there is one (JPEG, WMS_SRVC), else the declared 檔案格式.
 */
export const NON_PROPRIETARY_FORMATS: ReadonlySet<string> = new Set([
  'CSV',
  'JSON',
  'XML',
  'GEOJSON',
  'KML',
  'KMZ',
  'RDF',
  'RSS',
  'ODS',
  'ODT',
  'ODP',
  'TXT',
  'PDF',
  'PNG',
  'JPEG',
  'TIFF',
  'CAP',
  'WMS_SRVC',
  'ZIP',
  '7Z',
]);

/** Formats a program can read the data from without a person (the MQA machine-readable indicator), named as above. */
export const MACHINE_READABLE_FORMATS: ReadonlySet<string> = new Set([
  'CSV',
  'JSON',
  'XML',
  'GEOJSON',
  'KML',
  'KMZ',
  'RDF',
  'RSS',
  'XLS',
  'XLSX',
  'ODS',
  'SHP',
  'CAP',
  'WMS_SRVC',
  'API',
]);

/** The declared format, normalised (`csv ` → `CSV`). */
export function normaliseFormat(format: string): string {
  return format.normalize('NFKC').trim().toUpperCase();
}

/** 更新頻率 → EU frequency code; OTHER when the table has no such period, undefined when unknown. */
export function euFrequency(f: UpdateFrequency | null): string | undefined {
  if (!f) return undefined;
  if (f.realtime) return 'UPDATE_CONT';
  if (!f.regular || !f.unit) return 'IRREG';
  const n = f.every ?? 1;
  const table: Record<string, Record<number, string>> = {
    minute: { 1: '1MIN', 5: '5MIN', 10: '10MIN', 15: '15MIN', 30: '30MIN', 60: 'HOURLY' },
    hour: { 1: 'HOURLY', 2: 'BIHOURLY', 3: 'TRIHOURLY', 12: '12HRS', 24: 'DAILY' },
    day: { 1: 'DAILY', 7: 'WEEKLY', 14: 'BIWEEKLY' },
    week: { 1: 'WEEKLY', 2: 'BIWEEKLY' },
    month: { 1: 'MONTHLY', 2: 'BIMONTHLY', 3: 'QUARTERLY', 6: 'ANNUAL_2', 12: 'ANNUAL' },
    quarter: { 1: 'QUARTERLY', 2: 'ANNUAL_2', 4: 'ANNUAL' },
    year: {
      1: 'ANNUAL',
      2: 'BIENNIAL',
      3: 'TRIENNIAL',
      4: 'QUADRENNIAL',
      5: 'QUINQUENNIAL',
      10: 'DECENNIAL',
    },
  };
  return table[f.unit]?.[n] ?? 'OTHER';
}

/** 開放資料 → PUBLIC, 依申請提供 → RESTRICTED (EU access-right table). */
export const ACCESS_RIGHTS: Readonly<Record<string, { code: string; label: string }>> = {
  open: { code: 'PUBLIC', label: 'public' },
  on_request: { code: 'RESTRICTED', label: 'restricted' },
};

/** 資料集語系 (ISO 639-1) → EU language code (ISO 639-3). */
export const LANGUAGES: Readonly<Record<string, string>> = {
  zh: 'ZHO',
  en: 'ENG',
  ja: 'JPN',
  ko: 'KOR',
  fr: 'FRA',
  de: 'DEU',
  es: 'SPA',
  vi: 'VIE',
  id: 'IND',
  th: 'THA',
};

/** 資料集空間範圍 values that mean the whole of Taiwan. */
export const TAIWAN_NAMES: ReadonlySet<string> = new Set(['臺灣', '台灣', '全國', '臺灣地區', 'Taiwan']);
