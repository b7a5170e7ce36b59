import type { Locale } from '../../i18n/locale.ts';

/** The words of the quality dashboards (品質儀表板) and the agency report, in both languages. */

const ZH_TW = {
  nav: '資料品質',
  title: '資料品質儀表板',
  intro: '全平台資料集的品質標章、每日趨勢、中央與地方機關比較、機關獎勵分數排名與常見錯誤樣態。',
  organizationTitle: (name: string) => `${name}：資料品質`,
  reportTitle: (name: string) => `${name}：資料品質報告`,
  now: '目前標章分布',
  trend: '品質趨勢',
  trendChart: '取得標章資料集比例（每日）',
  trendNone: '尚無每日快照：每日快照於台北時間 23:50 記錄。',
  day: '日期',
  badged: '取得標章',
  badgedPercent: '取得標章比例（%）',
  levels: '中央與地方機關',
  levelChart: (level: string) => `${level}機關標章分布`,
  ranking: '機關獎勵分數排名',
  rankingIntro: '獎勵分數為機關各資料集標章權重的平均：銅 0.3、銀 0.6、金與白金 1.0、無 0。',
  rank: '名次',
  agency: '機關',
  level: '層級',
  datasets: '資料集數',
  awardScore: '獎勵分數',
  rankOf: (rank: number, of: number) => `第 ${rank} 名（共 ${of} 個機關）`,
  unranked: '尚無上架資料集，不列入排名。',
  commonErrors: '常見錯誤樣態',
  commonErrorsIntro: '最新檢測中未通過的檢測項目，依未通過的資料資源數排序。',
  noErrors: '最新檢測中沒有未通過的項目。',
  check: '檢測項目',
  failingResources: '資料資源數',
  failingDatasets: '資料集數',
  example: '範例',
  howToFix: '修正方式',
  attention: '待改善資料集',
  attentionIntro: (shown: number, total: number) =>
    shown < total ? `共 ${total} 筆，列出標章最低的 ${shown} 筆。` : `共 ${total} 筆。`,
  noAttention: '所有資料集皆已取得標章且無未通過的檢測。',
  badge: '品質標章',
  failingChecks: '未通過的檢測',
  count: '資料集數',
  summaryLabel: '摘要：',
  dataTable: '圖表數據',
  distributionChart: '標章分布（資料集數）',
  distributionSummary: (total: number, parts: string) => `共 ${total} 筆資料集：${parts}。`,
  trendSummary: (first: string, firstValue: number, last: string, lastValue: number, days: number) =>
    days === 1
      ? `${last} 取得標章比例為 ${lastValue}%。`
      : `${days} 天間，取得標章比例由 ${first} 的 ${firstValue}% 變為 ${last} 的 ${lastValue}%。`,
  figures: (score: number, percent: number) => `獎勵分數 ${score}；取得標章比例 ${percent}%。`,
  dashboardLink: '資料品質儀表板',
  organizationDashboards: '各機關儀表板',
  report: '品質報告（可列印）',
  reportCsv: '品質報告（CSV）',
  print: '列印此頁或另存為 PDF。',
  allDatasets: '資料集品質清單',
  csvHeaders: ['資料集編號', '識別碼', '名稱', '品質標章', '未通過的檢測', '網址'],
};

type QualityMessages = typeof ZH_TW;

const EN: QualityMessages = {
  nav: 'Data quality',
  title: 'Data quality dashboard',
  intro:
    'Quality badges of every dataset, the daily trend, central and local agencies compared, the agencies’ award scores and the most common errors.',
  organizationTitle: (name) => `${name}: data quality`,
  reportTitle: (name) => `${name}: data quality report`,
  now: 'Badges now',
  trend: 'Quality trend',
  trendChart: 'Share of datasets with a badge (daily)',
  trendNone: 'No daily snapshots yet: a snapshot is recorded daily at 23:50 Taipei time.',
  day: 'Day',
  badged: 'With a badge',
  badgedPercent: 'With a badge (%)',
  levels: 'Central and local agencies',
  levelChart: (level) => `Badges of ${level.toLowerCase()} agencies`,
  ranking: 'Agencies by award score',
  rankingIntro:
    'The award score averages the badge weights of an agency’s datasets: bronze 0.3, silver 0.6, gold and platinum 1.0, none 0.',
  rank: 'Rank',
  agency: 'Agency',
  level: 'Level',
  datasets: 'Datasets',
  awardScore: 'Award score',
  rankOf: (rank, of) => `Rank ${rank} of ${of} agencies`,
  unranked: 'No listed datasets yet: not ranked.',
  commonErrors: 'Most common errors',
  commonErrorsIntro: 'Checks failing in the latest results, by the number of resources failing them.',
  noErrors: 'No check fails in the latest results.',
  check: 'Check',
  failingResources: 'Resources',
  failingDatasets: 'Datasets',
  example: 'Example',
  howToFix: 'How to fix',
  attention: 'Datasets needing attention',
  attentionIntro: (shown, total) =>
    shown < total ? `${total} in all; the ${shown} with the lowest badges are listed.` : `${total} in all.`,
  noAttention: 'Every dataset has a badge and passes its checks.',
  badge: 'Badge',
  failingChecks: 'Failing checks',
  count: 'Datasets',
  summaryLabel: 'Summary:',
  dataTable: 'Chart data',
  distributionChart: 'Badges (datasets)',
  distributionSummary: (total, parts) => `${total} datasets: ${parts}.`,
  trendSummary: (first, firstValue, last, lastValue, days) =>
    days === 1
      ? `On ${last}, ${lastValue}% of datasets had a badge.`
      : `Over ${days} days the share of datasets with a badge went from ${firstValue}% on ${first} to ${lastValue}% on ${last}.`,
  figures: (score, percent) => `Award score ${score}; ${percent}% of datasets with a badge.`,
  dashboardLink: 'Data quality dashboard',
  organizationDashboards: 'Agency dashboards',
  report: 'Quality report (printable)',
  reportCsv: 'Quality report (CSV)',
  print: 'Print this page or save it as PDF.',
  allDatasets: 'Datasets and their quality',
  csvHeaders: ['datasetId', 'identifier', 'title', 'badge', 'failingChecks', 'url'],
};

export type { QualityMessages };

export function qualityMessages(locale: Locale): QualityMessages {
  return locale === 'en' ? EN : ZH_TW;
}
