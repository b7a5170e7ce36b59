import { DEFAULT_ZIP_LIMITS } from '@odp/convert';
import type { ByteSource } from './byte-source.ts';
import { extensionOf, formatFromName } from './inner-format.ts';
import type { ArchiveEvidence, InnerFormat, SniffedFormat } from './sniffed-resource.ts';
import { readSmallZipEntry, type ZipDirectory } from './zip-directory.ts';

/** The converter's zip-bomb caps: total inflated size, and inflation ratio for large entries. */
const {
  maxTotalBytes: MAX_TOTAL_BYTES,
  maxRatio: MAX_RATIO,
  ratioMinBytes: RATIO_MIN_BYTES,
} = DEFAULT_ZIP_LIMITS;

/** ODF `mimetype` values and what they make the container. */
const ODF_MIMETYPES: Record<string, SniffedFormat> = {
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
};

export interface ZipVerdict {
  format: SniffedFormat;
  reason: string;
  archive: ArchiveEvidence;
}

const isNoise = (name: string): boolean =>
  name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|Thumbs\.db)$/i.test(name);

function innerFormats(names: readonly string[]): InnerFormat[] {
  const tally = new Map<InnerFormat['format'], number>();
  for (const name of names) {
    const format = formatFromName(name);
    tally.set(format, (tally.get(format) ?? 0) + 1);
  }
  return [...tally].map(([format, count]) => ({ format, count })).sort((a, b) => b.count - a.count);
}

/** The shapefile parts in an archive: a .shp with its .shx and .dbf. */
function shapefileParts(names: readonly string[]): { complete: boolean; missing: string[] } | undefined {
  const extensions = new Set(names.map(extensionOf));
  if (!extensions.has('shp')) return undefined;
  const missing = ['shx', 'dbf'].filter((e) => !extensions.has(e)).map((e) => `.${e}`);
  return { complete: missing.length === 0, missing };
}

const describe = (formats: readonly InnerFormat[]): string =>
  formats.map((f) => `${f.count} ${f.format}`).join(', ') || 'no files';

/**
 * What a ZIP container is, from its central directory: an Office Open XML or
 * OpenDocument file, a KMZ, a zipped shapefile, or a plain archive of other files.
 */
export async function classifyZip(source: ByteSource, directory: ZipDirectory): Promise<ZipVerdict> {
  const all = directory.entries;
  const names = new Set(all.map((e) => e.name));
  const files = all.filter((e) => !isNoise(e.name));
  const declaredBytes = all.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const overLimits =
    declaredBytes > MAX_TOTAL_BYTES ||
    all.some(
      (e) =>
        e.uncompressedSize > RATIO_MIN_BYTES &&
        e.uncompressedSize / Math.max(1, e.compressedSize) > MAX_RATIO,
    );
  const formats = innerFormats(files.map((e) => e.name));
  const archive: ArchiveEvidence = {
    container: 'zip',
    entries: files.length,
    innerFormats: formats,
    names: files.slice(0, 20).map((e) => e.name),
    declaredBytes,
    overLimits,
    encrypted: all.some((e) => e.encrypted),
    listingCapped: directory.capped,
  };
  const verdict = (format: SniffedFormat, reason: string): ZipVerdict => ({ format, reason, archive });

  if (names.has('xl/workbook.xml')) return verdict('XLSX', 'ZIP container with xl/workbook.xml');
  if (names.has('word/document.xml')) return verdict('DOCX', 'ZIP container with word/document.xml');
  if (names.has('ppt/presentation.xml')) return verdict('PPTX', 'ZIP container with ppt/presentation.xml');
  const mimetype = all.find((e) => e.name === 'mimetype');
  if (mimetype) {
    const bytes = await readSmallZipEntry(source, mimetype, 256);
    const text = bytes?.toString('latin1').trim() ?? '';
    const odf = ODF_MIMETYPES[text];
    if (odf) return verdict(odf, `OpenDocument container with mimetype ${text}`);
  }
  // KMZ: doc.kml by convention, or a single KML (with its images).
  const kml = files.filter((e) => extensionOf(e.name) === 'kml');
  if (names.has('doc.kml') || (kml.length === 1 && !kml[0]?.name.includes('/')))
    return verdict('KMZ', `ZIP holding ${kml.map((e) => e.name).join(', ')} (KMZ)`);
  const shapefile = shapefileParts(files.map((e) => e.name));
  if (shapefile?.complete) return verdict('SHP', 'ZIP holding a shapefile (.shp, .shx, .dbf)');
  const note = shapefile ? `; a shapefile without ${shapefile.missing.join(', ')}` : '';
  return verdict('ZIP', `ZIP archive holding ${describe(formats)} (by entry names)${note}`);
}
