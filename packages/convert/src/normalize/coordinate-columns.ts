import { toHalfWidth } from './width.ts';

/**
 * Which columns hold a point: `projected` for X/Y (usually TWD97 TM2 metres; check the
 * values with `classifyCoordinatePair`), `geographic` for longitude/latitude in degrees.
 */
export interface CoordinateColumns {
  x: number;
  y: number;
  system: 'projected' | 'geographic';
}

/** Header spellings once reduced by `headerKey` (lower case; no spaces, brackets, TWD97/WGS84 tags). */
const X_NAMES = new Set([
  'x',
  'x坐標',
  'x座標',
  'x坐标',
  '坐標x',
  '座標x',
  '橫坐標',
  '橫座標',
  'xcoord',
  'xcoordinate',
  'easting',
  '東距',
]);
const Y_NAMES = new Set([
  'y',
  'y坐標',
  'y座標',
  'y坐标',
  '坐標y',
  '座標y',
  '縱坐標',
  '縱座標',
  'ycoord',
  'ycoordinate',
  'northing',
  '北距',
]);
const LON_NAMES = new Set([
  'lon',
  'lng',
  'long',
  'longitude',
  '經度',
  '经度',
  '經度坐標',
  '經度座標',
  'x經度',
]);
const LAT_NAMES = new Set(['lat', 'latitude', '緯度', '纬度', '緯度坐標', '緯度座標', 'y緯度']);

/** `TWD97 X坐標` → `x坐標`, `WGS84_Longitude` → `longitude`, `經度(度)` → `經度`. */
export function headerKey(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/\((度|公尺|m|deg)\)/g, '')
    .replace(/twd97|twd|tm2|wgs84|wgs/g, '')
    .replace(/[\s_\-()[\]:.]/g, '');
}

/**
 * Find the X/Y (or longitude/latitude) columns of a table by their header names
 * (X坐標, Y坐標, X座標, TWD97X, 橫座標/縱座標, lon/lat, 經度/緯度, longitude/latitude…).
 * Undefined unless exactly one column of each of a pair is found. Longitude/latitude wins
 * over X/Y when a table has both.
 */
export function detectCoordinateColumns(headers: readonly string[]): CoordinateColumns | undefined {
  const keys = headers.map(headerKey);
  const only = (names: ReadonlySet<string>): number | undefined => {
    const found = keys.flatMap((key, index) => (names.has(key) ? [index] : []));
    return found.length === 1 ? found[0] : undefined;
  };
  const lon = only(LON_NAMES);
  const lat = only(LAT_NAMES);
  if (lon !== undefined && lat !== undefined) return { x: lon, y: lat, system: 'geographic' };
  const x = only(X_NAMES);
  const y = only(Y_NAMES);
  if (x !== undefined && y !== undefined) return { x, y, system: 'projected' };
  return undefined;
}
