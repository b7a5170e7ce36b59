import { classifyCoordinatePair } from './coordinate-pair.ts';
import type { NormalizeCounts } from './normalize-counts.ts';
import { twd97ToWgs84 } from './twd97.ts';

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
  const kind = x !== null && y !== null ? classifyCoordinatePair(x, y) : undefined;
  const point =
    kind === 'twd97' ? twd97ToWgs84(x!, y!) : kind === 'twd97-swapped' ? twd97ToWgs84(y!, x!) : null;
  if (!point) return [null, null];
  counts.coordinates++;
  return [roundTo7(point.lon), roundTo7(point.lat)];
}
