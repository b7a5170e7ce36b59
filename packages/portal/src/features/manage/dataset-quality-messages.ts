import type { Locale } from '../../i18n/locale.ts';

/** The words of the back-office fix list page (/manage/datasets/{id}/quality), zh-TW and English. */

const zh = {
  title: (name: string) => `品質改善：${name}`,
  intro:
    '依檢測結果排列的改善項目，先做收穫最大的。標示「一鍵修正」者由平臺轉換並存為新版本，可於版本紀錄還原。',
  none: '目前沒有待改善的項目（或尚未檢測）。',
  caption: (n: number) => `${n} 個改善項目`,
  fix: '改善項目',
  resource: '資料資源',
  gain: '收穫',
  action: '做法',
  dataset: '整個資料集',
  steps: (from: string, to: string, steps: number) =>
    steps > 0 ? `${from} → ${to}（+${steps} 級）` : `${from}（等級不變）`,
  points: (n: number) => `詮釋資料分數 +${n}`,
  button: '一鍵修正',
  notAllowed: '一鍵修正需要此機關的編輯權限。',
  applied: (version: number) => `已修正並存為第 ${version} 版；檢測將重新執行。`,
  unchanged: '修正後內容與目前相同，未產生新版本。',
  versions: '版本紀錄（還原）',
  link: '品質改善與一鍵修正',
};

const en: typeof zh = {
  title: (name) => `Quality fixes: ${name}`,
  intro:
    'What to fix, ranked by what it gains. One-click fixes are made by the platform as a new version, which the version history can restore.',
  none: 'Nothing to fix (or not checked yet).',
  caption: (n) => `${n} fixes`,
  fix: 'Fix',
  resource: 'Resource',
  gain: 'Gain',
  action: 'How',
  dataset: 'The whole dataset',
  steps: (from, to, steps) => (steps > 0 ? `${from} → ${to} (+${steps})` : `${from} (no change of level)`),
  points: (n) => `metadata score +${n}`,
  button: 'Fix in one click',
  notAllowed: 'One-click fixes need the editor role in this organisation.',
  applied: (version) => `Fixed as version ${version}; the checks run again.`,
  unchanged: 'The fix changed nothing: no new version.',
  versions: 'Version history (restore)',
  link: 'Quality fixes (one click)',
};

export type DatasetQualityMessages = typeof zh;

export function datasetQualityMessages(locale: Locale): DatasetQualityMessages {
  return locale === 'en' ? en : zh;
}
