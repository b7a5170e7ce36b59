// The part of rdf-ext the tests use to parse RDF/XML and JSON-LD back (rdf-ext ships no types).
declare module 'rdf-ext' {
  import type { Quad } from 'n3';

  const rdf: {
    io: { dataset: { fromText(mediaType: string, text: string): Promise<Iterable<Quad>> } };
  };
  export default rdf;
}
