/** The format sniffer: what a fetched file really is, from its bytes. */
export { sniffResource } from './sniff-resource.ts';
export { formatMatches, type FormatMatch } from './format-match.ts';
export {
  normaliseDeclaredFormat,
  DECLARED_ONLY,
  type DeclaredFormat,
  type NormalisedFormat,
} from './declared-format.ts';
export { classifyHtmlPage } from './html-page.ts';
export { MEDIA_TYPES } from './format-traits.ts';
export {
  DEFAULT_SNIFF_LIMITS,
  SNIFFED_FORMATS,
  type ArchiveEvidence,
  type DelimiterEvidence,
  type EncodingEvidence,
  type FormatCertainty,
  type HtmlPageEvidence,
  type HtmlPageKind,
  type InnerFormat,
  type JsonEvidence,
  type MojibakeEvidence,
  type SniffedEncodingName,
  type SniffedFormat,
  type SniffedResource,
  type SniffHints,
  type SniffLimits,
  type SniffOptions,
  type XmlEvidence,
} from './sniffed-resource.ts';
