import { MEDIA_TYPES } from './format-traits.ts';
import { SNIFFED_FORMATS, type SniffedFormat } from './sniffed-resource.ts';

/**
 * Declared 檔案格式 values that name no file format of their own: services, the
 * archive group and "other" (packages/portal/src/domain/vocabularies/formats.ts).
 */
export const DECLARED_ONLY = ['API', 'CAP', 'WEBSERVICES', 'WMS', '壓縮檔', '其他'] as const;

export type DeclaredFormat = SniffedFormat | (typeof DECLARED_ONLY)[number];

/** Other spellings publishers use. */
const ALIASES: Record<string, DeclaredFormat> = {
  JPEG: 'JPG',
  TIF: 'TIFF',
  HTM: 'HTML',
  XHTML: 'HTML',
  TEXT: 'TXT',
  TAB: 'TSV',
  SHAPEFILE: 'SHP',
  'GEO JSON': 'GEOJSON',
  'GEO-JSON': 'GEOJSON',
  ATOM: 'RSS',
  'WEB SERVICES': 'WEBSERVICES',
  WEBSERVICE: 'WEBSERVICES',
  'WEB SERVICE': 'WEBSERVICES',
  GZIP: 'GZ',
  OTHER: '其他',
  OTHERS: '其他',
  ARCHIVE: '壓縮檔',
};

/** Media types beyond the canonical one of each format (MEDIA_TYPES). */
const MORE_MEDIA_TYPES: Record<string, DeclaredFormat> = {
  'application/csv': 'CSV',
  'text/comma-separated-values': 'CSV',
  'text/json': 'JSON',
  'application/vnd.geo+json': 'GEOJSON',
  'text/xml': 'XML',
  'application/atom+xml': 'RSS',
  'application/xhtml+xml': 'HTML',
  'application/x-zip-compressed': 'ZIP',
  'application/x-zip': 'ZIP',
  'application/x-rar-compressed': 'RAR',
  'application/x-gzip': 'GZ',
  'image/jpg': 'JPG',
  'image/pjpeg': 'JPG',
  'application/x-excel': 'XLS',
  'application/vnd.msexcel': 'XLS',
  'application/x-msexcel': 'XLS',
  'application/zip-compressed': 'ZIP',
  'application/vnd.google-earth.kmz+xml': 'KMZ',
};

const BY_MEDIA_TYPE = new Map<string, DeclaredFormat>([
  ...Object.entries(MEDIA_TYPES)
    .filter(([format]) => format !== 'UNKNOWN')
    .map(([format, type]) => [type, format as SniffedFormat] as const),
  ...Object.entries(MORE_MEDIA_TYPES),
]);

const KNOWN = new Set<string>([...SNIFFED_FORMATS.filter((f) => f !== 'UNKNOWN'), ...DECLARED_ONLY]);

export interface NormalisedFormat {
  /** The vocabulary spelling, or undefined when the value names no known format. */
  format?: DeclaredFormat;
  /** The value as given, trimmed. */
  raw: string;
}

/**
 * A declared format in the vocabulary's spelling: case, a leading dot, a MIME type
 * (with parameters) and common aliases normalised ("csv", ".CSV", "text/csv;
 * charset=utf-8" all give CSV). application/octet-stream names no format.
 */
export function normaliseDeclaredFormat(declared: string): NormalisedFormat {
  const raw = declared.trim();
  const lower = raw.toLowerCase();
  if (lower.includes('/')) {
    const type = lower.split(';')[0]?.trim() ?? '';
    const format = BY_MEDIA_TYPE.get(type);
    return format ? { format, raw } : { raw };
  }
  const name = raw.replace(/^\.+/, '').trim().toUpperCase().replace(/\s+/g, ' ');
  const format = ALIASES[name] ?? (KNOWN.has(name) ? (name as DeclaredFormat) : undefined);
  return format ? { format, raw } : { raw };
}
