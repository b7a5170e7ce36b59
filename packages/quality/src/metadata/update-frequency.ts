/**
 * 更新頻率 (accrualPeriodicity): the standard writes it as text — 每1年, 每日, 每5分鐘,
 * 即時, 不定期, 不定期更新 — and we store it structured as well.
 */
export type FrequencyUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface UpdateFrequency {
  /** false for 不定期 (irregular). */
  regular: boolean;
  /** true for 即時 (real time). */
  realtime?: boolean;
  every?: number;
  unit?: FrequencyUnit;
}

const UNITS: Record<string, FrequencyUnit> = {
  分鐘: 'minute',
  分: 'minute',
  小時: 'hour',
  時: 'hour',
  日: 'day',
  天: 'day',
  週: 'week',
  周: 'week',
  星期: 'week',
  月: 'month',
  個月: 'month',
  季: 'quarter',
  年: 'year',
};

/** The Chinese unit of each frequency unit, as in 每1小時. */
export const FREQUENCY_UNIT_TEXT: Record<FrequencyUnit, string> = {
  minute: '分鐘',
  hour: '小時',
  day: '日',
  week: '週',
  month: '月',
  quarter: '季',
  year: '年',
};

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  半: 0.5,
};

/** Parses the text form; returns undefined when the text is not a frequency. */
export function parseUpdateFrequency(text: string): UpdateFrequency | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '').replace(/更新$/, '');
  if (t === '') return undefined;
  if (/^(即時|實時|real-?time)$/i.test(t)) return { regular: true, realtime: true };
  if (/^(不定期|不定時|irregular)$/i.test(t)) return { regular: false };
  const m = /^每(\d+|[一二兩三四五六七八九十半])?(分鐘|分|小時|時|日|天|週|周|星期|個月|月|季|年)$/.exec(t);
  if (!m) return undefined;
  const n = m[1] === undefined ? 1 : /^\d+$/.test(m[1]) ? Number(m[1]) : (CHINESE_DIGITS[m[1]] ?? 1);
  const unit = UNITS[m[2] as string];
  if (!unit || n <= 0) return undefined;
  return { regular: true, every: n, unit };
}

/** The canonical text: 每1年, 即時, 不定期. */
export function formatUpdateFrequency(f: UpdateFrequency): string {
  if (f.realtime) return '即時';
  if (!f.regular || !f.unit) return '不定期';
  return `每${f.every ?? 1}${FREQUENCY_UNIT_TEXT[f.unit]}`;
}
