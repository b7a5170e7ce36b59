import type { Feature, Geometry } from 'geojson';
import { readFile, stat } from 'node:fs/promises';
import type { Settings } from '../../config/settings.ts';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ResourceRecord } from '../datasets/dataset.record.ts';
import { latestFetchedCopies, type FetchedCopyRow } from '../formats/fetched-copy.repo.ts';
import { fetchedStore } from '../formats/other-formats.ts';
import { assertNoPersonalData } from '../privacy/personal-data-gate.ts';
import { coordinateFields } from '../tables/table-fields.ts';
import { rowsAsGeoJson } from '../tables/table-output.ts';
import { maxRowsOf, queryTable, resourceTable, type TablesContext } from '../tables/tables.service.ts';
import { GeoJsonError, readGeoJson } from './geojson-resource.ts';
import {
  KmlError,
  kmlToGeoJson,
  MAX_KML_BYTES,
  type MapFeatureCollection,
  type MapProperties,
} from './kml-to-geojson.ts';

/**
 * What a resource's map draws, read in-process: a GeoJSON or KML resource's features
 * from the copy the platform last fetched (whole, within the fetch byte limit), or the
 * points of a structured resource's normalised table (features/tables/) from its
 * longitude/latitude columns — WGS84 as published, or TWD97 X/Y the converter turned
 * into longitude/latitude. Anything else is MAP_UNAVAILABLE with the reason.
 */

export type MapSource =
  { kind: 'coordinates'; lon: string; lat: string } | { kind: 'geojson' } | { kind: 'kml' };

export interface ResourceMap {
  source: MapSource;
  features: MapFeatureCollection;
  /** Features (or rows with coordinates) in all; more than drawn when `truncated`. */
  total: number;
  truncated: boolean;
}

export interface MapDeps {
  catalogue: CatalogueContext;
  settings: Settings;
}

const GEO_FORMATS = { GEOJSON: 'geojson', KML: 'kml' } as const;
/** The sniffer's name for the general format a GeoJSON (KML) file also is. */
const GENERIC_FORMAT = { geojson: 'JSON', kml: 'XML' } as const;

/** The map kind a declared or sniffed format names (GeoJSON, KML), if any. */
export function geoFormat(format: string | null | undefined): 'geojson' | 'kml' | undefined {
  const key = (format ?? '')
    .trim()
    .toUpperCase()
    .replace(/[\s_-]/g, '');
  return key === 'GEOJSON' || key === 'KML' ? GEO_FORMATS[key] : undefined;
}

function unavailable(resourceId: string, why: string): AppError {
  return new AppError('MAP_UNAVAILABLE', `Resource ${resourceId} has no map: ${why}`);
}

/** Parsed geo files by body checksum: the page and its GeoJSON read the same file once. */
const parsedFiles = new Map<string, MapFeatureCollection>();
const PARSED_FILES_KEPT = 16;

async function geoFile(
  deps: MapDeps,
  resourceId: string,
  kind: 'geojson' | 'kml',
  fetched: FetchedCopyRow | undefined,
): Promise<MapFeatureCollection> {
  if (!fetched) throw unavailable(resourceId, 'the platform has not fetched its file yet');
  if (fetched.bodyTruncated !== 0) throw unavailable(resourceId, 'its file was cut at the fetch byte limit');
  const key = `${kind}:${fetched.sha256}`;
  const known = parsedFiles.get(key);
  if (known) return known;
  const file = fetchedStore(deps.settings.dataDir).pathOf(fetched.sha256);
  let bytes: number;
  try {
    bytes = (await stat(file)).size;
  } catch {
    throw unavailable(resourceId, 'the platform has not fetched its file yet');
  }
  const limit =
    kind === 'kml' ? Math.min(MAX_KML_BYTES, deps.settings.fetch.maxBytes) : deps.settings.fetch.maxBytes;
  if (bytes > limit) throw unavailable(resourceId, `its file is over ${limit} bytes`);
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  let collection: MapFeatureCollection;
  try {
    collection = kind === 'kml' ? kmlToGeoJson(text) : readGeoJson(text);
  } catch (error) {
    if (!(error instanceof KmlError || error instanceof GeoJsonError)) throw error;
    throw new AppError('CONVERSION_FAILED', `Resource ${resourceId} cannot be drawn: ${error.message}`, {
      convertCode: kind === 'kml' ? 'INVALID_KML' : 'INVALID_GEOJSON',
    });
  }
  if (parsedFiles.size >= PARSED_FILES_KEPT) parsedFiles.delete(parsedFiles.keys().next().value!);
  parsedFiles.set(key, collection);
  return collection;
}

async function tablePoints(deps: MapDeps, resourceId: string): Promise<ResourceMap> {
  const ctx: TablesContext = { catalogue: deps.catalogue, settings: deps.settings };
  let table;
  try {
    table = await resourceTable(ctx, resourceId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'TABLE_UNAVAILABLE') {
      throw unavailable(resourceId, error.message.replace(/^Resource \S+ has no table: /, ''));
    }
    throw error;
  }
  const pair = coordinateFields(table.row.fields);
  if (!pair) {
    throw unavailable(resourceId, 'its table has no longitude/latitude (WGS84) or TWD97 X/Y columns');
  }
  // The rows the data API's GeoJSON gives (up to the row cap), with both coordinates.
  const rows = await queryTable(ctx, table.row.fields, table.file, table.row.rowCount ?? 0, {
    filters: [
      { column: pair.lon.name, op: 'notnull', value: '' },
      { column: pair.lat.name, op: 'notnull', value: '' },
    ],
    limit: maxRowsOf(ctx),
  });
  const collection = rowsAsGeoJson(pair, rows.fields, rows.records, rows);
  const features: Feature<Geometry, MapProperties>[] = collection.features.flatMap((f) => {
    const [lon, lat] = f.geometry.coordinates;
    if (!inRange(lon, 180) || !inRange(lat, 90)) return [];
    return [{ type: 'Feature', properties: mapProperties(f.properties), geometry: f.geometry }];
  });
  return {
    source: { kind: 'coordinates', lon: pair.lon.name, lat: pair.lat.name },
    features: { type: 'FeatureCollection', features },
    total: rows.total,
    truncated: rows.total > rows.records.length,
  };
}

const inRange = (value: number, bound: number) => Number.isFinite(value) && Math.abs(value) <= bound;

function mapProperties(record: Record<string, unknown>): MapProperties {
  const properties: MapProperties = {};
  for (const [name, value] of Object.entries(record)) {
    properties[name] =
      value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : String(value);
  }
  return properties;
}

/** The resource's row id in the catalogue. */
async function resourceRowId(deps: MapDeps, datasetId: number, resourceId: string): Promise<number> {
  const row = await deps.catalogue.db
    .selectFrom('resources')
    .select('id')
    .where('datasetId', '=', datasetId)
    .where('resourceId', '=', resourceId)
    .executeTakeFirst();
  if (!row) throw new AppError('RESOURCE_NOT_FOUND', `No resource ${resourceId}`);
  return Number(row.id);
}

/** The map of one resource of a dataset the reader may see. */
export async function loadResourceMap(
  deps: MapDeps,
  datasetId: number,
  resource: ResourceRecord,
): Promise<ResourceMap> {
  const rowId = await resourceRowId(deps, datasetId, resource.resourceID);
  await assertNoPersonalData(deps.catalogue.db, rowId, resource.resourceID);
  const fetched = (await latestFetchedCopies(deps.catalogue.db, [rowId])).get(rowId);
  // What the bytes are wins; a declared GeoJSON (KML) that sniffs as plain JSON (XML) is read as declared.
  const declared = geoFormat(resource.format);
  const sniffed = fetched?.sniffedFormat ?? null;
  const kind =
    geoFormat(sniffed) ??
    (declared && (!fetched || sniffed === GENERIC_FORMAT[declared]) ? declared : undefined);
  if (kind) {
    const features = await geoFile(deps, resource.resourceID, kind, fetched);
    return { source: { kind }, features, total: features.features.length, truncated: false };
  }
  return tablePoints(deps, resource.resourceID);
}
