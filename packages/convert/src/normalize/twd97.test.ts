import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { classifyCoordinatePair, parseCoordinate } from './coordinate-pair.ts';
import { detectCoordinateColumns } from './coordinate-columns.ts';
import { twd97ToWgs84, wgs84ToTwd97 } from './twd97.ts';

/** Metres per degree of latitude, and of longitude at 23°N: enough to express a 1 m tolerance. */
const METRES_PER_DEGREE_LAT = 110_757;
const METRES_PER_DEGREE_LON_23N = 102_550;

describe('twd97ToWgs84 and wgs84ToTwd97', () => {
  it('puts the origin of EPSG:3826 on 121°E, and 23°N at Y = 2,544,283 m, within 1 m', () => {
    const point = twd97ToWgs84(250_000, 2_544_283) as { lon: number; lat: number };
    expect(Math.abs(point.lon - 121) * METRES_PER_DEGREE_LON_23N).toBeLessThan(1);
    expect(Math.abs(point.lat - 23) * METRES_PER_DEGREE_LAT).toBeLessThan(1);
    const back = wgs84ToTwd97(121, 23) as { x: number; y: number };
    expect(Math.abs(back.x - 250_000)).toBeLessThan(1);
    expect(Math.abs(back.y - 2_544_283)).toBeLessThan(1);
  });

  it('round-trips a point within a millimetre', () => {
    const there = twd97ToWgs84(265_059.16, 2_517_127.71) as { lon: number; lat: number };
    const back = wgs84ToTwd97(there.lon, there.lat) as { x: number; y: number };
    expect(Math.abs(back.x - 265_059.16)).toBeLessThan(0.001);
    expect(Math.abs(back.y - 2_517_127.71)).toBeLessThan(0.001);
  });

  it('uses the 119° meridian for Penghu, Kinmen and Matsu (EPSG:3825)', () => {
    const origin = twd97ToWgs84(250_000, 2_544_283, 'EPSG:3825') as { lon: number; lat: number };
    expect(origin.lon).toBeCloseTo(119, 6);
    const kinmen = wgs84ToTwd97(118.32, 24.43, 'EPSG:3825') as { x: number; y: number };
    const back = twd97ToWgs84(kinmen.x, kinmen.y, 'EPSG:3825') as { lon: number; lat: number };
    expect(back.lon).toBeCloseTo(118.32, 8);
    expect(back.lat).toBeCloseTo(24.43, 8);
  });

  it('returns null for non-numbers instead of throwing', () => {
    expect(twd97ToWgs84(Number.NaN, 2_544_283)).toBeNull();
    expect(wgs84ToTwd97(121, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('the Taitung shelters (臺東縣避難收容處所) in TWD97', () => {
  const path = new URL('../../../portal/demo/real/taitung-shelters-twd97.csv', import.meta.url);
  const [header = [], ...rows]: string[][] = parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));

  it('finds the X坐標/Y坐標 columns by their names', () => {
    expect(detectCoordinateColumns(header)).toEqual({ x: 9, y: 10, system: 'projected' });
  });

  it('converts every shelter with coordinates to a point inside Taitung county', () => {
    const { x, y } = detectCoordinateColumns(header) as { x: number; y: number };
    const pairs = rows
      .map((row) => [parseCoordinate(row[x]), parseCoordinate(row[y])] as const)
      .filter((pair): pair is readonly [number, number] => pair[0] !== null && pair[1] !== null);
    expect(pairs).toHaveLength(78); // the other 90 shelters have empty X/Y cells
    for (const [east, north] of pairs) {
      expect(classifyCoordinatePair(east, north)).toBe('twd97');
      const point = twd97ToWgs84(east, north) as { lon: number; lat: number };
      expect(point.lat).toBeGreaterThan(22.0);
      expect(point.lat).toBeLessThan(23.5);
      expect(point.lon).toBeGreaterThan(120.7);
      expect(point.lon).toBeLessThan(121.6);
    }
  });

  it('puts the Orchid Island (蘭嶼) shelters off the south-east coast', () => {
    const orchid = rows.filter((row) => row[3] === '蘭嶼鄉' && row[9] !== '');
    expect(orchid.length).toBeGreaterThan(0);
    for (const row of orchid) {
      const point = twd97ToWgs84(Number(row[9]), Number(row[10])) as { lon: number; lat: number };
      expect(point.lon).toBeGreaterThan(121.45);
      expect(point.lat).toBeLessThan(22.1);
    }
  });
});

describe('twd97ToWgs84 against proj4 with its datum step', () => {
  it('agrees to 1e-12 degrees over Taiwan, Penghu and Kinmen', () => {
    for (const zone of ['EPSG:3826', 'EPSG:3825'] as const) {
      const reference = proj4(zone, 'EPSG:4326');
      for (let x = 150_000; x <= 350_000; x += 9_973) {
        for (let y = 2_420_000; y <= 2_800_000; y += 19_937) {
          const [lon, lat] = reference.forward([x, y]) as [number, number];
          const point = twd97ToWgs84(x, y, zone) as { lon: number; lat: number };
          expect(Math.abs(point.lon - lon)).toBeLessThan(1e-12);
          expect(Math.abs(point.lat - lat)).toBeLessThan(1e-12);
        }
      }
    }
  });
});
