/** Times: ISO-8601 UTC for system bookkeeping; Taipei wall-clock for 上架日期-style fields. */
export function isoNow(date: Date = new Date()): string {
  return date.toISOString();
}

/** `YYYY-MM-DD HH:mm:ss` in Asia/Taipei (UTC+8, no daylight saving), as data.gov.tw shows dates. */
export function taipeiDateTime(date: Date = new Date()): string {
  const t = new Date(date.getTime() + 8 * 3600_000);
  return t.toISOString().slice(0, 19).replace('T', ' ');
}
