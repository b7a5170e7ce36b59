import type { Feature, Geometry, Position } from 'geojson';
import type { MapFeatureCollection, MapProperties } from './kml-to-geojson.ts';

/**
 * GeoJSON resources drawn on a map: the fetched file is checked to be GeoJSON (RFC 7946:
 * a FeatureCollection, a Feature or a bare geometry, with numeric positions in range)
 * and rebuilt as a FeatureCollection from what was checked, so what the portal serves
 * under its own origin is plain data, whatever else the file held. Property values
 * that are objects or arrays are kept as their JSON text.
 */

/** The most features drawn; a file with more is refused rather than cut silently. */
export const MAX_GEOJSON_FEATURES = 50_000;

/** A file that is not GeoJSON the map can draw: the message says why. */
export class GeoJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeoJsonError';
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function position(value: unknown, where: string): Position {
  if (
    !Array.isArray(value) ||
    value.length < 2 ||
    !value.every((n) => typeof n === 'number' && Number.isFinite(n)) ||
    Math.abs(value[0] as number) > 180 ||
    Math.abs(value[1] as number) > 90
  ) {
    throw new GeoJsonError(`${where}: a position must be [longitude, latitude] in degrees`);
  }
  return [value[0] as number, value[1] as number];
}

function positions(value: unknown, depth: number, where: string): unknown {
  if (depth === 0) return position(value, where);
  if (!Array.isArray(value)) throw new GeoJsonError(`${where}: coordinates must be arrays`);
  return value.map((v) => positions(v, depth - 1, where));
}

const DEPTH = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
} as const;

function geometry(value: unknown, where: string, nesting = 0): Geometry | null {
  if (value === null) return null;
  if (!isObject(value) || typeof value.type !== 'string') {
    throw new GeoJsonError(`${where}: a geometry must be an object with a "type"`);
  }
  if (value.type === 'GeometryCollection') {
    if (nesting > 2 || !Array.isArray(value.geometries)) {
      throw new GeoJsonError(`${where}: a GeometryCollection must hold a "geometries" array`);
    }
    return {
      type: 'GeometryCollection',
      geometries: value.geometries
        .map((g) => geometry(g, where, nesting + 1))
        .filter((g): g is Geometry => g !== null),
    };
  }
  if (!(value.type in DEPTH))
    throw new GeoJsonError(`${where}: "${value.type.slice(0, 40)}" is not a geometry type`);
  const type = value.type as keyof typeof DEPTH;
  return { type, coordinates: positions(value.coordinates, DEPTH[type], where) } as Geometry;
}

function properties(value: unknown): MapProperties {
  if (!isObject(value)) return {};
  const out: MapProperties = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
        ? v
        : JSON.stringify(v);
  }
  return out;
}

function feature(value: unknown, index: number): Feature<Geometry, MapProperties> | undefined {
  const where = `feature ${index + 1}`;
  if (!isObject(value) || value.type !== 'Feature') throw new GeoJsonError(`${where} is not a Feature`);
  const shape = geometry(value.geometry, where);
  return shape ? { type: 'Feature', properties: properties(value.properties), geometry: shape } : undefined;
}

/** Reads GeoJSON text into a FeatureCollection (features without geometry left out); a GeoJsonError when it is not. */
export function readGeoJson(text: string): MapFeatureCollection {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new GeoJsonError('The file is not JSON');
  }
  if (!isObject(parsed) || typeof parsed.type !== 'string') {
    throw new GeoJsonError('The file is not GeoJSON: no top-level "type"');
  }
  let items: unknown[];
  if (parsed.type === 'FeatureCollection') {
    if (!Array.isArray(parsed.features))
      throw new GeoJsonError('A FeatureCollection must have a "features" array');
    items = parsed.features;
  } else if (parsed.type === 'Feature') {
    items = [parsed];
  } else {
    items = [{ type: 'Feature', properties: {}, geometry: parsed }];
  }
  if (items.length > MAX_GEOJSON_FEATURES) {
    throw new GeoJsonError(`The file has more than ${MAX_GEOJSON_FEATURES} features`);
  }
  return {
    type: 'FeatureCollection',
    features: items
      .map((item, index) => feature(item, index))
      .filter((f): f is Feature<Geometry, MapProperties> => f !== undefined),
  };
}
