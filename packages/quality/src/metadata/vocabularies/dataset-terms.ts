/** 資料集類型 */
export const DATASET_TYPES = ['rawData', 'TOOLS', 'SERVICES'] as const;
export type DatasetType = (typeof DATASET_TYPES)[number];

/** 計費方式 */
export const COSTS = ['免費', '付費'] as const;

/** 開放資料 / 依申請提供 */
export const ACCESS_LEVELS = ['open', 'on_request'] as const;
export const ACCESS_LEVEL_LABELS = { open: '開放資料', on_request: '依申請提供' } as const;

/** 資料集上架方式: 手動, 系統介接程式, 匯入/收割 */
export const PUBLICATION_METHODS = ['manual', 'system', 'harvest'] as const;
export type PublicationMethod = (typeof PUBLICATION_METHODS)[number];
export const PUBLICATION_METHOD_LABELS: Record<PublicationMethod, string> = {
  manual: '手動',
  system: '系統介接程式',
  harvest: '匯入/收割',
};

/** 資料提供屬性: 檔案資料 (files) or API服務. */
export const PROVISION_LABELS = { file: '檔案資料', api: 'API服務' } as const;

/** 品質檢測 badge levels, highest first. */
export const BADGES = ['platinum', 'gold', 'silver', 'bronze', 'none'] as const;
export type Badge = (typeof BADGES)[number];
export const BADGE_LABELS: Record<Badge, string> = {
  platinum: '白金',
  gold: '金',
  silver: '銀',
  bronze: '銅',
  none: '無',
};

/** 機關層級 */
export const ORGANIZATION_LEVELS = ['central', 'local'] as const;
export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];
export const ORGANIZATION_LEVEL_LABELS: Record<OrganizationLevel, string> = {
  central: '中央',
  local: '地方',
};
