import type { EncodingConfidence, InputKind } from '@odp/convert';

/**
 * What a fetched file really is, in the spellings of the 檔案格式 vocabulary
 * (packages/portal/src/domain/vocabularies/formats.ts) where it has one. TSV, GML,
 * HTML, GZ, GIF, BMP, MP4 and UNKNOWN are sniffing results the vocabulary lacks;
 * an Atom feed is reported as RSS (`xml.feed` says which).
 */
export const SNIFFED_FORMATS = [
  'CSV',
  'TSV',
  'TXT',
  'JSON',
  'GEOJSON',
  'XML',
  'KML',
  'GML',
  'RSS',
  'RDF',
  'HTML',
  'XLSX',
  'XLS',
  'ODS',
  'DOCX',
  'DOC',
  'ODT',
  'PPTX',
  'PPT',
  'ODP',
  'PDF',
  'ZIP',
  'RAR',
  '7Z',
  'GZ',
  'SHP',
  'KMZ',
  'DWG',
  'PNG',
  'JPG',
  'GIF',
  'TIFF',
  'BMP',
  'MP4',
  'UNKNOWN',
] as const;

export type SniffedFormat = (typeof SNIFFED_FORMATS)[number];

/** How sure the sniffer is of `format`. */
export type FormatCertainty =
  /** A signature or a parsed structure proves it (magic number, central directory, JSON.parse). */
  | 'certain'
  /** Decided on part of the file (the head) or by a heuristic (delimiter counts). */
  | 'likely'
  /** Nothing fitted (format UNKNOWN). */
  | 'none';

/** 編碼格式 as the sniffer names it: lowercase, the BOM spelled out. */
export type SniffedEncodingName = 'utf-8' | 'utf-8-bom' | 'cp950' | 'utf-16le' | 'utf-16be';

/** Signs that the text was damaged by an earlier wrong conversion (亂碼). */
export interface MojibakeEvidence {
  suspected: boolean;
  /** U+FFFD characters present in otherwise valid text: bytes lost before this file was written. */
  replacementChars: number;
  /** Characters typical of UTF-8 bytes read as Big5 and saved again (撣, 銝, 嚗, 鞈 …). */
  big5Markers: number;
  /** Pairs typical of UTF-8 bytes read as Latin-1/CP1252 and saved again (è’™, å…¨ …). */
  latin1Pairs: number;
  /** Private-use characters (U+E000–U+F8FF), common in Big5 round-trip damage. */
  privateUse: number;
  /** A few short excerpts around the first findings. */
  samples: string[];
}

export interface EncodingEvidence {
  name: SniffedEncodingName;
  /** The value a publisher would declare for 編碼格式: UTF-8, BIG5 or UTF-16. */
  label: 'UTF-8' | 'BIG5' | 'UTF-16';
  bom: boolean;
  /** As @odp/convert's detectEncoding decided it. */
  confidence: EncodingConfidence;
  /** Byte sequences invalid in the detected encoding (decoded as U+FFFD), in the bytes examined. */
  invalidSequences: number;
  mojibake: MojibakeEvidence;
  /** What the file says about itself (XML declaration, HTML meta charset), lowercased. */
  declaredInFile?: string;
}

/** What an HTML document served as a resource is (QUALITY.md `downloadable`). */
export type HtmlPageKind = 'landing' | 'login' | 'error' | 'other';

export interface HtmlPageEvidence {
  kind: HtmlPageKind;
  title?: string;
  /** The first h1/h2 headings, trimmed. */
  headings: string[];
  links: number;
  /** Links to data files (by the link's extension or a `download` attribute). */
  fileLinks: number;
  /** Up to 10 of those links, as written. */
  fileLinkSamples: string[];
  forms: number;
  passwordInputs: number;
  tables: number;
  /** The login words (登入, login, sign in …) found in the title, headings or forms. */
  loginWords: string[];
  /** The error words (404, 錯誤, not found …) found in the title or headings. */
  errorWords: string[];
}

/** A format found inside an archive, by the entry names (entries are not inflated). */
export interface InnerFormat {
  format: SniffedFormat | 'OTHER';
  count: number;
}

export interface ArchiveEvidence {
  container: 'zip' | 'ole' | 'gzip';
  /** Files listed by the directory (directories and __MACOSX/ entries left out). */
  entries: number;
  innerFormats: InnerFormat[];
  /** Up to 20 entry (ZIP) or stream (OLE) names. */
  names: string[];
  /** The sum of the declared uncompressed sizes (ZIP). */
  declaredBytes?: number;
  /** An entry or the total is over the converter's zip-bomb limits. */
  overLimits?: boolean;
  /** Some entries are encrypted (ZIP) or the file is an encrypted Office package (OLE). */
  encrypted?: boolean;
  /** The listing stopped at the entry cap. */
  listingCapped?: boolean;
}

export interface DelimiterEvidence {
  delimiter: ',' | ';' | '\t' | '|';
  fieldCount: number;
  /** 0–1: the share of sampled lines with that field count. */
  confidence: number;
}

export interface JsonEvidence {
  /** The top-level value. */
  root: 'object' | 'array' | 'scalar';
  /** One JSON value per line (NDJSON). */
  ndjson: boolean;
  /** The top-level `type` member, when there is one (GeoJSON: FeatureCollection, Feature). */
  type?: string;
  /** Parsed whole (false: only the head was checked, as a valid JSON prefix). */
  complete: boolean;
}

export interface XmlEvidence {
  /** The root element as written (with its prefix). */
  root: string;
  namespace?: string;
  /** For RSS: which kind of feed. */
  feed?: 'rss' | 'rss1' | 'atom';
  /** An Excel 2003 XML spreadsheet (SpreadsheetML), what some "XLS" downloads are. */
  spreadsheetMl?: boolean;
}

export interface SniffHints {
  /** The Content-Type the server sent. Recorded as evidence; never decides the format. */
  contentType?: string;
  /** The file name (from the URL or Content-Disposition). Recorded as evidence; never decides. */
  fileName?: string;
}

export interface SniffedResource {
  format: SniffedFormat;
  certainty: FormatCertainty;
  /** One sentence: why this format (or why UNKNOWN). */
  reason: string;
  /** The IANA media type of the sniffed format. */
  mediaType: string;
  /** File size in bytes. */
  size: number;
  /** Bytes read from the start of the file for the text decision. */
  headBytes: number;
  /** Machine-readable structured data (QUALITY.md `structured`). */
  structured: boolean;
  /** @odp/convert reads it into a table as it is (a structured format it has a reader for). */
  tabular: boolean;
  /** The @odp/convert input kind to convert it with, when the converter has a reader for it. */
  convertKind?: InputKind;
  encoding?: EncodingEvidence;
  delimiter?: DelimiterEvidence;
  json?: JsonEvidence;
  xml?: XmlEvidence;
  htmlPage?: HtmlPageEvidence;
  archive?: ArchiveEvidence;
  /** What the hints said, for evidence: the extension's and Content-Type's formats. */
  hinted?: { fileName?: string; extension?: string; contentType?: string; formats: string[] };
}

/** Caps that keep sniffing bounded on large or hostile files. */
export interface SniffLimits {
  /** Bytes of the head read for text decisions (default 1 MiB). */
  maxHeadBytes: number;
  /** ZIP: the central directory may be at most this many bytes (default 4 MiB). */
  maxZipDirectoryBytes: number;
  /** ZIP: at most this many entries are listed (default 10,000). */
  maxZipEntries: number;
  /** OLE2: at most this many directory sectors are followed (default 512). */
  maxOleDirectorySectors: number;
}

export const DEFAULT_SNIFF_LIMITS: SniffLimits = {
  maxHeadBytes: 1024 * 1024,
  maxZipDirectoryBytes: 4 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxOleDirectorySectors: 512,
};

export interface SniffOptions extends SniffHints {
  limits?: Partial<SniffLimits>;
}
