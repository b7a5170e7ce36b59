import { classifyCoordinatePair } from './coordinate-pair.ts';
import type { NormalizeCounts } from './normalize-counts.ts';
import { twd97ToWgs84Into, type LonLat } from './twd97.ts';

/** Rounded to 7 decimals (about 1 cm): by arithmetic, far cheaper than formatting and parsing text. */
const roundTo7 = (degrees: number): number => Math.round(degrees * 1e7) / 1e7;

/**
 * WGS84 longitude/latitude, rounded to 7 decimals, of a row's TWD97 X/Y numbers (either
 * way round), counted in `counts`; nulls when they are no TWD97 point.
 */
export function wgs84OfTwd97Pair(
  x: number | null,
  y: number | null,
  counts: NormalizeCounts,
): [number | null, number | null] {
  const into: RoundedLonLat = { lon: null, lat: null };
  wgs84OfTwd97PairInto(x, y, counts, into);
  return [into.lon, into.lat];
}

export interface RoundedLonLat {
  lon: number | null;
  lat: number | null;
}

const point: LonLat = { lon: 0, lat: 0 };

/** wgs84OfTwd97Pair into `into`, without allocating (the JSON byte rows call it per row). */
export function wgs84OfTwd97PairInto(
  x: number | null,
  y: number | null,
  counts: NormalizeCounts,
  into: RoundedLonLat,
): void {
  const kind = x !== null && y !== null ? classifyCoordinatePair(x, y) : undefined;
  const found =
    kind === 'twd97'
      ? twd97ToWgs84Into(x!, y!, point)
      : kind === 'twd97-swapped'
        ? twd97ToWgs84Into(y!, x!, point)
        : false;
  if (!found) {
    into.lon = null;
    into.lat = null;
    return;
  }
  counts.coordinates++;
  into.lon = roundTo7(point.lon);
  into.lat = roundTo7(point.lat);
}
