import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { CountyFeature, CountyOutline } from './taiwan-outline.ts';

/**
 * Which county (縣市) a point lies in: a ray-casting point-in-polygon test over the
 * outline's rings (holes subtract), with each county's bounding box tried first.
 */

/** Whether [lon, lat] lies inside the ring (even–odd rule). */
function inRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, rings: readonly Position[][]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !inRing(lon, lat, outer)) return false;
  return !holes.some((hole) => inRing(lon, lat, hole));
}

/** Whether the point [lon, lat] lies inside the polygon or multipolygon. */
export function pointInGeometry(lon: number, lat: number, geometry: Polygon | MultiPolygon): boolean {
  if (geometry.type === 'Polygon') return inPolygon(lon, lat, geometry.coordinates);
  return geometry.coordinates.some((rings) => inPolygon(lon, lat, rings));
}

interface Indexed {
  county: CountyFeature;
  box: [number, number, number, number];
}

function boxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    for (const [x = 0, y = 0] of rings[0] ?? []) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/** A lookup of the county a point is in, over one outline. */
export class CountyLookup {
  readonly #counties: Indexed[];

  constructor(outline: CountyOutline) {
    this.#counties = outline.features.map((county) => ({ county, box: boxOf(county.geometry) }));
  }

  /** The county containing [lon, lat], or undefined (at sea, abroad, or between simplified borders). */
  countyAt(lon: number, lat: number): CountyFeature | undefined {
    for (const { county, box } of this.#counties) {
      if (lon < box[0] || lat < box[1] || lon > box[2] || lat > box[3]) continue;
      if (pointInGeometry(lon, lat, county.geometry)) return county;
    }
    return undefined;
  }

  /** The county of this name (臺東縣), or undefined. */
  byName(name: string): CountyFeature | undefined {
    return this.#counties.find(({ county }) => county.properties.name === name)?.county;
  }
}
