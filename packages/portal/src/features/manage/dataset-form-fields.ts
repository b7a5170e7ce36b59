import {
  CATEGORIES,
  COSTS,
  DATASET_TYPES,
  ENCODINGS,
  FORMATS,
  LICENCES,
  ACCESS_LEVELS,
} from '@odp/quality/metadata';
import { accessLevelName, datasetTypeName } from '../../i18n/vocabulary-labels.ts';
import type { Locale } from '../../i18n/locale.ts';

/**
 * The dataset form's fields: every field of 資料集詮釋資料標準規範 (METADATA.md) in the
 * standard's order within five groups, with the Chinese label, the English field name,
 * the standard's level and whether the schema refuses an empty value.
 */

/** The standard's level: 必須 / 建議 / 選擇性, or required only in some cases (付費, one of two URLs). */
export type FieldLevel = 'must' | 'recommended' | 'optional' | 'conditional';

export type FieldKind = 'text' | 'textarea' | 'select' | 'url' | 'email' | 'tel' | 'number' | 'date';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FormField {
  /** The schema's (and the API's) field name; resources: the name inside a resource. */
  name: string;
  /** The standard's number (METADATA.md), when the field is one of its 38. */
  number?: number;
  zh: string;
  en: string;
  level: FieldLevel;
  /** The schema refuses an empty value (必填): aria-required and a mark. */
  enforced?: boolean;
  kind: FieldKind;
  options?: (locale: Locale) => FieldOption[];
  /** A key of the messages' hints shown under the field. */
  hint?:
    'identifierHint' | 'fieldDescriptionHint' | 'keywordHint' | 'dateHint' | 'languageHint' | 'contactHint';
  /** Other values are kept (shown as an extra option) rather than refused by the control. */
  openVocabulary?: boolean;
}

export type FieldGroup = 'basic' | 'organization' | 'licence' | 'time';

const categoryOptions = (locale: Locale): FieldOption[] =>
  CATEGORIES.map((c) => ({ value: c.code, label: `${c.code} ${locale === 'en' ? c.nameEn : c.nameZh}` }));
const typeOptions = (locale: Locale): FieldOption[] =>
  DATASET_TYPES.map((t) => ({ value: t, label: `${datasetTypeName(t, locale)} (${t})` }));
const licenceOptions = (locale: Locale): FieldOption[] =>
  LICENCES.map((l) => ({ value: l.code, label: locale === 'en' ? l.nameEn : l.nameZh }));
const costOptions = (locale: Locale): FieldOption[] =>
  COSTS.map((c) => ({ value: c, label: locale === 'en' ? `${c} (${c === '免費' ? 'free' : 'paid'})` : c }));
const accessOptions = (locale: Locale): FieldOption[] =>
  ACCESS_LEVELS.map((a) => ({ value: a, label: accessLevelName(a, locale) }));

/** 更新頻率: the values agencies use; any other valid text already stored is kept. */
export const FREQUENCIES = [
  '即時',
  '每1分鐘',
  '每5分鐘',
  '每10分鐘',
  '每15分鐘',
  '每30分鐘',
  '每1小時',
  '每3小時',
  '每6小時',
  '每12小時',
  '每1日',
  '每1週',
  '每2週',
  '每1月',
  '每1季',
  '每6月',
  '每1年',
  '每2年',
  '每5年',
  '不定期',
] as const;
const frequencyOptions = (): FieldOption[] => FREQUENCIES.map((f) => ({ value: f, label: f }));
const formatOptions = (): FieldOption[] => FORMATS.map((f) => ({ value: f, label: f }));
const encodingOptions = (): FieldOption[] => ENCODINGS.map((e) => ({ value: e, label: e }));

export const DATASET_FIELD_GROUPS: { group: FieldGroup; fields: FormField[] }[] = [
  {
    group: 'basic',
    fields: [
      {
        name: 'categoryCode',
        number: 1,
        zh: '服務分類',
        en: 'Service category',
        level: 'must',
        enforced: true,
        kind: 'select',
        options: categoryOptions,
      },
      {
        name: 'identifier',
        number: 2,
        zh: '資料集編號',
        en: 'Identifier',
        level: 'must',
        enforced: true,
        kind: 'text',
        hint: 'identifierHint',
      },
      {
        name: 'title',
        number: 3,
        zh: '資料集名稱',
        en: 'Title',
        level: 'must',
        enforced: true,
        kind: 'text',
      },
      { name: 'titleEn', zh: '英文名稱', en: 'Title in English', level: 'optional', kind: 'text' },
      {
        name: 'description',
        number: 4,
        zh: '資料集描述',
        en: 'Description',
        level: 'must',
        kind: 'textarea',
      },
      {
        name: 'descriptionEn',
        zh: '英文描述',
        en: 'Description in English',
        level: 'optional',
        kind: 'textarea',
      },
      {
        name: 'fieldDescription',
        number: 5,
        zh: '主要欄位說明',
        en: 'Field description',
        level: 'must',
        kind: 'textarea',
        hint: 'fieldDescriptionHint',
      },
      {
        name: 'type',
        number: 6,
        zh: '資料集類型',
        en: 'Dataset type',
        level: 'must',
        enforced: true,
        kind: 'select',
        options: typeOptions,
      },
      {
        name: 'language',
        number: 26,
        zh: '資料集語系',
        en: 'Language',
        level: 'recommended',
        kind: 'text',
        hint: 'languageHint',
      },
      {
        name: 'landingPage',
        number: 27,
        zh: '資料集相關網址',
        en: 'Landing page',
        level: 'recommended',
        kind: 'url',
      },
      {
        name: 'keyword',
        number: 28,
        zh: '標籤/關鍵字',
        en: 'Keywords',
        level: 'recommended',
        kind: 'text',
        hint: 'keywordHint',
      },
      {
        name: 'numberOfData',
        number: 29,
        zh: '資料量',
        en: 'Number of records',
        level: 'optional',
        kind: 'number',
      },
      { name: 'notes', number: 30, zh: '備註', en: 'Notes', level: 'optional', kind: 'textarea' },
      {
        name: 'accessLevel',
        zh: '開放方式',
        en: 'Access',
        level: 'optional',
        kind: 'select',
        options: accessOptions,
      },
    ],
  },
  {
    group: 'organization',
    fields: [
      {
        name: 'organization',
        number: 12,
        zh: '上級機關名稱',
        en: 'Parent organisation',
        level: 'must',
        kind: 'text',
      },
      {
        name: 'organizationContactName',
        number: 13,
        zh: '上級機關聯絡人姓名',
        en: 'Parent organisation contact name',
        level: 'must',
        kind: 'text',
      },
      {
        name: 'organizationContactPhone',
        number: 14,
        zh: '上級機關聯絡人電話',
        en: 'Parent organisation contact phone',
        level: 'must',
        kind: 'tel',
      },
      {
        name: 'organizationContactEmail',
        number: 15,
        zh: '上級機關聯絡人電子郵件',
        en: 'Parent organisation contact e-mail',
        level: 'must',
        kind: 'email',
      },
      {
        name: 'publisher',
        number: 16,
        zh: '資料集提供機關名稱',
        en: 'Publisher',
        level: 'must',
        enforced: true,
        kind: 'text',
      },
      { name: 'publisherOID', zh: '提供機關 OID', en: 'Publisher OID', level: 'optional', kind: 'text' },
      {
        name: 'publisherContactName',
        number: 17,
        zh: '提供機關聯絡人姓名',
        en: 'Publisher contact name',
        level: 'must',
        kind: 'text',
        hint: 'contactHint',
      },
      {
        name: 'publisherContactPhone',
        number: 18,
        zh: '提供機關聯絡人電話',
        en: 'Publisher contact phone',
        level: 'must',
        kind: 'tel',
      },
      {
        name: 'publisherContactEmail',
        number: 19,
        zh: '提供機關聯絡人電子郵件',
        en: 'Publisher contact e-mail',
        level: 'must',
        kind: 'email',
      },
    ],
  },
  {
    group: 'licence',
    fields: [
      {
        name: 'license',
        number: 7,
        zh: '授權方式',
        en: 'Licence',
        level: 'must',
        enforced: true,
        kind: 'select',
        options: licenceOptions,
      },
      { name: 'licenseURL', number: 8, zh: '授權說明網址', en: 'Licence URL', level: 'must', kind: 'url' },
      {
        name: 'cost',
        number: 9,
        zh: '計費方式',
        en: 'Cost',
        level: 'must',
        enforced: true,
        kind: 'select',
        options: costOptions,
      },
      { name: 'costURL', number: 10, zh: '計費說明網址', en: 'Cost URL', level: 'conditional', kind: 'url' },
      {
        name: 'costLaw',
        number: 11,
        zh: '計費法令依據',
        en: 'Legal basis of the cost',
        level: 'conditional',
        kind: 'text',
      },
    ],
  },
  {
    group: 'time',
    fields: [
      {
        name: 'accrualPeriodicity',
        number: 20,
        zh: '更新頻率',
        en: 'Update frequency',
        level: 'must',
        enforced: true,
        kind: 'select',
        options: frequencyOptions,
        openVocabulary: true,
      },
      {
        name: 'temporalCoverageFrom',
        number: 21,
        zh: '開始收錄日期',
        en: 'Coverage from',
        level: 'recommended',
        kind: 'date',
        hint: 'dateHint',
      },
      {
        name: 'temporalCoverageTo',
        number: 22,
        zh: '結束收錄日期',
        en: 'Coverage to',
        level: 'recommended',
        kind: 'date',
        hint: 'dateHint',
      },
      {
        name: 'issued',
        number: 23,
        zh: '發布時間',
        en: 'Issued',
        level: 'recommended',
        kind: 'date',
        hint: 'dateHint',
      },
      {
        name: 'modified',
        number: 24,
        zh: '最後更新時間',
        en: 'Modified',
        level: 'recommended',
        kind: 'date',
        hint: 'dateHint',
      },
      {
        name: 'spatial',
        number: 25,
        zh: '資料集空間範圍',
        en: 'Spatial coverage',
        level: 'recommended',
        kind: 'text',
      },
    ],
  },
];

/** The fields of one resource (資料資源), numbers 31–38; 資料資源編號 is assigned by the platform. */
export const RESOURCE_FIELDS: FormField[] = [
  {
    name: 'resourceDescription',
    number: 32,
    zh: '資料資源描述',
    en: 'Resource description',
    level: 'must',
    kind: 'textarea',
  },
  {
    name: 'format',
    number: 33,
    zh: '檔案格式',
    en: 'Format',
    level: 'must',
    enforced: true,
    kind: 'select',
    options: formatOptions,
    openVocabulary: true,
  },
  {
    name: 'characterSetCode',
    number: 34,
    zh: '編碼格式',
    en: 'Character encoding',
    level: 'must',
    enforced: true,
    kind: 'select',
    options: encodingOptions,
    openVocabulary: true,
  },
  {
    name: 'resourceModified',
    number: 35,
    zh: '資料資源最後更新時間',
    en: 'Resource modified',
    level: 'recommended',
    kind: 'date',
    hint: 'dateHint',
  },
  { name: 'accessURL', number: 36, zh: '資料存取網址', en: 'Access URL', level: 'conditional', kind: 'url' },
  {
    name: 'downloadURL',
    number: 37,
    zh: '資料下載網址',
    en: 'Download URL',
    level: 'conditional',
    kind: 'url',
  },
  {
    name: 'metadataSourceOfData',
    number: 38,
    zh: '領域別詮釋資料參考網址',
    en: 'Domain metadata URL',
    level: 'recommended',
    kind: 'url',
  },
];

/** The dataset fields the form sends as plain text (the others: keyword, numberOfData, themes). */
export const TEXT_FIELD_NAMES: readonly string[] = DATASET_FIELD_GROUPS.flatMap((g) =>
  g.fields.map((f) => f.name),
).filter((n) => n !== 'keyword' && n !== 'numberOfData');

export const RESOURCE_FIELD_NAMES: readonly string[] = ['resourceID', ...RESOURCE_FIELDS.map((f) => f.name)];

/** Every field by name (resource fields by their name inside a resource). */
export const FIELD_BY_NAME: ReadonlyMap<string, FormField> = new Map(
  [...DATASET_FIELD_GROUPS.flatMap((g) => g.fields), ...RESOURCE_FIELDS].map((f) => [f.name, f]),
);
