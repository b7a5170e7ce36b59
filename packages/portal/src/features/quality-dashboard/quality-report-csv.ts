import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../i18n/locale.ts';
import { localePath } from '../../i18n/locale.ts';
import { badgeName } from '../../i18n/vocabulary-labels.ts';
import { qualityMessages } from './quality-dashboard-messages.ts';
import type { AttentionDataset } from './quality-dashboard.service.ts';

/**
 * An agency's quality report as CSV (UTF-8 with a BOM, so spreadsheet programs read the
 * Chinese right; CRLF rows, RFC 4180 quoting): one row a listed dataset with its badge
 * and its failing checks, headers in the page's language.
 */

/** A leading =, +, - or @ would be taken for a formula by spreadsheet programs. */
function defused(value: string | number): string {
  const text = String(value);
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

export function qualityReportCsv(
  datasets: readonly AttentionDataset[],
  locale: Locale,
  publicUrl: string,
): string {
  const q = qualityMessages(locale);
  const base = publicUrl.replace(/\/+$/, '');
  const rows = datasets.map((d) => [
    d.datasetId,
    d.identifier,
    locale === 'en' && d.titleEn ? d.titleEn : d.titleZh,
    badgeName(d.badge, locale),
    d.failingChecks.join(' '),
    `${base}${localePath(locale, `/dataset/${d.datasetId}`)}`,
  ]);
  const table = [q.csvHeaders, ...rows].map((r) => r.map(defused));
  // Quoted where a value holds a comma, a quote or a line break (a bare \n too, with \r\n rows).
  return `\uFEFF${stringify(table, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ })}`;
}
