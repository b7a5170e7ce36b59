import { decodeText, sniffDelimiter } from '@odp/convert';
import { classifyHtmlPage } from './html-page.ts';
import { checkJsonPrefix, checkNdjson, parseJson, type JsonCheck } from './json-shape.ts';
import type { DelimiterEvidence, SniffedResource } from './sniffed-resource.ts';
import { encodingEvidence, textWindow } from './text-encoding.ts';
import { classifyXml, readProlog, xmlIsComplete, type MarkupProlog } from './xml-root.ts';

/** The text part of a verdict (format, reason, and the text evidence). */
export type TextVerdict = Pick<SniffedResource, 'format' | 'certainty' | 'reason'> &
  Partial<Pick<SniffedResource, 'encoding' | 'delimiter' | 'json' | 'xml' | 'htmlPage'>>;

/** Characters examined for binary content and delimiters. */
const SAMPLE_CHARS = 64 * 1024;
/** Delimited text needs this share of sampled lines to agree on the field count. */
const MIN_DELIMITER_CONFIDENCE = 0.6;

/** Elements that start an HTML document or fragment. */
const HTML_ROOTS = new Set([
  'html',
  'head',
  'body',
  'table',
  'div',
  'meta',
  'script',
  'title',
  'link',
  'style',
  'form',
  'p',
  'iframe',
  'center',
  'font',
  'span',
  'a',
  'br',
  'h1',
  'h2',
  'h3',
  'ul',
]);

/** Control characters other than tab, newline, form feed and carriage return. */
function controlShare(sample: string): number {
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
  }
  return controls / Math.max(1, sample.length);
}

function isHtml(prolog: MarkupProlog): boolean {
  if (prolog.doctype === 'html') return true;
  const root = prolog.root?.toLowerCase();
  if (root === undefined) return false;
  return root === 'html' || (!prolog.xmlDeclaration && HTML_ROOTS.has(root));
}

const metaCharset = (html: string): string | undefined =>
  /<meta\b[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(html.slice(0, 8192))?.[1]?.toLowerCase();

function jsonVerdict(text: string, partial: boolean): TextVerdict | undefined {
  let check: JsonCheck = partial ? checkJsonPrefix(text) : parseJson(text);
  if (!check.ok && text.startsWith('{')) {
    const lines = checkNdjson(text, partial);
    if (lines.ok) check = lines;
  }
  if (!check.ok) {
    return {
      format: 'UNKNOWN',
      certainty: 'none',
      reason: `starts like JSON but is not valid JSON (${check.error})`,
    };
  }
  const json = check.evidence;
  const certainty = json.complete ? 'certain' : 'likely';
  if (json.type === 'FeatureCollection' || json.type === 'Feature')
    return { format: 'GEOJSON', certainty, reason: `JSON with top-level "type": "${json.type}"`, json };
  const how = json.ndjson
    ? 'one JSON value per line (NDJSON)'
    : json.complete
      ? 'parses as JSON'
      : 'the head is valid JSON';
  return { format: 'JSON', certainty, reason: `${how} (top-level ${json.root})`, json };
}

function markupVerdict(text: string, partial: boolean, prolog: MarkupProlog): TextVerdict | undefined {
  if (isHtml(prolog)) {
    const htmlPage = classifyHtmlPage(text);
    return {
      format: 'HTML',
      certainty: 'certain',
      reason: `an HTML document (${htmlPage.kind} page)`,
      htmlPage,
    };
  }
  const { root } = prolog;
  if (root === undefined) return undefined;
  const { format, xml } = classifyXml({ ...prolog, root });
  if (!partial && !xmlIsComplete({ ...prolog, root }))
    return {
      format: 'UNKNOWN',
      certainty: 'none',
      reason: `XML whose root <${root}> is never closed (truncated)`,
      xml,
    };
  const what = xml.spreadsheetMl ? ' (an Excel 2003 XML spreadsheet)' : '';
  return {
    format,
    certainty: partial ? 'likely' : 'certain',
    reason: `XML with root element <${root}>${what}`,
    xml,
  };
}

/** Most "|"-split lines start and end with "|": a Markdown table, not a data file. */
function isMarkdownTable(sample: string): boolean {
  const lines = sample.split('\n').filter((line) => line.includes('|'));
  const framed = lines.filter((line) => /^\s*\|.*\|\s*$/.test(line));
  return lines.length > 0 && framed.length / lines.length >= 0.8;
}

function delimitedVerdict(text: string, partial: boolean): TextVerdict {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const sniffed = sniffDelimiter(sample, !partial && sample.length === text.length);
  if (sniffed.delimiter === '|' && isMarkdownTable(sample))
    return {
      format: 'TXT',
      certainty: 'likely',
      reason: 'plain text with Markdown tables (lines framed by "|")',
    };
  if (sniffed.fieldCount >= 2 && sniffed.confidence >= MIN_DELIMITER_CONFIDENCE) {
    const delimiter: DelimiterEvidence = { ...sniffed };
    const name = sniffed.delimiter === '\t' ? 'tab' : `"${sniffed.delimiter}"`;
    const share = Math.round(sniffed.confidence * 100);
    return {
      format: sniffed.delimiter === '\t' ? 'TSV' : 'CSV',
      certainty: 'likely',
      reason: `delimited text: ${sniffed.fieldCount} fields split by ${name} on ${share}% of the sampled lines`,
      delimiter,
    };
  }
  return { format: 'TXT', certainty: 'likely', reason: 'plain text with no consistent delimiter' };
}

/** Decides what a text file is (JSON, GeoJSON, XML vocabularies, HTML, CSV/TSV, TXT) from its head. */
export function sniffText(head: Buffer, partial: boolean): TextVerdict {
  const window = textWindow(head, partial);
  const decoded = decodeText(window);
  const sample = decoded.text.slice(0, SAMPLE_CHARS);
  const replacementShare = [...sample.matchAll(/\uFFFD/g)].length / Math.max(1, sample.length);
  if (controlShare(sample) > 0.01 || (decoded.confidence === 'fallback' && replacementShare > 0.1)) {
    return { format: 'UNKNOWN', certainty: 'none', reason: 'binary data with no known signature' };
  }
  const text = decoded.text.trimStart();
  let verdict: TextVerdict | undefined;
  let declared: string | undefined;
  if (text.startsWith('{') || text.startsWith('[')) verdict = jsonVerdict(text, partial);
  else if (text.startsWith('<')) {
    const prolog = readProlog(text);
    verdict = markupVerdict(text, partial, prolog);
    declared = verdict?.format === 'HTML' ? metaCharset(text) : prolog.declaredEncoding;
  }
  verdict ??= delimitedVerdict(text, partial);
  return { ...verdict, encoding: encodingEvidence(window, decoded, declared) };
}
