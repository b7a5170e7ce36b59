import type { Feature, FeatureCollection, Geometry, LineString, Point, Polygon, Position } from 'geojson';
import { XMLParser } from 'fast-xml-parser';

/**
 * KML resources drawn on a map: the Placemarks of a KML document (Point, LineString,
 * Polygon, and MultiGeometry of those) as a GeoJSON FeatureCollection, their name,
 * description and ExtendedData as properties. Read defensively: the size is capped, a
 * document with a DOCTYPE is refused (KML needs none, and it is how entity-expansion
 * bombs arrive), entities are not expanded (only the five XML ones and character
 * references are decoded), and descriptions stay text — whatever HTML or script they
 * hold is shown as characters, never as markup.
 */

/** The largest KML document converted. */
export const MAX_KML_BYTES = 10 * 1024 * 1024;
/** The most Placemarks converted; a document with more is refused rather than cut silently. */
export const MAX_KML_PLACEMARKS = 20_000;

export type MapProperties = Record<string, string | number | boolean | null>;
export type MapFeatureCollection = FeatureCollection<Geometry, MapProperties>;

/** A KML document that cannot be drawn: the message says why. */
export class KmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KmlError';
  }
}

const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Entity expansion off: a DOCTYPE's entities are never substituted.
  processEntities: false,
  htmlEntities: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: '#cdata',
  trimValues: true,
});

type XmlNode = Record<string, unknown>;

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five XML entities and character references, decoded once; anything else stays as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** An element's text: its decoded text and its CDATA sections (taken as they are). */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return decodeXmlText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (!isNode(value)) return undefined;
  const parts = [
    ...list(value['#text']).map((t) => decodeXmlText(String(t))),
    ...list(value['#cdata']).map(String),
  ];
  return parts.length > 0 ? parts.join('') : undefined;
}

function parseCoordinates(text: string | undefined, where: string): Position[] {
  if (!text) return [];
  return text
    .trim()
    .split(/\s+/)
    .filter((tuple) => tuple !== '')
    .map((tuple) => {
      const [lon, lat] = tuple.split(',').map(Number);
      if (
        lon === undefined ||
        lat === undefined ||
        !Number.isFinite(lon) ||
        !Number.isFinite(lat) ||
        Math.abs(lon) > 180 ||
        Math.abs(lat) > 90
      ) {
        throw new KmlError(`${where}: "${tuple.slice(0, 40)}" is not a longitude,latitude pair`);
      }
      return [lon, lat];
    });
}

function point(node: XmlNode, where: string): Point | undefined {
  const [position] = parseCoordinates(textOf(node.coordinates), where);
  return position ? { type: 'Point', coordinates: position } : undefined;
}

function lineString(node: XmlNode, where: string): LineString | undefined {
  const positions = parseCoordinates(textOf(node.coordinates), where);
  return positions.length >= 2 ? { type: 'LineString', coordinates: positions } : undefined;
}

function ring(boundary: unknown, where: string): Position[] | undefined {
  const linearRing = isNode(boundary) ? list(boundary.LinearRing)[0] : undefined;
  if (!isNode(linearRing)) return undefined;
  const positions = parseCoordinates(textOf(linearRing.coordinates), where);
  if (positions.length < 3) return undefined;
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  // GeoJSON rings are closed; KML writers sometimes leave the last point off.
  if (first[0] !== last[0] || first[1] !== last[1]) positions.push([...first]);
  return positions.length >= 4 ? positions : undefined;
}

function polygon(node: XmlNode, where: string): Polygon | undefined {
  const outer = ring(list(node.outerBoundaryIs)[0], where);
  if (!outer) return undefined;
  const holes = list(node.innerBoundaryIs)
    .map((inner) => ring(inner, where))
    .filter((r): r is Position[] => r !== undefined);
  return { type: 'Polygon', coordinates: [outer, ...holes] };
}

/** The geometries of a Placemark or MultiGeometry, in document order of kind. */
function geometries(node: XmlNode, where: string): Geometry[] {
  const found: Geometry[] = [];
  for (const p of list(node.Point))
    if (isNode(p)) found.push(...[point(p, where)].filter((g) => g !== undefined));
  for (const l of list(node.LineString)) {
    if (isNode(l)) found.push(...[lineString(l, where)].filter((g) => g !== undefined));
  }
  for (const p of list(node.Polygon)) {
    if (isNode(p)) found.push(...[polygon(p, where)].filter((g) => g !== undefined));
  }
  for (const m of list(node.MultiGeometry)) if (isNode(m)) found.push(...geometries(m, where));
  return found;
}

/** ExtendedData: `<Data name><value>` and `<SchemaData><SimpleData name>` pairs. */
function extendedData(node: XmlNode): MapProperties {
  const properties: MapProperties = {};
  for (const extended of list(node.ExtendedData)) {
    if (!isNode(extended)) continue;
    for (const data of list(extended.Data)) {
      if (!isNode(data) || typeof data['@_name'] !== 'string') continue;
      properties[data['@_name']] = textOf(data.value) ?? null;
    }
    for (const schemaData of list(extended.SchemaData)) {
      if (!isNode(schemaData)) continue;
      for (const simple of list(schemaData.SimpleData)) {
        if (!isNode(simple) || typeof simple['@_name'] !== 'string') continue;
        properties[simple['@_name']] = textOf(simple) ?? null;
      }
    }
  }
  return properties;
}

/** Every Placemark under a node (Documents and Folders nest), depth first. */
function placemarks(node: XmlNode, out: XmlNode[]): void {
  for (const placemark of list(node.Placemark)) {
    if (isNode(placemark)) out.push(placemark);
    if (out.length > MAX_KML_PLACEMARKS) {
      throw new KmlError(`The KML has more than ${MAX_KML_PLACEMARKS} placemarks`);
    }
  }
  for (const key of ['Document', 'Folder']) {
    for (const child of list(node[key])) if (isNode(child)) placemarks(child, out);
  }
}

function featureOf(placemark: XmlNode, index: number): Feature<Geometry, MapProperties> | undefined {
  const where = `Placemark ${index + 1}`;
  const shapes = geometries(placemark, where);
  if (shapes.length === 0) return undefined;
  const geometry: Geometry =
    shapes.length === 1 ? shapes[0]! : { type: 'GeometryCollection', geometries: shapes };
  const properties: MapProperties = {
    ...extendedData(placemark),
    name: textOf(placemark.name) ?? null,
    description: textOf(placemark.description) ?? null,
  };
  return { type: 'Feature', properties, geometry };
}

/** Converts a KML document (its text) to GeoJSON; a KmlError says why one cannot be. */
export function kmlToGeoJson(kml: string): MapFeatureCollection {
  if (Buffer.byteLength(kml, 'utf8') > MAX_KML_BYTES) {
    throw new KmlError(`The KML is over ${MAX_KML_BYTES / 1024 / 1024} MB`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(kml)) {
    throw new KmlError('The KML has a DOCTYPE (entity declarations), which KML never needs: refused');
  }
  let parsed: unknown;
  try {
    parsed = PARSER.parse(kml, true);
  } catch (error) {
    throw new KmlError(`The KML is not well-formed XML: ${(error as Error).message}`);
  }
  const root = isNode(parsed) ? parsed.kml : undefined;
  if (!isNode(root)) throw new KmlError('The document is not KML (its root element is not <kml>)');
  const found: XmlNode[] = [];
  placemarks(root, found);
  const features = found
    .map((placemark, index) => featureOf(placemark, index))
    .filter((f): f is Feature<Geometry, MapProperties> => f !== undefined);
  return { type: 'FeatureCollection', features };
}
