import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.ts';
import { mapPageCsp, tileSource } from './map-csp.ts';
import { bboxOf, pathData, projection, TAIWAN_BBOX, viewBbox } from './map-projection.ts';
import { MapSvg } from './map-svg.tsx';
import type { MapFeatureCollection } from './kml-to-geojson.ts';
import { taiwanOutline } from './taiwan-outline.ts';

/** The server-drawn map: the projection, the SVG it makes, and the page's CSP for tiles. */

const point = (lon: number, lat: number): MapFeatureCollection['features'][number] => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

describe('the static map projection', () => {
  it('maps the box corners to the drawing corners, north up, with longitudes shortened by cos(latitude)', () => {
    const view = projection([120, 22, 122, 24], 600);
    expect(view.project(120, 24)).toEqual([0, 0]);
    const [x, y] = view.project(122, 22);
    expect(x).toBeCloseTo(600, 6);
    expect(y).toBeCloseTo(view.height, 0);
    // 2° of latitude are taller than 2° of longitude at 23°N.
    expect(view.height).toBe(Math.round(600 / Math.cos((23 * Math.PI) / 180)));
    const [mx, my] = view.project(121, 23);
    expect(mx).toBeCloseTo(300, 6);
    expect(my).toBeCloseTo(view.height / 2, 0);
  });

  it('views the data with a margin, at least half a degree across, or all of Taiwan without data', () => {
    expect(viewBbox(undefined)).toEqual(TAIWAN_BBOX);
    const one = viewBbox(bboxOf([point(121, 23).geometry]));
    expect(one[2] - one[0]).toBeCloseTo(0.5, 9);
    expect(one[3] - one[1]).toBeCloseTo(0.5, 9);
    const wide = viewBbox([120, 22, 122, 24]);
    expect(wide).toEqual([119.8, 21.8, 122.2, 24.2]);
  });

  it('writes path data of lines and rings, simplified to the drawing', () => {
    const view = projection([0, 0, 10, 10], 100);
    expect(
      pathData(
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [5, 0.001],
              [10, 0],
              [10, 10],
              [0, 0],
            ],
          ],
        },
        view,
      ),
    ).toMatch(/^M0 \d+(\.\d)?L\d+(\.\d)? \d+(\.\d)?L\d+(\.\d)? \d+(\.\d)?L0 \d+(\.\d)?Z$/);
    expect(pathData({ type: 'Point', coordinates: [1, 1] }, view)).toBe('');
  });

  it('draws the counties around the points and one circle a point, inside the drawing', () => {
    const features: MapFeatureCollection = {
      type: 'FeatureCollection',
      features: [point(121.1468, 22.7554), point(121.0, 22.6)],
    };
    const svg = render(<MapSvg outline={taiwanOutline().outline} features={features} label="臺東 <兩處>" />);
    expect(svg).toMatch(/^<svg class="map-svg"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="臺東 &lt;兩處>"');
    expect(svg).toContain('data-county="臺東縣"');
    expect(svg).not.toContain('data-county="臺北市"');
    const circles = [...svg.matchAll(/<circle class="map-point" cx="([\d.-]+)" cy="([\d.-]+)"/g)];
    expect(circles).toHaveLength(2);
    const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
    for (const [, cx, cy] of circles) {
      expect(Number(cx)).toBeGreaterThan(0);
      expect(Number(cx)).toBeLessThan(Number(width));
      expect(Number(cy)).toBeGreaterThan(0);
      expect(Number(cy)).toBeLessThan(Number(height));
    }
    expect(svg).not.toContain('style=');
    expect(svg.length).toBeLessThan(60_000);
  });
});

describe('the map page CSP', () => {
  it('is the pages’ CSP when no tile server is set', () => {
    expect(mapPageCsp(undefined)).toContain("img-src 'self' data:;");
    expect(mapPageCsp('')).not.toMatch(/https?:/);
  });

  it('lets images come from the tile server’s origin only', () => {
    const csp = mapPageCsp('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(csp).toContain("img-src 'self' data: https://tile.openstreetmap.org;");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("script-src 'self';");
    expect(tileSource('https://{s}.tile.example.org:8443/{z}/{x}/{y}.png')).toBe(
      'https://*.tile.example.org:8443',
    );
    expect(tileSource('https://bad host;script-src */{z}/{x}/{y}')).toBeUndefined();
  });

  it('reads the tile URL and attribution settings, refusing what is not a tile template', () => {
    expect(loadSettings({}).map).toEqual({ tileUrl: undefined, tileAttribution: '' });
    expect(
      loadSettings({
        ODP_MAP_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        ODP_MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors',
      }).map,
    ).toEqual({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      tileAttribution: '© OpenStreetMap contributors',
    });
    expect(() => loadSettings({ ODP_MAP_TILE_URL: 'javascript:alert(1)/{z}' })).toThrow(/ODP_MAP_TILE_URL/);
    expect(() => loadSettings({ ODP_MAP_TILE_URL: 'https://tiles.example.org/map.png' })).toThrow(
      /ODP_MAP_TILE_URL/,
    );
  });
});
