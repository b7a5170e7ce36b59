import type { FieldStandard } from './field-standard.ts';
import { schemaProblem } from './field-standard.ts';

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** 日期: ISO 8601 calendar dates, YYYY-MM-DD (西元). */
export const isoDate: FieldStandard = {
  id: 'iso-date',
  title: { zh: '日期（ISO 8601，西元年-月-日）', en: 'Date (ISO 8601, YYYY-MM-DD)' },
  field: {
    name: 'date',
    type: 'date',
    format: 'default',
    description: 'ISO 8601 calendar date, e.g. 2019-11-11',
    constraints: { pattern: '\\d{4}-\\d{2}-\\d{2}' },
  },
  claimedBy: /(日期|^date$|date$)/i,
  check(value) {
    const shape = schemaProblem(this.field, value);
    if (shape)
      return /^\d{2,3}[/.-]?\d{1,2}[/.-]?\d{1,2}$/.test(value)
        ? 'ROC (民國) date, not ISO 8601'
        : 'not YYYY-MM-DD';
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return realDate(y, m, d) ? undefined : 'no such day';
  },
};

/** 日期時間: ISO 8601 date-times, YYYY-MM-DDThh:mm[:ss][zone]; a plain ISO date is accepted too. */
export const isoDateTime: FieldStandard = {
  id: 'iso-datetime',
  title: { zh: '日期時間（ISO 8601）', en: 'Date-time (ISO 8601)' },
  field: {
    name: 'datetime',
    type: 'datetime',
    format: 'default',
    constraints: {
      pattern: '\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?',
    },
  },
  claimedBy: /(時間$|datetime|timestamp)/i,
  check(value) {
    if (schemaProblem(this.field, value)) return 'not an ISO 8601 date-time';
    const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
    if (value.length === 10) return realDate(y, m, d) ? undefined : 'no such day';
    const [hh, mm] = value.slice(11, 16).split(':').map(Number) as [number, number];
    return realDate(y, m, d) && hh < 24 && mm < 60 ? undefined : 'no such time';
  },
};
