import type { Geometry, Position } from 'geojson';
import { simplifyLine } from './taiwan-outline.ts';

/**
 * The projection of the server-drawn map (the map without JavaScript): equirectangular
 * over a small box, with longitudes shortened by the cosine of the box's middle
 * latitude, which over Taiwan's few degrees looks like the web map within a percent or
 * two. Screen y grows downwards.
 */

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

/** Taiwan with Penghu, Kinmen and Matsu: the view when there is nothing to zoom to. */
export const TAIWAN_BBOX: Bbox = [118.1, 21.8, 122.1, 26.4];

/** The smallest span (degrees) a view covers, so one point still shows its surroundings. */
const MIN_SPAN = 0.5;

export interface Projection {
  width: number;
  height: number;
  bbox: Bbox;
  /** [lon, lat] → [x, y] in the SVG's user units. */
  project(lon: number, lat: number): [number, number];
}

function eachPosition(geometry: Geometry, visit: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      return visit(geometry.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates.forEach(visit);
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.forEach((line) => line.forEach(visit));
    case 'MultiPolygon':
      return geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
    case 'GeometryCollection':
      return geometry.geometries.forEach((g) => eachPosition(g, visit));
  }
}

/** The box around the geometries, or undefined when there are none. */
export function bboxOf(geometries: Iterable<Geometry>): Bbox | undefined {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const geometry of geometries) {
    eachPosition(geometry, ([x = 0, y = 0]) => {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    });
  }
  return Number.isFinite(box[0]) ? box : undefined;
}

/** The box grown by a margin on every side and to at least MIN_SPAN each way. */
export function viewBbox(box: Bbox | undefined, margin = 0.1): Bbox {
  if (!box) return TAIWAN_BBOX;
  const [west, south, east, north] = box;
  const padLon = Math.max((east - west) * margin, (MIN_SPAN - (east - west)) / 2, 0);
  const padLat = Math.max((north - south) * margin, (MIN_SPAN - (north - south)) / 2, 0);
  return [west - padLon, south - padLat, east + padLon, north + padLat];
}

/** A projection of the box onto an SVG `width` units wide (its height follows the box's shape). */
export function projection(bbox: Bbox, width = 640): Projection {
  const [west, south, east, north] = bbox;
  const cos = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = width / ((east - west) * cos);
  const height = Math.round((north - south) * scale);
  return {
    width,
    height,
    bbox,
    project: (lon, lat) => [(lon - west) * cos * scale, (north - lat) * scale],
  };
}

const fixed = (n: number) => Number(n.toFixed(1));

/**
 * SVG path data of a geometry's lines and rings, simplified to the drawing's resolution
 * (half a unit) and with one decimal: small enough to send in the page.
 */
export function pathData(geometry: Geometry, view: Projection): string {
  const parts: string[] = [];
  const line = (positions: readonly Position[], close: boolean) => {
    const projected = positions.map(([lon = 0, lat = 0]) => view.project(lon, lat));
    const simple = simplifyLine(projected, 0.5);
    if (simple.length < 2) return;
    const [first, ...rest] = simple;
    parts.push(
      `M${fixed(first![0]!)} ${fixed(first![1]!)}` +
        rest.map(([x = 0, y = 0]) => `L${fixed(x)} ${fixed(y)}`).join('') +
        (close ? 'Z' : ''),
    );
  };
  const draw = (g: Geometry) => {
    switch (g.type) {
      case 'LineString':
        return line(g.coordinates, false);
      case 'MultiLineString':
        return g.coordinates.forEach((l) => line(l, false));
      case 'Polygon':
        return g.coordinates.forEach((ring) => line(ring, true));
      case 'MultiPolygon':
        return g.coordinates.forEach((polygon) => polygon.forEach((ring) => line(ring, true)));
      case 'GeometryCollection':
        return g.geometries.forEach(draw);
      default:
        return undefined;
    }
  };
  draw(geometry);
  return parts.join('');
}

/** The points of a geometry (Point and MultiPoint, also inside collections). */
export function pointsOf(geometry: Geometry): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'MultiPoint') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(pointsOf);
  return [];
}

/** Whether two boxes overlap. */
export function overlaps(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
