import { READERS, type InputKind } from '@odp/convert';
import type { SniffedFormat, SniffedResource } from './sniffed-resource.ts';

/** The IANA media type of each sniffed format. */
export const MEDIA_TYPES: Record<SniffedFormat, string> = {
  CSV: 'text/csv',
  TSV: 'text/tab-separated-values',
  TXT: 'text/plain',
  JSON: 'application/json',
  GEOJSON: 'application/geo+json',
  XML: 'application/xml',
  KML: 'application/vnd.google-earth.kml+xml',
  GML: 'application/gml+xml',
  RSS: 'application/rss+xml',
  RDF: 'application/rdf+xml',
  HTML: 'text/html',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  XLS: 'application/vnd.ms-excel',
  ODS: 'application/vnd.oasis.opendocument.spreadsheet',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  DOC: 'application/msword',
  ODT: 'application/vnd.oasis.opendocument.text',
  PPTX: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  PPT: 'application/vnd.ms-powerpoint',
  ODP: 'application/vnd.oasis.opendocument.presentation',
  PDF: 'application/pdf',
  ZIP: 'application/zip',
  RAR: 'application/vnd.rar',
  '7Z': 'application/x-7z-compressed',
  GZ: 'application/gzip',
  SHP: 'application/x-shapefile',
  KMZ: 'application/vnd.google-earth.kmz',
  DWG: 'image/vnd.dwg',
  PNG: 'image/png',
  JPG: 'image/jpeg',
  GIF: 'image/gif',
  TIFF: 'image/tiff',
  BMP: 'image/bmp',
  MP4: 'video/mp4',
  UNKNOWN: 'application/octet-stream',
};

/**
 * Machine-readable structured data (QUALITY.md `structured`): tables, trees and
 * geodata a program reads without guessing. Not documents (PDF, DOC, DOCX, ODT,
 * slides), images, video, web pages or plain text.
 */
const STRUCTURED = new Set<SniffedFormat>([
  'CSV',
  'TSV',
  'JSON',
  'GEOJSON',
  'XML',
  'KML',
  'GML',
  'RSS',
  'RDF',
  'XLSX',
  'XLS',
  'ODS',
  'SHP',
  'KMZ',
]);

/** The @odp/convert input kind of each format it may read. */
const CONVERT_KINDS: Partial<Record<SniffedFormat, InputKind>> = {
  CSV: 'delimited',
  TSV: 'delimited',
  TXT: 'delimited',
  JSON: 'json',
  GEOJSON: 'json',
  XML: 'xml',
  KML: 'xml',
  GML: 'xml',
  RSS: 'xml',
  RDF: 'xml',
  HTML: 'html',
  XLSX: 'xlsx',
  XLS: 'xls',
  ODS: 'ods',
  DOCX: 'docx',
  PDF: 'pdf',
  ZIP: 'zip',
};

/** Entries the converter reads from a ZIP (see its zip reader). */
const ZIP_TABLES = new Set(['CSV', 'TSV', 'TXT']);

type Traits = Pick<SniffedResource, 'structured' | 'tabular' | 'convertKind' | 'mediaType'>;

/** Media type, structured, tabular and the converter's input kind of a sniffed resource. */
export function formatTraits(resource: Pick<SniffedResource, 'format' | 'archive' | 'json'>): Traits {
  const { format, archive } = resource;
  const inner = archive?.container === 'zip' ? archive.innerFormats : [];
  const structured =
    format === 'ZIP'
      ? inner.some((f) => f.format !== 'OTHER' && STRUCTURED.has(f.format))
      : STRUCTURED.has(format);
  let kind = CONVERT_KINDS[format];
  if (kind === 'json' && resource.json?.ndjson) kind = 'ndjson';
  const readable = kind !== undefined && READERS[kind] !== undefined;
  const tabular =
    readable && (format === 'ZIP' ? inner.some((f) => ZIP_TABLES.has(f.format)) && structured : structured);
  return { mediaType: MEDIA_TYPES[format], structured, tabular, ...(readable ? { convertKind: kind } : {}) };
}
