import type { ConversionReport } from '@odp/convert';

/** A declared column (主要欄位說明 / resourceField), optionally claiming a field standard. */
export interface DeclaredField {
  name: string;
  /** The Chinese name in `EnglishName(中文名稱，說明)`; either name may label the column. */
  title?: string;
  description?: string;
  /** The id of a field standard (see standards/), e.g. `wgs84-latitude`. */
  standard?: string;
}

/** What the publisher says about the resource (the metadata record's distribution). */
export interface DeclaredResource {
  kind: 'file' | 'api';
  /** 檔案格式 as declared: CSV, JSON, XLSX, … */
  format?: string;
  /** 編碼格式 as declared: UTF-8, BIG5, … */
  encoding?: string;
  fields?: readonly DeclaredField[];
  /** 更新頻率 as published: 每1日, 不定期, … */
  accrualPeriodicity?: string;
  /** SERVICES/API: the OpenAPI document's URL (resourceOasUrl). */
  oasUrl?: string;
}

/** The HTTP side of getting the bytes; absent when the input was a local file. */
export interface HttpEvidence {
  url: string;
  finalUrl?: string;
  status?: number;
  redirects: number;
  elapsedMs: number;
  contentType?: string;
  /** The Last-Modified header, when the server sent one. */
  lastModified?: string;
  /** A stable FETCH_* code when the request did not get an answer. */
  errorCode?: string;
  errorMessage?: string;
  tlsError?: string;
  truncated: boolean;
}

/** The bytes got, wherever from. */
export interface BodyEvidence {
  path: string;
  bytes: number;
  sha256: string;
  truncated: boolean;
}

/** What the bytes are (from the sniffer). */
export interface SniffEvidence {
  format: string;
  structured: boolean;
  tabular: boolean;
  encoding?: string;
  /** Why the format is what it is, for people. */
  reason?: string;
  /** When the bytes are an HTML page: landing / login / error / other. */
  htmlPage?: string;
  formatMatch?: { match: boolean; reason: string };
  /** Only 7-bit bytes were seen: such text is valid UTF-8, Big5 and Latin-1 alike. */
  asciiOnly?: boolean;
  invalidSequences?: number;
}

/** The table @odp/convert read from the bytes (raw values: no normalisers applied). */
export interface TableEvidence {
  report: ConversionReport;
  /** Streams the rows (keyed by column name) as often as a check needs them. */
  rows(): AsyncIterable<Record<string, unknown>>;
}

/** A conversion that failed, with @odp/convert's stable code. */
export interface TableFailure {
  code: string;
  message: string;
}

/** One earlier fetch of the same resource, for freshness. */
export interface ContentVersion {
  sha256: string;
  seenAt: string;
}

/** Everything the checks of one resource may read. Built once; checks never fetch. */
export interface CheckContext {
  declared: DeclaredResource;
  /** The dataset's metadata record (the national standard's field names), when known. */
  metadata?: Record<string, unknown>;
  http?: HttpEvidence;
  body?: BodyEvidence;
  sniffed?: SniffEvidence;
  table?: TableEvidence;
  tableFailure?: TableFailure;
  /** Earlier versions of the content, oldest first. */
  history?: readonly ContentVersion[];
  /** Supplied by the API checks' runner: what the OpenAPI probe found. */
  api?: ApiEvidence;
  now: Date;
}

export interface ApiEvidence {
  oas?: { url: string; valid: boolean; version?: string; problems: string[]; pagingDocumented: boolean };
  endpoint?: { status?: number; structured: boolean; format?: string; rows?: number; errorCode?: string };
}
