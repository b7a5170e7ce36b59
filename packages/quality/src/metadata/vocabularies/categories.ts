/** 服務分類 (categoryCode): the 18 service categories of the national metadata standard. */
export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
}

export const CATEGORIES: readonly Category[] = [
  { code: '100', nameZh: '生育保健', nameEn: 'Childbirth and health care' },
  { code: '200', nameZh: '出生及收養', nameEn: 'Birth and adoption' },
  { code: '300', nameZh: '求學及進修', nameEn: 'Education and further study' },
  { code: '400', nameZh: '服兵役', nameEn: 'Military service' },
  { code: '500', nameZh: '求職及就業', nameEn: 'Job seeking and employment' },
  { code: '600', nameZh: '開創事業', nameEn: 'Starting a business' },
  { code: '700', nameZh: '婚姻', nameEn: 'Marriage' },
  { code: '800', nameZh: '投資理財', nameEn: 'Investment and finance' },
  { code: '900', nameZh: '休閒旅遊', nameEn: 'Leisure and travel' },
  { code: 'A00', nameZh: '交通及通訊', nameEn: 'Transport and communications' },
  { code: 'B00', nameZh: '就醫', nameEn: 'Medical care' },
  { code: 'C00', nameZh: '購屋及遷徙', nameEn: 'Housing and moving' },
  { code: 'D00', nameZh: '選舉及投票', nameEn: 'Elections and voting' },
  { code: 'E00', nameZh: '生活安全及品質', nameEn: 'Safety and quality of life' },
  { code: 'F00', nameZh: '退休', nameEn: 'Retirement' },
  { code: 'G00', nameZh: '老年安養', nameEn: 'Elderly care' },
  { code: 'H00', nameZh: '生命禮儀', nameEn: 'Funerals and memorials' },
  { code: 'I00', nameZh: '公共資訊', nameEn: 'Public information' },
];

export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [string, ...string[]];

export function findCategory(codeOrName: string): Category | undefined {
  const key = codeOrName.trim();
  return CATEGORIES.find((c) => c.code === key || c.nameZh === key || c.nameEn === key);
}
