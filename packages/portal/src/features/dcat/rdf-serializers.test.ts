import { DataFactory } from 'n3';
import rdf from 'rdf-ext';
import { describe, expect, it } from 'vitest';
import { escapeXml, toRdfXml } from './rdf-serializers.ts';

const { namedNode, literal, quad } = DataFactory;

describe('RDF/XML writer', () => {
  it('escapes markup, quotes, newlines and characters XML cannot carry', async () => {
    const title = `A & B <c> "d" 'e'\r\n]]> ${String.fromCharCode(1)}end`;
    const about = "https://example.org/x?a=1&b='2'";
    const xml = toRdfXml([
      quad(namedNode(about), namedNode('http://purl.org/dc/terms/title'), literal(title, 'zh-Hant')),
      quad(
        namedNode(about),
        namedNode('http://www.w3.org/ns/dcat#byteSize'),
        literal('12', namedNode('http://www.w3.org/2001/XMLSchema#nonNegativeInteger')),
      ),
    ]);
    const [t, size] = [...(await rdf.io.dataset.fromText('application/rdf+xml', xml))];
    expect(t?.subject.value).toBe(about);
    expect(t?.object.value).toBe(title.replace(String.fromCharCode(1), ''));
    expect(size?.object).toMatchObject({ value: '12' });
    expect(escapeXml('<a href="x">&</a>', true)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('refuses a property it cannot name in XML', () => {
    expect(() =>
      toRdfXml([quad(namedNode('https://e.org/s'), namedNode('https://e.org/p/1x'), literal('v'))]),
    ).toThrow(/No XML name/);
  });
});
