import { stringify } from 'csv-stringify/sync';
import type { DatasetRecord, ResourceRecord } from '../datasets/dataset.record.ts';
import { CATALOGUE_COLUMNS, RESOURCE_SEPARATOR } from './catalogue-columns.ts';
import {
  badgeLabel,
  categoryLabel,
  licenceLabel,
  provisionLabel,
  publicationMethodLabel,
} from './catalogue-terms.ts';

/** The UTF-8 byte-order mark the export starts with (Excel needs it to read UTF-8). */
export const BOM = '\uFEFF';

/**
 * The resource's URL for 資料下載網址: its download URL, else its access URL (APIs).
 * A `;` would split the list, so it is percent-encoded (%3B), which URLs allow.
 */
function resourceUrl(r: ResourceRecord): string {
  return (r.downloadURL ?? r.accessURL ?? '').replaceAll(RESOURCE_SEPARATOR, '%3B');
}

const perResource = (d: DatasetRecord, value: (r: ResourceRecord) => string): string =>
  d.distribution.map(value).join(RESOURCE_SEPARATOR);

/** A dataset as one row of the 22-column export, in CATALOGUE_COLUMNS order. */
export function catalogueRow(d: DatasetRecord): string[] {
  return [
    String(d.datasetId),
    d.title,
    provisionLabel(d.type),
    categoryLabel(d.categoryCode),
    badgeLabel(d.qualityBadge),
    perResource(d, (r) => r.format),
    perResource(d, resourceUrl),
    perResource(d, (r) => r.characterSetCode),
    publicationMethodLabel(d.publicationMethod),
    d.description,
    d.fieldDescription,
    d.publisher,
    d.accrualPeriodicity,
    licenceLabel(d.license),
    d.landingPage ?? '',
    d.cost,
    d.publisherContactName ?? '',
    d.publisherContactPhone ?? '',
    d.publishedAt ?? '',
    d.metadataModifiedAt ?? '',
    d.notes ?? '',
    perResource(d, (r) => (r.resourceAmount === null ? '' : String(r.resourceAmount))),
  ];
}

/**
 * CSV text with `\r\n` line endings, quoting only values that need it: those with a
 * comma, a quote or a line break (csv-stringify alone would leave a bare `\n` unquoted
 * when the record delimiter is `\r\n`).
 */
export function stringifyCatalogueRows(rows: readonly string[][]): string {
  if (rows.length === 0) return '';
  return stringify(rows as string[][], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/** The header line, with the BOM the file starts with. */
export function catalogueHeader(): string {
  return BOM + stringifyCatalogueRows([[...CATALOGUE_COLUMNS]]);
}
