import type { FastifyInstance } from 'fastify';
import type { FeatureCollection, Point } from 'geojson';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../../quality/src/fetch/local-test-server.ts';
import { buildTestApp, testSettings } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { DEMO_REAL_DIR } from '../demo/demo-real-files.ts';
import { checkResource, createHostLimiter, type QualityDeps } from '../quality/check-resource.service.ts';
import { resourceRowIds } from '../quality/quality.repo.ts';
import { CountyLookup, pointInGeometry } from './county-lookup.ts';
import { taiwanOutline } from './taiwan-outline.ts';

/*
 * The map pages (地圖) on a real catalogue: resource bodies fetched by the quality checker
 * from a local server as in production — the real Taitung shelters (TWD97 X/Y), a
 * GeoJSON file, a KML file with script in its description, a table without coordinates
 * and a resource never fetched — then drawn through the pages and their GeoJSON.
 */

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const IDENTIFIER = 'A41000000G-000301';
const SHELTERS = `${IDENTIFIER}-001`;
const GEOJSON = `${IDENTIFIER}-002`;
const KML = `${IDENTIFIER}-003`;
const NO_COORDINATES = `${IDENTIFIER}-004`;
const UNFETCHED = `${IDENTIFIER}-005`;
const BAD_GEOJSON = `${IDENTIFIER}-006`;

const stations = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '臺東站', 電話: '089-229685' },
      geometry: { type: 'Point', coordinates: [121.1468, 22.7554] },
    },
    {
      type: 'Feature',
      properties: { name: '花蓮站' },
      geometry: { type: 'Point', coordinates: [121.6014, 23.9769] },
    },
  ],
};
const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark>
    <name>&lt;script&gt;alert(1)&lt;/script&gt;池上</name>
    <description><![CDATA[<img src=x onerror="alert(2)">]]></description>
    <Point><coordinates>121.2196,23.1256,0</coordinates></Point>
  </Placemark>
</Document></kml>`;

const bodies: Record<string, [string, Buffer]> = {
  '/shelters.csv': ['text/csv', readFileSync(path.join(DEMO_REAL_DIR, 'taitung-shelters-twd97.csv'))],
  '/stations.geojson': ['application/geo+json', Buffer.from(JSON.stringify(stations))],
  '/places.kml': ['application/vnd.google-earth.kml+xml', Buffer.from(kml)],
  '/small.csv': ['text/csv', Buffer.from('name,city,amount\nAlpha,臺北市,10\nBeta,臺中市,20\n')],
  '/bad.geojson': ['application/geo+json', Buffer.from('{"type":"Point","coordinates":[500,23]}')],
};

let t: TestDatabase;
let app: FastifyInstance;
let tiles: FastifyInstance;
let files: LocalServer;
let datasetId: number;
const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-maps-'));

beforeAll(async () => {
  files = await startLocalServer((req, res) => {
    const found = bodies[req.url ?? ''];
    if (!found) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': found[0] });
    res.end(req.method === 'HEAD' ? undefined : found[1]);
  });
  t = await openTestDatabase();
  const resource = (description: string, format: string, file: string, fields: string[] = []) => ({
    resourceDescription: description,
    format,
    characterSetCode: 'UTF-8',
    downloadURL: files.url(file),
    resourceField: fields.map((name) => ({ name, description: '' })),
  });
  const [record] = await createDatasets(
    t,
    [
      {
        input: datasetInput({
          identifier: IDENTIFIER,
          title: '臺東縣避難收容處所（地圖測試）',
          distribution: [
            resource('避難收容處所', 'CSV', '/shelters.csv', ['收容所名稱', 'X坐標', 'Y坐標']),
            resource('車站 GeoJSON', 'GeoJSON', '/stations.geojson'),
            resource('地點 KML', 'KML', '/places.kml'),
            resource('小表', 'CSV', '/small.csv', ['name', 'city', 'amount']),
            resource('尚未擷取', 'GeoJSON', '/stations.geojson'),
            resource('壞掉的 GeoJSON', 'GeoJSON', '/bad.geojson'),
          ],
        }),
      },
    ],
    { actor: 'test' },
  );
  datasetId = record!.datasetId;
  const settings = testSettings({
    dataDir,
    fetch: { allow: ['127.0.0.1'], maxBytes: 1024 * 1024, hostConcurrency: 4, hostDelayMs: 0 },
  });
  const deps: QualityDeps = { catalogue: t, settings, limiter: createHostLimiter(settings) };
  for (const [resourceId, rowId] of await resourceRowIds(t.db, datasetId)) {
    if (resourceId !== UNFETCHED) await checkResource(deps, rowId, 'manual');
  }
  app = await buildTestApp(t, { dataDir });
  tiles = await buildTestApp(t, {
    dataDir,
    map: { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', tileAttribution: '© OpenStreetMap' },
  });
}, 60_000);

afterAll(async () => {
  await Promise.all([app?.close(), tiles?.close(), files?.close()]);
  await t?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

const mapPath = (resourceId: string, suffix = '') =>
  `/dataset/${datasetId}/resource/${resourceId}/map${suffix}`;

/** The text of the first element matching a tag and attribute in a parse5 tree. */
type Node = {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
};
function findAll(node: Node, test: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (test(node)) out.push(node);
  for (const child of node.childNodes ?? []) findAll(child, test, out);
  return out;
}
const text = (node: Node): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join('');
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

describe(`map pages on ${engine}`, () => {
  it('draws the Taitung shelters: an SVG map, a table of locations, all of them in Taitung', async () => {
    const res = await app.inject(mapPath(SHELTERS));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("img-src 'self' data:;");
    expect(csp).toContain("script-src 'self';");
    const doc = parse(res.body) as unknown as Node;
    const svg = findAll(doc, (n) => n.nodeName === 'svg')[0]!;
    expect(attr(svg, 'role')).toBe('img');
    expect(attr(svg, 'aria-label')).toContain('78');
    expect(findAll(svg, (n) => n.nodeName === 'circle')).toHaveLength(78);
    expect(findAll(svg, (n) => attr(n, 'data-county') === '臺東縣')).toHaveLength(1);
    const table = findAll(doc, (n) => n.nodeName === 'table' && attr(n, 'class') === 'map-locations')[0]!;
    expect(text(findAll(table, (n) => n.nodeName === 'caption')[0]!)).toBe('位置表（共 78 筆）');
    const rows = findAll(table, (n) => n.nodeName === 'tr').slice(1);
    expect(rows).toHaveLength(78);
    const counties = rows.map((row) => text(findAll(row, (n) => n.nodeName === 'td').at(-1)!));
    expect(new Set(counties)).toEqual(new Set(['臺東縣']));
    expect(text(rows[0]!)).toContain('臺東市公所');
    // The live map's settings, the same-origin files, and no tile server.
    const live = findAll(doc, (n) => attr(n, 'id') === 'map-live')[0]!;
    expect(attr(live, 'data-data-url')).toBe(`/api/v1/resources/${SHELTERS}/data.geojson`);
    expect(attr(live, 'data-tile-url')).toBe('');
    const outlineUrl = attr(live, 'data-outline-url')!;
    expect(outlineUrl).toBe(taiwanOutline().href);
    const scripts = findAll(doc, (n) => n.nodeName === 'script').map((s) => attr(s, 'src'));
    expect(scripts).toEqual([
      expect.stringMatching(/^\/assets\/leaflet-[0-9a-f]{12}\.js$/),
      expect.stringMatching(/^\/assets\/resource-map-[0-9a-f]{12}\.js$/),
    ]);
    for (const src of [...scripts, outlineUrl]) {
      const asset = await app.inject({ url: src!, headers: { 'accept-encoding': 'gzip' } });
      expect(asset.statusCode, src).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const outline = await app.inject({ url: outlineUrl, headers: { 'accept-encoding': 'gzip' } });
    expect(outline.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(outline.headers['content-encoding']).toBe('gzip');
  });

  it('has the same points in the data API’s GeoJSON, every one inside Taitung county', async () => {
    const res = await app.inject(`/api/v1/resources/${SHELTERS}/data.geojson`);
    expect(res.statusCode, res.body).toBe(200);
    const collection = res.json<FeatureCollection<Point>>();
    expect(collection.features).toHaveLength(78);
    const taitung = new CountyLookup(taiwanOutline().outline).byName('臺東縣')!;
    const outside = collection.features.filter(
      (f) => !pointInGeometry(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!, taitung.geometry),
    );
    expect(outside).toEqual([]);
    const page = await app.inject(mapPath(SHELTERS, '.json'));
    expect(page.json()).toMatchObject({
      datasetId,
      resourceId: SHELTERS,
      source: { kind: 'coordinates' },
      total: 78,
      truncated: false,
    });
    expect(
      page.json<{ locations: { county: string }[] }>().locations.every((l) => l.county === '臺東縣'),
    ).toBe(true);
  });

  it('is in English under /en/', async () => {
    const res = await app.inject(`/en${mapPath(SHELTERS)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-language']).toBe('en');
    expect(res.body).toContain('<caption>Locations (78)</caption>');
  });

  it('draws a GeoJSON resource from its fetched copy, served as application/geo+json', async () => {
    const page = await app.inject(mapPath(GEOJSON));
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain(`data-data-url="/dataset/${datasetId}/resource/${GEOJSON}/map.geojson"`);
    expect(page.body).toContain('臺東站');
    const res = await app.inject(mapPath(GEOJSON, '.geojson'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json()).toEqual(stations);
    const json = await app.inject(mapPath(GEOJSON, '.json'));
    expect(json.json<{ locations: { name: string; county: string }[] }>().locations).toEqual([
      { name: '臺東站', kind: 'point', lon: 121.1468, lat: 22.7554, county: '臺東縣' },
      { name: '花蓮站', kind: 'point', lon: 121.6014, lat: 23.9769, county: '花蓮縣' },
    ]);
  });

  it('draws a KML resource converted server-side, its markup shown as text', async () => {
    const res = await app.inject(mapPath(KML, '.geojson'));
    expect(res.statusCode, res.body).toBe(200);
    const collection = res.json<FeatureCollection<Point>>();
    expect(collection.features[0]!.properties).toEqual({
      name: '<script>alert(1)</script>池上',
      description: '<img src=x onerror="alert(2)">',
    });
    const page = await app.inject(mapPath(KML));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>池上');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
  });

  it('answers 404 MAP_UNAVAILABLE, saying why, for a resource without coordinates or not fetched', async () => {
    const none = await app.inject(mapPath(NO_COORDINATES));
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toMatch(/^text\/html/);
    expect(none.body).toContain('MAP_UNAVAILABLE');
    expect(none.body).toContain('no longitude/latitude (WGS84) or TWD97 X/Y columns');
    const twin = await app.inject(mapPath(NO_COORDINATES, '.json'));
    expect(twin.statusCode).toBe(404);
    expect(twin.json()).toMatchObject({ error: { code: 'MAP_UNAVAILABLE' } });
    const unfetched = await app.inject(mapPath(UNFETCHED, '.geojson'));
    expect(unfetched.statusCode).toBe(404);
    expect(unfetched.json()).toMatchObject({
      error: {
        code: 'MAP_UNAVAILABLE',
        message: `Resource ${UNFETCHED} has no map: the platform has not fetched its file yet`,
      },
    });
    const bad = await app.inject(mapPath(BAD_GEOJSON, '.geojson'));
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      error: { code: 'CONVERSION_FAILED', details: { convertCode: 'INVALID_GEOJSON' } },
    });
    const unknown = await app.inject(mapPath(`${IDENTIFIER}-099`));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('RESOURCE_NOT_FOUND');
  });

  it('links the map from the dataset page only for resources with coordinates or GeoJSON/KML', async () => {
    const res = await app.inject(`/dataset/${datasetId}`);
    expect(res.statusCode).toBe(200);
    const doc = parse(res.body) as unknown as Node;
    const links = findAll(doc, (n) => n.nodeName === 'a' && /\/map$/.test(attr(n, 'href') ?? '')).map((a) =>
      attr(a, 'href'),
    );
    expect(links).toEqual([SHELTERS, GEOJSON, KML, UNFETCHED, BAD_GEOJSON].map((id) => mapPath(id)));
    const english = await app.inject(`/en/dataset/${datasetId}`);
    expect(english.body).toContain(
      `href="/en${mapPath(SHELTERS)}">Map<span class="visually-hidden">: 避難收容處所</span>`,
    );
  });

  it('with a tile server set, hands its URL to the map and allows its origin in img-src only', async () => {
    const res = await tiles.inject(mapPath(SHELTERS));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain(
      "img-src 'self' data: https://tile.openstreetmap.org;",
    );
    expect(res.headers['content-security-policy']).toContain("connect-src 'self';");
    expect(res.body).toContain('data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"');
    expect(res.body).toContain('data-tile-attribution="© OpenStreetMap"');
    // Other pages keep the strict CSP.
    const other = await tiles.inject(`/dataset/${datasetId}`);
    expect(other.headers['content-security-policy']).not.toContain('openstreetmap');
  });
});
