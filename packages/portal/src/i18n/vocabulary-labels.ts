import {
  ACCESS_LEVEL_LABELS,
  BADGE_LABELS,
  CATEGORIES,
  LICENCES,
  ORGANIZATION_LEVEL_LABELS,
  PROVISION_LABELS,
  PUBLICATION_METHOD_LABELS,
} from '@odp/quality/metadata';
import { STATUS_LABELS } from '../domain/dataset-status.ts';
import { THEMES } from '../domain/vocabularies/themes.ts';
import type { Locale } from './locale.ts';

/**
 * The names of the national vocabularies (服務分類, 主題, 授權方式, 標章, …) in each
 * language. Codes with no known name are shown as they are.
 */

type Labels = Record<string, { zh: string; en: string }>;

function pick(labels: Labels, code: string | null, locale: Locale): string {
  if (code === null) return '';
  const entry = Object.hasOwn(labels, code) ? labels[code] : undefined;
  if (!entry) return code;
  return locale === 'en' ? entry.en : entry.zh;
}

function zhOnly<T extends Record<string, string>>(zh: T, enNames: Record<keyof T, string>): Labels {
  return Object.fromEntries(Object.entries(zh).map(([k, v]) => [k, { zh: v, en: enNames[k as keyof T] }]));
}

const CATEGORY_LABELS: Labels = Object.fromEntries(
  CATEGORIES.map((c) => [c.code, { zh: c.nameZh, en: c.nameEn }]),
);
const THEME_LABELS: Labels = Object.fromEntries(
  THEMES.flatMap((t) => [
    [t.code, { zh: t.nameZh, en: t.nameEn }],
    ...t.subcategories.map((s) => [s.code, { zh: s.nameZh, en: s.nameEn }]),
  ]),
);
const LICENCE_LABELS: Labels = Object.fromEntries(
  LICENCES.map((l) => [l.code, { zh: l.nameZh, en: l.nameEn }]),
);
const BADGE_NAME_LABELS = zhOnly(BADGE_LABELS, {
  platinum: 'Platinum',
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  none: 'None',
});
const LEVEL_LABELS = zhOnly(ORGANIZATION_LEVEL_LABELS, { central: 'Central', local: 'Local' });
const TYPE_LABELS: Labels = {
  rawData: { zh: '原始資料', en: 'Raw data' },
  TOOLS: { zh: '工具', en: 'Tools' },
  SERVICES: { zh: '服務（含 API）', en: 'Services (APIs included)' },
};
const ACCESS_LABELS = zhOnly(ACCESS_LEVEL_LABELS, { open: 'Open data', on_request: 'On request' });
const METHOD_LABELS = zhOnly(PUBLICATION_METHOD_LABELS, {
  manual: 'Manual',
  system: 'System integration',
  harvest: 'Import or harvest',
});
const PROVISION = zhOnly(PROVISION_LABELS, { file: 'Files', api: 'API service' });

export const categoryName = (code: string, locale: Locale) => pick(CATEGORY_LABELS, code, locale);
export const themeName = (code: string, locale: Locale) => pick(THEME_LABELS, code, locale);
export const licenceName = (code: string, locale: Locale) => pick(LICENCE_LABELS, code, locale);
export const badgeName = (badge: string | null, locale: Locale) => pick(BADGE_NAME_LABELS, badge, locale);
export const levelName = (level: string, locale: Locale) => pick(LEVEL_LABELS, level, locale);
export const datasetTypeName = (type: string, locale: Locale) => pick(TYPE_LABELS, type, locale);
export const accessLevelName = (level: string, locale: Locale) => pick(ACCESS_LABELS, level, locale);
export const publicationMethodName = (method: string, locale: Locale) => pick(METHOD_LABELS, method, locale);
export const statusName = (status: string, locale: Locale) => pick(STATUS_LABELS, status, locale);

/** 資料提供屬性: an API service for SERVICES datasets, files otherwise (as the export writes it). */
export const provisionName = (type: string, locale: Locale) =>
  pick(PROVISION, type === 'SERVICES' ? 'api' : 'file', locale);

/** A search facet value's name: the vocabulary's name in `locale`, else the value itself. */
export function facetValueName(facet: string, value: string, locale: Locale): string {
  switch (facet) {
    case 'category':
      return categoryName(value, locale);
    case 'level':
      return levelName(value, locale);
    case 'theme':
      return themeName(value, locale);
    case 'badge':
      return badgeName(value, locale);
    case 'licence':
      return licenceName(value, locale);
    case 'type':
      return datasetTypeName(value, locale);
    default:
      return value;
  }
}
