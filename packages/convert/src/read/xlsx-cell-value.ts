/** A cell value as exceljs models it (plain data, no exceljs import needed). */
export type CellValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { richText: readonly { text: string }[] }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { error: string }
  | { text: unknown };

const isoDate = (date: Date): string => {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
};

/** A cell as text: dates ISO, formulas their cached result, rich text joined, numbers as written. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue);
  if ('error' in value) return value.error;
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  return '';
}

/** `_x000D_`-style escapes of SpreadsheetML strings (ST_Xstring) decoded; `_x005F_` escapes an underscore. */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 system is 1899-12-30 (Excel's fictitious 1900-02-29 makes day 60). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2_958_465;

/** An Excel serial day number as a date, rounded to the second; undefined when out of range. */
export function serialDate(serial: number, date1904: boolean): Date | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return undefined;
  // Before 1900-03-01 the 1900 system is a day off (it counts a 1900-02-29 that never was);
  // a time of day alone (serial < 1) stays on day 0, as exceljs has it.
  const days = !date1904 && serial >= 1 && serial < 60 ? serial + 1 : serial;
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS;
  return new Date(Math.round(ms / 1000) * 1000);
}

/** A number cell as text: as JavaScript prints it (`1E-3` → `0.001`), or as written when not a number. */
export function numberText(raw: string): string {
  const value = Number(raw);
  return raw.trim() !== '' && Number.isFinite(value) ? String(value) : raw;
}

/** A number cell styled as a date or time: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with a time of day. */
export function dateText(raw: string, date1904: boolean): string {
  const date = serialDate(Number(raw), date1904);
  return date ? cellText(date) : numberText(raw);
}
