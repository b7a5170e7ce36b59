/** 高應用價值主題: high-application-value themes and their sub-categories. */
export interface Theme {
  code: string;
  nameZh: string;
  nameEn: string;
  /** A candidate theme (候選主題) is proposed, not yet adopted. */
  candidate: boolean;
  subcategories: { code: string; nameZh: string; nameEn: string }[];
}

function theme(
  code: string,
  nameZh: string,
  nameEn: string,
  candidate: boolean,
  subs: [string, string][],
): Theme {
  return {
    code,
    nameZh,
    nameEn,
    candidate,
    subcategories: subs.map(([zh, en], i) => ({
      code: `${code}-${String(i + 1).padStart(2, '0')}`,
      nameZh: zh,
      nameEn: en,
    })),
  };
}

export const THEMES: readonly Theme[] = [
  theme('climate', '氣候環境', 'Climate and environment', false, [
    ['天氣', 'Weather'],
    ['大氣觀測', 'Atmospheric observation'],
    ['環境監測', 'Environmental monitoring'],
    ['溫室氣體排放', 'Greenhouse gas emissions'],
  ]),
  theme('disaster', '災害防救', 'Disaster prevention and relief', false, [
    ['天然災害', 'Natural disasters'],
    ['動植物疫災', 'Animal and plant epidemics'],
    ['救災資源', 'Relief resources'],
  ]),
  theme('transport', '交通運輸', 'Transport', false, [
    ['公共運輸', 'Public transport'],
    ['道路服務', 'Road services'],
    ['低碳交通', 'Low-carbon transport'],
    ['交通安全', 'Traffic safety'],
    ['觀光遊憩', 'Tourism and recreation'],
  ]),
  theme('health', '健康醫療', 'Health and medicine', false, [
    ['傳染病防治', 'Communicable disease control'],
    ['食藥管理', 'Food and drug administration'],
    ['國民健康', 'Public health'],
  ]),
  theme('energy', '能源管理', 'Energy management', false, [
    ['能源資源', 'Energy resources'],
    ['電力供需', 'Electricity supply and demand'],
    ['再生能源發展', 'Renewable energy development'],
  ]),
  theme('welfare', '社會救助', 'Social assistance', false, [
    ['友善高齡', 'Age-friendly'],
    ['弱勢平權', 'Equality for the disadvantaged'],
    ['社福補助', 'Social welfare subsidies'],
  ]),
  theme('agriculture', '農業永續', 'Sustainable agriculture', true, [
    ['農業生產', 'Agricultural production'],
    ['農業綠能', 'Agricultural green energy'],
    ['漁業畜牧', 'Fisheries and livestock'],
    ['自然碳匯', 'Natural carbon sinks'],
    ['農業科技', 'Agricultural technology'],
    ['農產運銷', 'Agricultural marketing'],
    ['安全飲食', 'Food safety'],
  ]),
  theme('spatial', '空間資訊', 'Spatial information', true, [
    ['地理圖資', 'Geographic data'],
    ['區域界線', 'Administrative boundaries'],
    ['設施座落', 'Facility locations'],
    ['衛星影像', 'Satellite imagery'],
    ['航測遙測', 'Aerial survey and remote sensing'],
  ]),
  theme('statistics', '統計資料', 'Statistics', true, [
    ['社會統計', 'Social statistics'],
    ['經濟統計', 'Economic statistics'],
    ['環境統計', 'Environmental statistics'],
    ['普查資料', 'Census data'],
  ]),
];

/** Every theme and sub-category code. */
export const THEME_CODES: readonly string[] = THEMES.flatMap((t) => [
  t.code,
  ...t.subcategories.map((s) => s.code),
]);

export function findTheme(code: string): Theme | undefined {
  return THEMES.find((t) => t.code === code);
}
