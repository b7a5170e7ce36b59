import { parseUpdateFrequency, type UpdateFrequency } from '../metadata/update-frequency.ts';
import { notApplicable, pass, warn, type ResourceCheck } from './check.ts';
import type { CheckContext } from './check-context.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNIT_MS = {
  minute: 60_000,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 31 * DAY,
  quarter: 92 * DAY,
  year: 366 * DAY,
};

/** How long a resource may go unchanged before it is late: twice the period plus a day. */
export function allowedAge(frequency: UpdateFrequency): number | undefined {
  if (frequency.realtime) return 2 * HOUR + DAY;
  if (!frequency.regular || !frequency.unit) return undefined;
  return 2 * (frequency.every ?? 1) * UNIT_MS[frequency.unit] + DAY;
}

/** When the content last really changed: the oldest fetch in the latest run of the current checksum. */
export function lastChange(ctx: CheckContext): { at: Date; source: string } | undefined {
  const current = ctx.body?.sha256;
  const history = ctx.history ?? [];
  if (current && history.length > 0) {
    let since: string | undefined;
    for (let i = history.length - 1; i >= 0 && history[i]!.sha256 === current; i--)
      since = history[i]!.seenAt;
    return { at: since ? new Date(since) : ctx.now, source: 'checksum history' };
  }
  const header = ctx.http?.lastModified ? new Date(ctx.http.lastModified) : undefined;
  if (header && !Number.isNaN(header.getTime())) return { at: header, source: 'Last-Modified header' };
  return undefined;
}

/** 更新及時: the last real change (checksum history) against the declared 更新頻率. */
export const freshness: ResourceCheck = {
  id: 'freshness',
  version: 1,
  appliesTo: ['file', 'api'],
  dimension: 'beyond',
  run(ctx) {
    const declared = ctx.declared.accrualPeriodicity;
    const frequency = declared ? parseUpdateFrequency(declared) : undefined;
    if (!frequency)
      return notApplicable(declared ? `更新頻率 ${declared} is not a frequency` : 'no 更新頻率 declared');
    const allowed = allowedAge(frequency);
    if (allowed === undefined) return notApplicable('不定期: irregular updates have no deadline');
    const change = lastChange(ctx);
    if (!change) return notApplicable('no earlier version and no Last-Modified header to date the content');
    const ageDays = Math.max(0, (ctx.now.getTime() - change.at.getTime()) / DAY);
    const evidence = {
      declared,
      lastChange: change.at.toISOString(),
      source: change.source,
      ageDays: Math.round(ageDays * 10) / 10,
      allowedDays: Math.round((allowed / DAY) * 10) / 10,
    };
    if (ageDays * DAY <= allowed) return pass(evidence);
    return warn(evidence, {
      zh: `更新頻率為「${declared}」，但內容已 ${Math.floor(ageDays)} 天沒有變動：請更新資料，或修正更新頻率。`,
      en: `Declared ${declared} but the content has not changed for ${Math.floor(ageDays)} days: update the data or correct the declared frequency.`,
    });
  },
};
