import { toHalfWidth } from './width.ts';

/**
 * What a pair of numbers read as (first, second) looks like:
 * `twd97` = (X, Y) in TWD97 TM2 metres, `wgs84` = (lon, lat) in degrees,
 * and `-swapped` when the two are the other way round.
 */
export type CoordinatePairKind = 'twd97' | 'twd97-swapped' | 'wgs84' | 'wgs84-swapped';

/**
 * Plausible ranges around Taiwan. TWD97 X (easting) ~100,000–400,000 m; Y (northing)
 * 2,400,000–2,800,000 m on the main island (EPSG:3826), up to ~2,950,000 m for Matsu in
 * EPSG:3825. WGS84 lon 118–123° (Kinmen to Orchid Island), lat 21–27°.
 */
export const TWD97_X_RANGE = [100_000, 400_000] as const;
export const TWD97_Y_RANGE = [2_400_000, 2_950_000] as const;
export const TAIWAN_LON_RANGE = [118, 123] as const;
export const TAIWAN_LAT_RANGE = [21, 27] as const;

const within = (value: number, [min, max]: readonly [number, number]): boolean =>
  value >= min && value <= max;

/** Classify a pair of numbers; undefined when it is no plausible coordinate in or around Taiwan. */
export function classifyCoordinatePair(first: number, second: number): CoordinatePairKind | undefined {
  if (!Number.isFinite(first) || !Number.isFinite(second)) return undefined;
  if (within(first, TWD97_X_RANGE) && within(second, TWD97_Y_RANGE)) return 'twd97';
  if (within(first, TWD97_Y_RANGE) && within(second, TWD97_X_RANGE)) return 'twd97-swapped';
  if (within(first, TAIWAN_LON_RANGE) && within(second, TAIWAN_LAT_RANGE)) return 'wgs84';
  if (within(first, TAIWAN_LAT_RANGE) && within(second, TAIWAN_LON_RANGE)) return 'wgs84-swapped';
  return undefined;
}

/** A coordinate cell as a number (`265059.16`, `２６５０５９．１６`, ` 121.5 `); null when it is none. */
export function parseCoordinate(value: string | null | undefined): number | null {
  if (value && isPlainDecimal(value)) return Number(value);
  const text = toHalfWidth(value ?? '')
    .trim()
    .replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}

/** `265059.16`, `-3`, `.5`: ASCII digits with at most one point (the form most cells have). */
function isPlainDecimal(value: string): boolean {
  let i = value.charCodeAt(0) === 0x2d || value.charCodeAt(0) === 0x2b ? 1 : 0;
  let digits = 0;
  let points = 0;
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2e && points === 0) points++;
    else return false;
  }
  return digits > 0;
}
