import {
  findCategory,
  BADGE_LABELS,
  BADGES,
  PROVISION_LABELS,
  PUBLICATION_METHOD_LABELS,
  PUBLICATION_METHODS,
  type Badge,
  type PublicationMethod,
  findLicence,
} from '@odp/quality/metadata';

/**
 * The words the catalogue files use for coded values, both ways. Exports write the
 * Chinese labels data.gov.tw shows; imports also accept the codes.
 */

/** 資料提供屬性: API服務 for SERVICES, 檔案資料 for everything else. */
export function provisionLabel(type: string): string {
  return type === 'SERVICES' ? PROVISION_LABELS.api : PROVISION_LABELS.file;
}

export function typeFromProvision(label: string): 'SERVICES' | 'rawData' | undefined {
  const key = label.trim();
  if (key === PROVISION_LABELS.api || key === 'SERVICES') return 'SERVICES';
  if (key === PROVISION_LABELS.file || key === 'rawData') return 'rawData';
  return undefined;
}

/** 品質檢測: 白金/金/銀/銅/無; empty when the dataset has not been checked. */
export function badgeLabel(badge: string | null): string {
  return badge === null ? '' : (BADGE_LABELS[badge as Badge] ?? badge);
}

/** undefined = not a badge; null = empty (not checked). */
export function badgeFromLabel(label: string): Badge | null | undefined {
  const key = label.trim();
  if (key === '') return null;
  return BADGES.find((b) => b === key || BADGE_LABELS[b] === key);
}

/** 資料集上架方式: 手動, 系統介接程式, 匯入/收割 (匯入 or 收割 alone are accepted too). */
export function publicationMethodLabel(method: string): string {
  return PUBLICATION_METHOD_LABELS[method as PublicationMethod] ?? method;
}

export function publicationMethodFromLabel(label: string): PublicationMethod | undefined {
  const key = label.trim();
  if (key === '匯入' || key === '收割') return 'harvest';
  return PUBLICATION_METHODS.find((m) => m === key || PUBLICATION_METHOD_LABELS[m] === key);
}

/** 服務分類 by its Chinese name (the export) or code. */
export function categoryLabel(code: string): string {
  return findCategory(code)?.nameZh ?? code;
}

/** 授權方式 by the licence's Chinese name (the export) or any known spelling. */
export function licenceLabel(code: string): string {
  return findLicence(code)?.nameZh ?? code;
}
