import { DataFactory, type NamedNode, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { NS, type Prefix } from './dcat-vocabularies.ts';

const { namedNode, literal, quad } = DataFactory;

export function iri(value: string): NamedNode {
  return namedNode(value);
}

/** `prefix:local` as an IRI node. */
export function term(prefix: Prefix, local: string): NamedNode {
  return namedNode(`${NS[prefix]}${local}`);
}

const RDF_TYPE = term('rdf', 'type');

export function text(value: string, language?: string): ReturnType<typeof literal> {
  return language ? literal(value, language) : literal(value);
}

export function typed(value: string, datatype: string): ReturnType<typeof literal> {
  return literal(value, namedNode(`${NS.xsd}${datatype}`));
}

/**
 * An RDF graph under construction: quads in insertion order, each added once, so the
 * type triple of a node shared by many datasets (a licence, a theme) appears once.
 */
export class RdfGraph {
  readonly quads: Quad[] = [];
  private readonly seen = new Set<string>();

  add(subject: Quad_Subject, p: NamedNode, object: Quad_Object): this {
    const key = `${subject.termType}|${subject.value}|${p.value}|${object.termType}|${object.value}|${
      object.termType === 'Literal' ? `${object.language}|${object.datatype.value}` : ''
    }`;
    if (this.seen.has(key)) return this;
    this.seen.add(key);
    this.quads.push(quad(subject, p, object));
    return this;
  }

  /** `subject a prefix:Class`. */
  type(subject: Quad_Subject, prefix: Prefix, cls: string): this {
    return this.add(subject, RDF_TYPE, term(prefix, cls));
  }
}

/** A URL as an IRI node, percent-encoded; undefined when it is not an absolute http(s) URL. */
export function urlIri(raw: string | null | undefined): NamedNode | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return namedNode(url.href);
  } catch {
    return undefined;
  }
}
