import type { SniffedFormat, XmlEvidence } from './sniffed-resource.ts';

/** What comes before the first element of a markup document. */
export interface MarkupProlog {
  /** The root element as written, with its prefix; undefined when none was found. */
  root?: string;
  /** The root start tag's attributes as written. */
  attributes: string;
  /** The text from the root start tag on. */
  rest: string;
  /** `<?xml … ?>` was present. */
  xmlDeclaration: boolean;
  /** The encoding the XML declaration names, lowercased. */
  declaredEncoding?: string;
  /** The DOCTYPE name, lowercased (html for HTML pages). */
  doctype?: string;
  /** Processing instructions' text (e.g. mso-application progid="Excel.Sheet"). */
  instructions: string[];
}

/** The prolog is looked for in this many characters at most. */
const MAX_PROLOG = 64 * 1024;

/** Skips the XML declaration, comments, processing instructions and the DOCTYPE, and reads the root tag. */
export function readProlog(text: string): MarkupProlog {
  const head = text.slice(0, MAX_PROLOG);
  const prolog: MarkupProlog = { attributes: '', rest: '', xmlDeclaration: false, instructions: [] };
  let i = 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i] as string)) i++;
    if (head.startsWith('<?', i)) {
      const end = head.indexOf('?>', i);
      if (end < 0) return prolog;
      const body = head.slice(i + 2, end);
      if (/^xml\s/i.test(body)) {
        prolog.xmlDeclaration = true;
        const encoding = /encoding\s*=\s*["']([^"']+)["']/i.exec(body)?.[1];
        if (encoding) prolog.declaredEncoding = encoding.toLowerCase();
      } else prolog.instructions.push(body.trim());
      i = end + 2;
    } else if (head.startsWith('<!--', i)) {
      const end = head.indexOf('-->', i);
      if (end < 0) return prolog;
      i = end + 3;
    } else if (/^<!doctype/i.test(head.slice(i, i + 9))) {
      const name = /^<!doctype\s+([^\s>[]+)/i.exec(head.slice(i, i + 200))?.[1];
      if (name) prolog.doctype = name.toLowerCase();
      const subset = head.indexOf('[', i);
      const close = head.indexOf('>', i);
      if (close < 0) return prolog;
      if (subset >= 0 && subset < close) {
        const end = head.indexOf(']', subset);
        const after = end < 0 ? -1 : head.indexOf('>', end);
        if (after < 0) return prolog;
        i = after + 1;
      } else i = close + 1;
    } else break;
  }
  const tag = /^<([A-Za-z_][\w.:-]*)([^>]*)>?/.exec(head.slice(i, i + 8192));
  if (!tag) return prolog;
  prolog.root = tag[1];
  prolog.attributes = tag[2] ?? '';
  prolog.rest = text.slice(i);
  return prolog;
}

const GML_NS = /^http:\/\/www\.opengis\.net\/gml/;
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const SPREADSHEET_NS = 'urn:schemas-microsoft-com:office:spreadsheet';

/** The namespace of the root element, from its own xmlns declarations. */
function rootNamespace(root: string, attributes: string): string | undefined {
  const prefix = root.includes(':') ? root.slice(0, root.indexOf(':')) : '';
  const attribute = prefix ? `xmlns:${prefix}` : 'xmlns';
  const pattern = new RegExp(`(?:^|\\s)${attribute.replace('.', '\\.')}\\s*=\\s*["']([^"']*)["']`);
  return pattern.exec(attributes)?.[1];
}

/** Which XML vocabulary a document is, from its root element (and namespace). */
export function classifyXml(prolog: MarkupProlog & { root: string }): {
  format: SniffedFormat;
  xml: XmlEvidence;
} {
  const { root, attributes } = prolog;
  const local = (root.includes(':') ? root.slice(root.indexOf(':') + 1) : root).toLowerCase();
  const namespace = rootNamespace(root, attributes);
  const xml: XmlEvidence = { root, ...(namespace ? { namespace } : {}) };
  const start = prolog.rest.slice(0, 4096);
  if (local === 'kml') return { format: 'KML', xml };
  if (local === 'rss') return { format: 'RSS', xml: { ...xml, feed: 'rss' } };
  if (local === 'feed' && (!namespace || namespace.includes('Atom')))
    return { format: 'RSS', xml: { ...xml, feed: 'atom' } };
  if (local === 'rdf' && (namespace === RDF_NS || root.includes(':'))) {
    if (start.includes('http://purl.org/rss/1.0/')) return { format: 'RSS', xml: { ...xml, feed: 'rss1' } };
    return { format: 'RDF', xml };
  }
  if ((namespace && GML_NS.test(namespace)) || root.toLowerCase().startsWith('gml:'))
    return { format: 'GML', xml };
  if (local === 'featurecollection' && /xmlns:gml\s*=\s*["']http:\/\/www\.opengis\.net\/gml/.test(start))
    return { format: 'GML', xml };
  if (
    local === 'workbook' &&
    (namespace === SPREADSHEET_NS || prolog.instructions.some((p) => /Excel\.Sheet/.test(p)))
  )
    return { format: 'XML', xml: { ...xml, spreadsheetMl: true } };
  return { format: 'XML', xml };
}

const TRAILER = /^(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*$/;

/** True when the whole document ends with the root's end tag (or the root closes itself). */
export function xmlIsComplete(prolog: MarkupProlog & { root: string }): boolean {
  const rest = prolog.rest;
  if (prolog.attributes.trimEnd().endsWith('/')) return TRAILER.test(rest.slice(rest.indexOf('>') + 1));
  const end = rest.lastIndexOf(`</${prolog.root}`);
  if (end < 0) return false;
  const close = rest.indexOf('>', end);
  return close >= 0 && TRAILER.test(rest.slice(close + 1));
}
