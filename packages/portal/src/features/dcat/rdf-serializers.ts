import { Writer, type Quad, type Term } from 'n3';
import { NS } from './dcat-vocabularies.ts';

/**
 * The three serializations of a (flat) DCAT-AP graph: Turtle (n3's writer), JSON-LD and
 * RDF/XML. n3 writes neither of the last two; the graph is flat (named nodes and
 * literals, no lists), so each is written here directly: one node object / one
 * rdf:Description per subject, every property value explicit.
 */

export function toTurtle(quads: readonly Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...NS } });
  // Grouped by subject (first-seen order), so each subject is written once with all its properties.
  writer.addQuads([...bySubject(quads).values()].flatMap((s) => s.quads));
  return new Promise((resolve, reject) => {
    writer.end((error, result: string) => (error ? reject(error) : resolve(result)));
  });
}

/** Subjects in first-seen order, each with its quads. */
function bySubject(quads: readonly Quad[]): Map<string, { subject: Term; quads: Quad[] }> {
  const out = new Map<string, { subject: Term; quads: Quad[] }>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    const entry = out.get(key) ?? { subject: q.subject, quads: [] };
    entry.quads.push(q);
    out.set(key, entry);
  }
  return out;
}

/** A full IRI as a compact IRI (`dct:title`) where a prefix covers it. */
function compact(value: string): string {
  for (const [prefix, ns] of Object.entries(NS)) {
    if (value.startsWith(ns) && /^[A-Za-z_][\w-]*$/.test(value.slice(ns.length)))
      return `${prefix}:${value.slice(ns.length)}`;
  }
  return value;
}

function nodeId(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

type JsonLdValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };

function jsonLdValue(term: Term): JsonLdValue {
  if (term.termType !== 'Literal') return { '@id': nodeId(term) };
  if (term.language) return { '@value': term.value, '@language': term.language };
  if (term.datatype.value !== `${NS.xsd}string`)
    return { '@value': term.value, '@type': term.datatype.value };
  return { '@value': term.value };
}

/** JSON-LD in flattened form: `@context` with the prefixes, and one node object per subject in `@graph`. */
export function toJsonLd(
  quads: readonly Quad[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const graph = [...bySubject(quads).values()].map(({ subject, quads: own }) => {
    const node: Record<string, unknown> = { '@id': nodeId(subject) };
    const types = own
      .filter((q) => q.predicate.value === `${NS.rdf}type`)
      .map((q) => compact(q.object.value));
    if (types.length > 0) node['@type'] = types;
    for (const q of own) {
      if (q.predicate.value === `${NS.rdf}type`) continue;
      const key = compact(q.predicate.value);
      const list = (node[key] as JsonLdValue[] | undefined) ?? [];
      list.push(jsonLdValue(q.object));
      node[key] = list;
    }
    return node;
  });
  return { '@context': { ...NS }, ...extra, '@graph': graph };
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#xD;',
  '\t': '&#x9;',
  '\n': '&#xA;',
};

/** Escapes text for an XML attribute (all of the above) or element content (newlines kept). */
export function escapeXml(value: string, attribute: boolean): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than written as invalid XML.
  const clean = value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
  return clean.replace(attribute ? /[&<>"\r\t\n]/g : /[&<>\r]/g, (c) => XML_ESCAPES[c] ?? c);
}

/** An element name for a property IRI: a declared prefix and a local part that is an XML name. */
function qname(iri: string): string {
  for (const [prefix, ns] of Object.entries(NS)) {
    if (iri.startsWith(ns) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(ns.length)))
      return `${prefix}:${iri.slice(ns.length)}`;
  }
  throw new Error(`No XML name for the property ${iri}`);
}

function subjectAttribute(term: Term): string {
  return term.termType === 'BlankNode'
    ? `rdf:nodeID="${escapeXml(term.value, true)}"`
    : `rdf:about="${escapeXml(term.value, true)}"`;
}

/** RDF/XML: one rdf:Description per subject; objects as rdf:resource / rdf:nodeID or typed, tagged text. */
export function toRdfXml(quads: readonly Quad[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const xmlns = Object.entries(NS)
    .map(([prefix, ns]) => `xmlns:${prefix}="${escapeXml(ns, true)}"`)
    .join('\n    ');
  lines.push(`<rdf:RDF\n    ${xmlns}>`);
  for (const { subject, quads: own } of bySubject(quads).values()) {
    lines.push(`  <rdf:Description ${subjectAttribute(subject)}>`);
    for (const q of own) {
      const name = qname(q.predicate.value);
      const o = q.object;
      if (o.termType === 'NamedNode') lines.push(`    <${name} rdf:resource="${escapeXml(o.value, true)}"/>`);
      else if (o.termType === 'BlankNode')
        lines.push(`    <${name} rdf:nodeID="${escapeXml(o.value, true)}"/>`);
      else if (o.termType === 'Literal') {
        const attr = o.language
          ? ` xml:lang="${escapeXml(o.language, true)}"`
          : o.datatype.value !== `${NS.xsd}string`
            ? ` rdf:datatype="${escapeXml(o.datatype.value, true)}"`
            : '';
        lines.push(`    <${name}${attr}>${escapeXml(o.value, false)}</${name}>`);
      }
    }
    lines.push('  </rdf:Description>');
  }
  lines.push('</rdf:RDF>', '');
  return lines.join('\n');
}
