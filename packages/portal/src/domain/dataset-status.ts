/**
 * The dataset lifecycle: 草稿 draft → 已上架 published → 預計下架 delisting_scheduled →
 * 已下架 delisted; a published dataset may also become 歷史資料 historical.
 */
export const DATASET_STATUSES = [
  'draft',
  'published',
  'delisting_scheduled',
  'delisted',
  'historical',
] as const;
export type DatasetStatus = (typeof DATASET_STATUSES)[number];

export const STATUS_LABELS: Record<DatasetStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已上架', en: 'Published' },
  delisting_scheduled: { zh: '預計下架', en: 'Scheduled for delisting' },
  delisted: { zh: '已下架', en: 'Delisted' },
  historical: { zh: '歷史資料', en: 'Historical' },
};

const TRANSITIONS: Record<DatasetStatus, readonly DatasetStatus[]> = {
  draft: ['published'],
  published: ['delisting_scheduled', 'delisted', 'historical'],
  delisting_scheduled: ['published', 'delisted'],
  delisted: [],
  historical: ['published'],
};

export function canTransition(from: DatasetStatus, to: DatasetStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** Statuses the public can see in lists. */
export const LISTED_STATUSES: readonly DatasetStatus[] = ['published', 'delisting_scheduled', 'historical'];
