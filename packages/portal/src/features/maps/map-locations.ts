import type { Feature, Geometry } from 'geojson';
import type { CountyLookup } from './county-lookup.ts';
import type { MapFeatureCollection, MapProperties } from './kml-to-geojson.ts';
import { bboxOf, pointsOf } from './map-projection.ts';

/**
 * The rows of the map page's table of locations (位置表), the accessible alternative to
 * the map: each feature's name, kind, a position (the point, or the middle of a line's or
 * area's box) and the county it falls in.
 */

export type LocationKind = 'point' | 'line' | 'area';

export interface MapLocation {
  name: string;
  kind: LocationKind;
  lon: number;
  lat: number;
  /** The county (縣市) from the outline, or null (at sea, or outside Taiwan). */
  county: string | null;
}

/** Property names that hold a feature's name, most telling first (名稱 matches 收容所名稱 too). */
const NAME_PATTERNS = [/^name$/i, /名稱$/, /^title$/i, /name/i, /名稱/, /標題|站名|地名/];

/** The property that names features, or undefined. */
export function nameProperty(properties: MapProperties | null): string | undefined {
  const keys = Object.keys(properties ?? {});
  for (const pattern of NAME_PATTERNS) {
    const key = keys.find((k) => pattern.test(k) && typeof properties?.[k] === 'string');
    if (key) return key;
  }
  return undefined;
}

function kindOf(geometry: Geometry): LocationKind {
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint':
      return 'point';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'area';
    case 'GeometryCollection':
      return geometry.geometries[0] ? kindOf(geometry.geometries[0]) : 'point';
  }
}

function where(geometry: Geometry): [number, number] | undefined {
  const [point] = pointsOf(geometry);
  if (point) return [point[0] ?? 0, point[1] ?? 0];
  const box = bboxOf([geometry]);
  return box ? [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] : undefined;
}

/** The table rows of the first `limit` features, numbered names for unnamed ones. */
export function mapLocations(
  collection: MapFeatureCollection,
  counties: CountyLookup,
  limit: number,
): MapLocation[] {
  const key = nameProperty(collection.features[0]?.properties ?? null);
  const rows: MapLocation[] = [];
  collection.features.slice(0, limit).forEach((feature: Feature<Geometry, MapProperties>, index) => {
    const position = where(feature.geometry);
    if (!position) return;
    const [lon, lat] = position;
    const named = key === undefined ? undefined : feature.properties?.[key];
    rows.push({
      name: typeof named === 'string' && named.trim() !== '' ? named : `#${index + 1}`,
      kind: kindOf(feature.geometry),
      lon,
      lat,
      county: counties.countyAt(lon, lat)?.properties.name ?? null,
    });
  });
  return rows;
}
