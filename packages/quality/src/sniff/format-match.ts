import { normaliseDeclaredFormat, type DeclaredFormat } from './declared-format.ts';
import type { SniffedFormat, SniffedResource } from './sniffed-resource.ts';

/** The outcome of QUALITY.md `format_match` for one resource. */
export interface FormatMatch {
  match: boolean;
  /** A mismatch between near relatives (XLS vs XLSX, JPG vs PNG, a CSV inside a ZIP). */
  close: boolean;
  reason: string;
  /** The declared format in the vocabulary's spelling (undefined when not recognised). */
  declared?: DeclaredFormat;
  sniffed: SniffedFormat;
  /** For an archive: the formats inside it (by entry names). */
  innerFormats?: string[];
}

type Sniffed = Pick<SniffedResource, 'format' | 'reason'> &
  Partial<Pick<SniffedResource, 'archive' | 'xml' | 'htmlPage' | 'structured'>>;

const ARCHIVES = new Set<string>(['ZIP', 'RAR', '7Z', 'GZ']);
const XML_VOCABULARIES = new Set<string>(['KML', 'GML', 'RSS', 'RDF']);
const ZIP_CONTAINERS = new Set<string>(['XLSX', 'DOCX', 'PPTX', 'ODS', 'ODT', 'ODP', 'KMZ', 'SHP']);

/** Families whose members are close relatives: a mismatch inside one is flagged `close`. */
const FAMILIES: readonly (readonly string[])[] = [
  ['CSV', 'TSV', 'TXT'],
  ['JSON', 'GEOJSON'],
  ['XML', 'KML', 'GML', 'RSS', 'RDF', 'CAP'],
  ['XLS', 'XLSX', 'ODS'],
  ['DOC', 'DOCX', 'ODT'],
  ['PPT', 'PPTX', 'ODP'],
  ['KML', 'KMZ'],
  ['JPG', 'PNG', 'GIF', 'TIFF', 'BMP'],
  ['ZIP', 'RAR', '7Z', 'GZ'],
];

const related = (a: string, b: string): boolean => FAMILIES.some((f) => f.includes(a) && f.includes(b));

function result(
  match: boolean,
  close: boolean,
  reason: string,
  declared: DeclaredFormat,
  sniffed: Sniffed,
  innerFormats?: string[],
): FormatMatch {
  return {
    match,
    close,
    reason,
    declared,
    sniffed: sniffed.format,
    ...(innerFormats ? { innerFormats } : {}),
  };
}

/** The known formats inside an archive, most frequent first. */
function insideOf(sniffed: Sniffed): string[] {
  return (sniffed.archive?.innerFormats ?? []).map((f) => f.format).filter((f) => f !== 'OTHER');
}

/**
 * Whether a resource's declared 檔案格式 fits what its bytes are (QUALITY.md
 * `format_match`), with the equivalences a reviewer would accept: a tab- or
 * semicolon-separated file for CSV, GeoJSON for JSON, KML/RSS/GML for XML, a zipped
 * shapefile for ZIP or SHP, any archive for 壓縮檔, structured data for API.
 */
export function formatMatches(declaredValue: string, sniffed: Sniffed): FormatMatch {
  const { format: declared } = normaliseDeclaredFormat(declaredValue);
  const s = sniffed.format;
  if (!declared) {
    const what =
      declaredValue.trim() === ''
        ? 'no format is declared'
        : `"${declaredValue.trim()}" is not a known 檔案格式`;
    return { match: false, close: false, reason: `${what}; the file is ${s}`, sniffed: s };
  }
  const d = declared;
  if (s === 'UNKNOWN')
    return result(false, false, `the file's format could not be determined: ${sniffed.reason}`, d, sniffed);
  if (d === '其他') return result(true, false, `declared 其他 (other); the file is ${s}`, d, sniffed);
  if (d === s) return result(true, false, `the file is ${s}, as declared`, d, sniffed);

  const inner = insideOf(sniffed);
  if (d === '壓縮檔' && (ARCHIVES.has(s) || s === 'SHP' || s === 'KMZ'))
    return result(true, false, `declared 壓縮檔 (archive); the file is ${s}`, d, sniffed, inner);
  if (d === 'ZIP' && (s === 'SHP' || s === 'KMZ'))
    return result(
      true,
      false,
      `a ZIP archive holding a ${s === 'SHP' ? 'shapefile' : 'KML (KMZ)'}`,
      d,
      sniffed,
    );
  if (ARCHIVES.has(s) && inner.includes(d))
    return result(
      false,
      true,
      `declared ${d}, but the file is a ${s} archive holding ${inner.join(', ')}: declare ${s} (壓縮檔) or publish the ${d} itself`,
      d,
      sniffed,
      inner,
    );
  if (d === 'ZIP' && ZIP_CONTAINERS.has(s))
    return result(false, true, `the file is ${s} (a ZIP-based format): declare ${s}, not ZIP`, d, sniffed);
  if (s === 'HTML' && sniffed.htmlPage)
    return result(
      false,
      false,
      `declared ${d}, but the file is an HTML ${sniffed.htmlPage.kind} page, not the data`,
      d,
      sniffed,
    );

  if ((d === 'CSV' || d === 'TSV' || d === 'TXT') && (s === 'CSV' || s === 'TSV'))
    return result(true, false, `delimited text (${s}) for declared ${d}`, d, sniffed);
  if (d === 'JSON' && s === 'GEOJSON') return result(true, false, 'GeoJSON is JSON', d, sniffed);
  if (d === 'XML' && XML_VOCABULARIES.has(s))
    return result(true, false, `${s} is an XML vocabulary`, d, sniffed);
  if (d === 'CAP' && s === 'XML' && sniffed.xml?.root.replace(/^.*:/, '') === 'alert')
    return result(true, false, 'a CAP alert (XML root <alert>)', d, sniffed);
  if ((d === 'API' || d === 'WEBSERVICES') && sniffed.structured)
    return result(true, false, `the service answered with ${s} (structured data)`, d, sniffed);
  if (d === 'WMS' && (s === 'XML' || ['PNG', 'JPG', 'GIF', 'TIFF'].includes(s)))
    return result(true, false, `the map service answered with ${s}`, d, sniffed);

  if (d === 'XLS' && s === 'XML' && sniffed.xml?.spreadsheetMl)
    return result(
      false,
      true,
      'an Excel 2003 XML spreadsheet, not a binary XLS: declare XML or convert to XLSX/CSV',
      d,
      sniffed,
    );
  if (d === 'CSV' && s === 'TXT')
    return result(
      false,
      true,
      'plain text with no consistent delimiter (only a one-column CSV looks like this)',
      d,
      sniffed,
    );
  const close = related(d, s);
  return result(
    false,
    close,
    `declared ${d}, but the file is ${s}${close ? ' (a close relative)' : ''}`,
    d,
    sniffed,
  );
}
