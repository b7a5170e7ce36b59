import type { SniffedFormat } from './sniffed-resource.ts';

/** Formats by file extension: used only for entries inside an archive, which are not inflated. */
const BY_EXTENSION: Record<string, SniffedFormat> = {
  csv: 'CSV',
  tsv: 'TSV',
  tab: 'TSV',
  txt: 'TXT',
  json: 'JSON',
  geojson: 'GEOJSON',
  xml: 'XML',
  kml: 'KML',
  kmz: 'KMZ',
  gml: 'GML',
  rss: 'RSS',
  rdf: 'RDF',
  htm: 'HTML',
  html: 'HTML',
  xlsx: 'XLSX',
  xls: 'XLS',
  ods: 'ODS',
  docx: 'DOCX',
  doc: 'DOC',
  odt: 'ODT',
  pptx: 'PPTX',
  ppt: 'PPT',
  odp: 'ODP',
  pdf: 'PDF',
  zip: 'ZIP',
  rar: 'RAR',
  '7z': '7Z',
  gz: 'GZ',
  shp: 'SHP',
  dwg: 'DWG',
  png: 'PNG',
  jpg: 'JPG',
  jpeg: 'JPG',
  gif: 'GIF',
  tif: 'TIFF',
  tiff: 'TIFF',
  bmp: 'BMP',
  mp4: 'MP4',
};

/** The lowercase extension of a file name or path, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The format a file name suggests (OTHER when the extension is unknown). */
export function formatFromName(name: string): SniffedFormat | 'OTHER' {
  return BY_EXTENSION[extensionOf(name)] ?? 'OTHER';
}
