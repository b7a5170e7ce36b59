import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { CountyLookup } from './county-lookup.ts';
import { GeoJsonError, readGeoJson } from './geojson-resource.ts';
import {
  decodeXmlText,
  KmlError,
  kmlToGeoJson,
  MAX_KML_BYTES,
  MAX_KML_PLACEMARKS,
} from './kml-to-geojson.ts';
import { mapLocations } from './map-locations.ts';
import { taiwanOutline } from './taiwan-outline.ts';

/** KML and GeoJSON resources read for the map: what is drawn, and what hostile files cannot do. */

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>臺東縣景點</name>
    <Folder>
      <Placemark>
        <name>臺東車站 &amp; 轉運站</name>
        <description><![CDATA[<p>火車站</p>]]></description>
        <ExtendedData>
          <Data name="電話"><value>089-229-685</value></Data>
          <SchemaData schemaUrl="#s"><SimpleData name="類別">交通</SimpleData></SchemaData>
        </ExtendedData>
        <Point><coordinates>121.1468,22.7554,0</coordinates></Point>
      </Placemark>
    </Folder>
    <Placemark>
      <name>海岸步道</name>
      <LineString><coordinates>
        121.15,22.75,0 121.16,22.76,0
        121.17,22.765,0
      </coordinates></LineString>
    </Placemark>
    <Placemark>
      <name>森林公園</name>
      <Polygon>
        <outerBoundaryIs><LinearRing><coordinates>121.16,22.76 121.17,22.76 121.17,22.77 121.16,22.77</coordinates></LinearRing></outerBoundaryIs>
        <innerBoundaryIs><LinearRing><coordinates>121.163,22.763 121.165,22.763 121.165,22.765 121.163,22.763</coordinates></LinearRing></innerBoundaryIs>
      </Polygon>
    </Placemark>
    <Placemark>
      <name>兩處</name>
      <MultiGeometry>
        <Point><coordinates>121.0,22.7</coordinates></Point>
        <Point><coordinates>121.1,22.8</coordinates></Point>
      </MultiGeometry>
    </Placemark>
    <Placemark><name>沒有位置</name></Placemark>
  </Document>
</kml>`;

describe('kmlToGeoJson', () => {
  it('turns Placemarks (Point, LineString, Polygon, MultiGeometry) into features with their name, description and data', () => {
    const collection = kmlToGeoJson(KML);
    expect(collection.features).toHaveLength(4);
    const named = (name: string) => collection.features.find((f) => f.properties.name === name);
    const [station, trail, park, pair] = ['臺東車站 & 轉運站', '海岸步道', '森林公園', '兩處'].map(named);
    expect(station).toEqual({
      type: 'Feature',
      properties: {
        電話: '089-229-685',
        類別: '交通',
        name: '臺東車站 & 轉運站',
        description: '<p>火車站</p>',
      },
      geometry: { type: 'Point', coordinates: [121.1468, 22.7554] },
    });
    expect(trail!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [121.15, 22.75],
        [121.16, 22.76],
        [121.17, 22.765],
      ],
    });
    // The ring left open by the writer is closed; the hole is kept.
    expect(park!.geometry.type).toBe('Polygon');
    const rings = (park!.geometry as { coordinates: number[][][] }).coordinates;
    expect(rings).toHaveLength(2);
    expect(rings[0]![0]).toEqual(rings[0]![rings[0]!.length - 1]);
    expect(pair!.geometry.type).toBe('GeometryCollection');
  });

  it('refuses a document with a DOCTYPE: an entity bomb is never expanded', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE kml [',
      '  <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
      ']>',
      '<kml><Placemark><name>&lol9;</name><Point><coordinates>121,23</coordinates></Point></Placemark></kml>',
    ].join('\n');
    const started = Date.now();
    expect(() => kmlToGeoJson(lol)).toThrow(KmlError);
    expect(() => kmlToGeoJson(lol)).toThrow(/DOCTYPE/);
    expect(Date.now() - started).toBeLessThan(5000);
    // An entity reference with no DOCTYPE stays as written.
    const plain = kmlToGeoJson(
      '<kml><Placemark><name>&lol9; &lt;b&gt;</name><Point><coordinates>121,23</coordinates></Point></Placemark></kml>',
    );
    expect(plain.features[0]!.properties.name).toBe('&lol9; <b>');
  });

  it('keeps script in a description as text, which the page renders inert', () => {
    const hostile = `<kml><Placemark>
      <name>&lt;img src=x onerror=alert(1)&gt;</name>
      <description><![CDATA[<script>alert('x')</script><a href="javascript:alert(2)">go</a>]]></description>
      <Point><coordinates>121.1468,22.7554</coordinates></Point>
    </Placemark></kml>`;
    const collection = kmlToGeoJson(hostile);
    const feature = collection.features[0]!;
    expect(feature.properties.description).toBe(
      `<script>alert('x')</script><a href="javascript:alert(2)">go</a>`,
    );
    expect(feature.properties.name).toBe('<img src=x onerror=alert(1)>');
    // In the table of locations, the name is text: escaped by the renderer.
    const [row] = mapLocations(collection, new CountyLookup(taiwanOutline().outline), 10);
    const html = render(<td>{row!.name}</td>);
    expect(html).toBe('<td>&lt;img src=x onerror=alert(1)></td>');
    expect(row!.county).toBe('臺東縣');
  });

  it('refuses what is not KML, is malformed, too large or has too many placemarks', () => {
    expect(() => kmlToGeoJson('<gpx><wpt/></gpx>')).toThrow(/not KML/);
    expect(() => kmlToGeoJson('<kml><Placemark></kml>')).toThrow(/not well-formed/);
    expect(() => kmlToGeoJson(`<kml>${' '.repeat(MAX_KML_BYTES)}</kml>`)).toThrow(/over 10 MB/);
    const many = `<kml><Document>${'<Placemark><Point><coordinates>121,23</coordinates></Point></Placemark>'.repeat(
      MAX_KML_PLACEMARKS + 1,
    )}</Document></kml>`;
    expect(() => kmlToGeoJson(many)).toThrow(/more than 20000 placemarks/);
    expect(() =>
      kmlToGeoJson('<kml><Placemark><Point><coordinates>east,north</coordinates></Point></Placemark></kml>'),
    ).toThrow(/Placemark 1: "east,north" is not a longitude,latitude pair/);
  });

  it('decodes only the five XML entities and character references', () => {
    expect(decodeXmlText('&amp;&lt;&gt;&quot;&apos;&#x53F0;&#33;&nbsp;&bogus;')).toBe(
      '&<>"\'台!&nbsp;&bogus;',
    );
  });
});

describe('readGeoJson', () => {
  it('rebuilds a FeatureCollection from what it checked', () => {
    const collection = readGeoJson(
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name' },
        features: [
          {
            type: 'Feature',
            id: 1,
            properties: { 名稱: '站', nested: { a: 1 } },
            geometry: { type: 'Point', coordinates: [121, 23, 100] },
          },
          { type: 'Feature', properties: null, geometry: null },
        ],
      }),
    );
    expect(collection).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 名稱: '站', nested: '{"a":1}' },
          geometry: { type: 'Point', coordinates: [121, 23] },
        },
      ],
    });
  });

  it('takes a lone Feature or geometry', () => {
    expect(readGeoJson('{"type":"Point","coordinates":[121,23]}').features).toHaveLength(1);
    expect(
      readGeoJson(
        '\uFEFF{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[121,23],[121.1,23.1]]}}',
      ).features[0]!.geometry.type,
    ).toBe('LineString');
  });

  it.each([
    ['not JSON', '<html>', /not JSON/],
    ['no type', '{"features":[]}', /no top-level "type"/],
    ['bad geometry type', '{"type":"Circle","coordinates":[1,2]}', /not a geometry type/],
    ['position out of range', '{"type":"Point","coordinates":[300,23]}', /longitude, latitude/],
    ['text position', '{"type":"Point","coordinates":["121","23"]}', /longitude, latitude/],
    [
      'not a Feature',
      '{"type":"FeatureCollection","features":[{"type":"Point"}]}',
      /feature 1 is not a Feature/,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => readGeoJson(text)).toThrow(GeoJsonError);
    expect(() => readGeoJson(text)).toThrow(message);
  });
});
